import { useState } from 'react';
import type { CreatedWebhookSubscription } from '../../api/webhooks.js';
import { Alert } from '../../ui/alert.js';
import { OnceShownDialog, OnceShownValue } from '../../ui/once-shown-dialog.js';

/** The new subscription's signing secret, the only time it is shown. */
export function WebhookSecretDialog({
  subscription,
  onClose,
}: {
  subscription: CreatedWebhookSubscription;
  onClose: () => void;
}) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <OnceShownDialog title="Webhook added" what="signing secret" isCopied={isCopied} onClose={onClose}>
      <Alert tone="warning">
        <strong>Store it now: it will not be shown again.</strong> The receiver checks each request’s
        Boomerang-Signature with it (see the README’s Webhooks section); if it is lost, add the webhook again.
      </Alert>
      <OnceShownValue
        label="Signing secret"
        hint={`For ${subscription.url}`}
        value={subscription.secret}
        what="signing secret"
        onCopied={() => setIsCopied(true)}
      />
    </OnceShownDialog>
  );
}
