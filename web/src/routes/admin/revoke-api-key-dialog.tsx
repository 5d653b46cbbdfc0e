import { describeError } from '../../api/api-error.js';
import { useRevokeApiKey, type ApiKey } from '../../api/api-keys.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { useToast } from '../../ui/toast.js';

/** Asks before revoking: integrations that use the key are refused from then on, and it cannot be undone. */
export function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const revoke = useRevokeApiKey();
  const toast = useToast();

  function confirm() {
    revoke.mutate(apiKey.id, {
      onSuccess: (revoked) => {
        toast.show(`API key “${revoked.name}” revoked`);
        onClose();
      },
    });
  }

  return (
    <Dialog isOpen title={`Revoke API key “${apiKey.name}”?`} onClose={onClose}>
      <p>
        Integrations that sign in with <code>bmk_{apiKey.prefix}_…</code> are refused from now on. This cannot be
        undone: to reconnect them, create a new key.
      </p>
      {revoke.isError ? <Alert tone="error">{describeError(revoke.error)}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Keep the key
        </button>
        <button type="button" className="button button--danger" disabled={revoke.isPending} onClick={confirm}>
          {revoke.isPending ? 'Revoking…' : 'Revoke key'}
        </button>
      </div>
    </Dialog>
  );
}
