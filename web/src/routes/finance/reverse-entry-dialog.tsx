import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useReverseEntry, type JournalEntry } from '../../api/ledger.js';
import { journalEntryPath } from '../../auth/permissions.js';
import { TextAreaField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from '../operations/operation-dialog.js';

const FIELDS = ['reason'] as const;

/**
 * Reverses an entry — the only correction the books allow: the same lines with sides swapped,
 * posted today, with the reason in its description. Opens the reversal afterwards.
 */
export function ReverseEntryDialog({ entry, onClose }: { entry: JournalEntry; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const form = useOperationForm(FIELDS, entry.entryNumber);
  const reverse = useReverseEntry();
  const toast = useToast();
  const navigate = useNavigate();

  function submit() {
    if (reason.trim() === '') {
      form.setErrors({ reason: 'Say why the entry is reversed.' });
      return;
    }
    const body = { id: entry.id, reason: reason.trim() };
    reverse.mutate(
      { ...body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: (reversal) => {
          toast.show(`${entry.entryNumber} reversed by ${reversal.entryNumber}`);
          onClose();
          void navigate(journalEntryPath(reversal.id));
        },
        onError: form.refused,
      },
    );
  }

  return (
    <OperationDialog
      title={`Reverse ${entry.entryNumber}`}
      formLabel="Reverse the journal entry"
      onClose={onClose}
      onSubmit={submit}
      isPending={reverse.isPending}
      submitLabel="Reverse"
      pendingLabel="Reversing…"
      formError={form.errors.form}
    >
      <p>
        The same {entry.lines.length} lines are posted again with debits and credits swapped, dated today. The entry
        itself stays as it is.
      </p>
      <TextAreaField
        label="Reason"
        hint="Kept in the reversal's description and the audit trail."
        value={reason}
        maxLength={500}
        data-autofocus
        error={form.errors.reason}
        onChange={(event) => {
          setReason(event.target.value);
          form.clear('reason');
        }}
      />
    </OperationDialog>
  );
}
