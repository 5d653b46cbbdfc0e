import { describeError } from '../../api/api-error.js';
import { useResetPassword, type User, type UserWithLink } from '../../api/users.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';

/** Asks before resetting: the old password and the person's sessions stop working before they have a new one. */
export function ResetPasswordDialog({
  user,
  onReset,
  onClose,
}: {
  user: User;
  onReset: (reset: UserWithLink) => void;
  onClose: () => void;
}) {
  const reset = useResetPassword();

  return (
    <Dialog isOpen title={`Reset the password of ${user.name}?`} onClose={onClose}>
      <p>
        Their current password stops working and they are signed out everywhere. You get a one-time link to send them,
        with which they set a new password.
      </p>
      {reset.isError ? <Alert tone="error">{describeError(reset.error)}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={reset.isPending}
          onClick={() => reset.mutate(user.id, { onSuccess: onReset })}
        >
          {reset.isPending ? 'Resetting…' : 'Reset password'}
        </button>
      </div>
    </Dialog>
  );
}
