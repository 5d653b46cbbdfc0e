import { useState } from 'react';
import type { UserWithLink } from '../../api/users.js';
import { Alert } from '../../ui/alert.js';
import { formatDateTime } from '../../ui/dates.js';
import { OnceShownDialog, OnceShownValue } from '../../ui/once-shown-dialog.js';

/** Where the person sets their password. */
export const SET_PASSWORD_PATH = '/set-password';

/**
 * The token travels in the fragment: browsers send neither it to the server (so it never lands in
 * access logs) nor in a Referer header; the page reads it in the browser.
 */
export function passwordLinkUrl(token: string): string {
  return `${window.location.origin}${SET_PASSWORD_PATH}#token=${encodeURIComponent(token)}`;
}

/**
 * The one-time link after an invitation or a reset, the only time it is shown: the server keeps a
 * hash, so once this closes the link is gone (closing without copying it asks first).
 */
export function PasswordLinkDialog({ created, onClose }: { created: UserWithLink; onClose: () => void }) {
  const [isCopied, setIsCopied] = useState(false);
  const { user, passwordLink } = created;
  const isInvitation = passwordLink.purpose === 'invitation';

  return (
    <OnceShownDialog
      title={isInvitation ? `${user.name} is invited` : `Password reset for ${user.name}`}
      what="link"
      isCopied={isCopied}
      onClose={onClose}
    >
      <Alert tone="warning">
        <strong>Copy the link now: it is shown only once.</strong> Boomerang keeps only a fingerprint of it; if it is
        lost, reset the password to make a new one.
      </Alert>
      <OnceShownValue
        label={isInvitation ? 'Invitation link' : 'Password reset link'}
        hint={`Send it to ${user.email} by a channel you trust: whoever opens it sets the password.`}
        value={passwordLinkUrl(passwordLink.token)}
        what="link"
        onCopied={() => setIsCopied(true)}
      />
      <p>
        It works once, until <strong>{formatDateTime(passwordLink.expiresAt)}</strong>.
        {isInvitation ? null : ' The old password and any open sessions have already stopped working.'}
      </p>
    </OnceShownDialog>
  );
}
