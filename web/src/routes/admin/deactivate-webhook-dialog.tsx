import { describeError } from '../../api/api-error.js';
import { useDeactivateWebhookSubscription, type WebhookSubscription } from '../../api/webhooks.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { useToast } from '../../ui/toast.js';

/** Asks first: the receiver gets no more events (what is waiting stays, and its log stays readable). */
export function DeactivateWebhookDialog({
  subscription,
  onClose,
}: {
  subscription: WebhookSubscription;
  onClose: () => void;
}) {
  const deactivate = useDeactivateWebhookSubscription();
  const toast = useToast();

  function confirm() {
    deactivate.mutate(subscription, {
      onSuccess: () => {
        toast.show(`Webhook to ${subscription.url} deactivated`);
        onClose();
      },
    });
  }

  return (
    <Dialog isOpen title="Deactivate webhook?" onClose={onClose}>
      <p>
        <code>{subscription.url}</code> receives no more events from now on. Its delivery log stays readable.
      </p>
      {deactivate.isError ? <Alert tone="error">{describeError(deactivate.error)}</Alert> : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Keep it
        </button>
        <button type="button" className="button button--danger" disabled={deactivate.isPending} onClick={confirm}>
          {deactivate.isPending ? 'Deactivating…' : 'Deactivate'}
        </button>
      </div>
    </Dialog>
  );
}
