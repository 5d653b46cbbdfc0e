import { describeError } from '../../api/api-error.js';
import { useDeactivateUser, type User } from '../../api/users.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { useToast } from '../../ui/toast.js';

/** Asks before deactivating: the person is signed out everywhere at once, and the keys they made stop working. */
export function DeactivateUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const deactivate = useDeactivateUser();
  const toast = useToast();

  function confirm() {
    deactivate.mutate(user.id, {
      onSuccess: (deactivated) => {
        toast.show(`${deactivated.name} is deactivated`);
        onClose();
      },
    });
  }

  return (
    <Dialog isOpen title={`Deactivate ${user.name}?`} onClose={onClose}>
      <p>
        {user.name} ({user.email}) can no longer sign in. Their open sessions end at once, and the API keys they created
        are revoked.
      </p>
      <p className="muted">
        You can reactivate them later; the revoked API keys stay revoked, so integrations need new ones.
      </p>
      {deactivate.isError ? <Alert tone="error">{describeError(deactivate.error)}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Keep active
        </button>
        <button type="button" className="button button--danger" disabled={deactivate.isPending} onClick={confirm}>
          {deactivate.isPending ? 'Deactivating…' : 'Deactivate'}
        </button>
      </div>
    </Dialog>
  );
}
