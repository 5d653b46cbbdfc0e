import { isApiError } from '../../api/api-error.js';
import { useIssueCreditMemo, type CreditMemo } from '../../api/credit-memos.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from '../operations/operation-dialog.js';
import { memoInSentence, money } from './credit-labels.js';

/**
 * Issuing is the step that cannot be taken back quietly: the memo gets its number (CM-…, without
 * gaps) and is posted to the books. So it is confirmed first.
 */
export function IssueCreditDialog({
  memo,
  onClose,
  onStale,
}: {
  memo: CreditMemo;
  onClose: () => void;
  onStale: () => void;
}) {
  const form = useOperationForm([] as const, memoInSentence(memo));
  const issue = useIssueCreditMemo();
  const toast = useToast();

  function submit() {
    const change = { id: memo.id, version: memo.version };
    issue.mutate(
      { ...change, idempotencyKey: form.keyFor(change) },
      {
        onSuccess: (issued) => {
          toast.show(
            `${issued.creditMemoNumber ?? 'The credit memo'} issued to ${issued.customerName ?? 'the customer'}`,
          );
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412) {
            onClose();
            onStale();
          } else form.refused(error);
        },
      },
    );
  }

  return (
    <OperationDialog
      title={`Issue ${memoInSentence(memo)}`}
      formLabel="Issue the credit memo"
      onClose={onClose}
      onSubmit={submit}
      isPending={issue.isPending}
      submitLabel="Issue"
      pendingLabel="Issuing…"
      formError={form.errors.form}
    >
      <p>
        {money(memo.totalMinor, memo.currency)} to {memo.customerName ?? memo.customerId}. The memo is numbered and
        posted to the books — sales returns, tax and any restocking fee against the customer&apos;s credit. Only a void
        undoes it.
      </p>
    </OperationDialog>
  );
}
