import { useState } from 'react';
import { formErrorsFrom, isApiError } from '../../api/api-error.js';
import { useVoidCreditMemo, type CreditMemo } from '../../api/credit-memos.js';
import { TextAreaField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from '../operations/operation-dialog.js';
import { memoInSentence } from './credit-labels.js';

const FIELDS = ['reason'] as const;

/**
 * Voids a memo with a reason (kept on the memo and in the audit trail). An issued memo's entry in
 * the books is reversed; its units may be credited again. A 412 closes the dialog: the page says
 * the memo changed meanwhile.
 */
export function VoidCreditDialog({
  memo,
  onClose,
  onStale,
}: {
  memo: CreditMemo;
  onClose: () => void;
  onStale: () => void;
}) {
  const [reason, setReason] = useState('');
  const title = memoInSentence(memo);
  const form = useOperationForm(FIELDS, title);
  const voidMemo = useVoidCreditMemo();
  const toast = useToast();

  function submit() {
    if (reason.trim() === '') {
      form.setErrors({ reason: 'Say why the credit memo is void.' });
      return;
    }
    const body = { reason: reason.trim() };
    voidMemo.mutate(
      { id: memo.id, version: memo.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: () => {
          toast.show(`${title.charAt(0).toUpperCase()}${title.slice(1)} is void`);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412) {
            onClose();
            onStale();
          } else form.setErrors(formErrorsFrom(error, FIELDS));
        },
      },
    );
  }

  return (
    <OperationDialog
      title={`Void ${title}`}
      formLabel="Void the credit memo"
      onClose={onClose}
      onSubmit={submit}
      isPending={voidMemo.isPending}
      submitLabel="Void"
      pendingLabel="Voiding…"
      formError={form.errors.form}
    >
      <p>
        {memo.status === 'issued'
          ? 'Its entry in the books is reversed, and its units may be credited again. The memo stays, marked void.'
          : 'Its units may be credited again. The memo stays, marked void.'}
      </p>
      <TextAreaField
        label="Reason"
        hint="Kept on the memo and in the audit trail."
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
