import { useClosePeriod, type LegalEntity } from '../../api/ledger.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from '../operations/operation-dialog.js';
import { formatPeriod } from './finance-labels.js';

/**
 * Asks before closing a month: nothing posts into it afterwards, and there is no reopening. The
 * server refuses a month that has not ended (422) or is already closed (409); its words are shown.
 */
export function ClosePeriodDialog({
  entity,
  period,
  entries,
  onClose,
}: {
  entity: LegalEntity;
  period: string;
  /** How many entries the month holds, when known. */
  entries: number | null;
  onClose: () => void;
}) {
  const form = useOperationForm([] as const, `${formatPeriod(period)} of ${entity.code}`);
  const close = useClosePeriod();
  const toast = useToast();
  const month = formatPeriod(period);

  function submit() {
    const body = { legalEntityId: entity.id, period };
    close.mutate(
      { ...body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: () => {
          toast.show(`${month} of ${entity.code} is closed`);
          onClose();
        },
        onError: form.refused,
      },
    );
  }

  return (
    <OperationDialog
      title={`Close ${month}`}
      formLabel="Close the period"
      onClose={onClose}
      onSubmit={submit}
      isPending={close.isPending}
      submitLabel="Close the period"
      pendingLabel="Closing…"
      formError={form.errors.form}
    >
      <p>
        Close {month} in the books of {entity.code} · {entity.name}
        {entries === null ? '' : ` (${entries} ${entries === 1 ? 'entry' : 'entries'})`}? Nothing can be posted into it
        afterwards: a later correction is posted in an open month. A closed period is not reopened.
      </p>
    </OperationDialog>
  );
}
