import { useState } from 'react';
import { isApiError } from '../../api/api-error.js';
import { useRecordClaimPayment, type SupplierClaimView } from '../../api/supplier-claims.js';
import { TextField } from '../../ui/field.js';
import { majorTextToMinor, minorToMajorText } from '../../ui/money.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from '../operations/operation-dialog.js';
import { money } from './claim-labels.js';

const FIELDS = ['reference', 'amountMinor'] as const;

/**
 * The supplier's credit note (or payment) for what it accepted: one, for the whole accepted amount,
 * posted against accounts payable. The amount starts at the accepted one; another is refused here
 * before the server refuses it.
 */
export function RecordPaymentDialog({
  claim,
  onClose,
  onStale,
}: {
  claim: SupplierClaimView;
  onClose: () => void;
  onStale: () => void;
}) {
  const accepted = claim.acceptedMinor ?? 0;
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState(minorToMajorText(accepted, claim.currency));
  const form = useOperationForm(FIELDS, claim.claimNumber);
  const pay = useRecordClaimPayment();
  const toast = useToast();
  const acceptedText = money(accepted, claim.currency);

  function submit() {
    const amountMinor = majorTextToMinor(amount, claim.currency);
    const errors: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (reference.trim() === '') errors.reference = 'Enter the supplier’s credit note or payment reference.';
    if (amountMinor === null) errors.amountMinor = 'Enter an amount such as 12.50.';
    else if (amountMinor !== accepted)
      errors.amountMinor = `A claim is settled in one payment of the ${acceptedText} accepted.`;
    if (Object.keys(errors).length > 0 || amountMinor === null) {
      form.setErrors(errors);
      return;
    }
    const body = { reference: reference.trim(), amountMinor };
    pay.mutate(
      { id: claim.id, version: claim.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: () => {
          toast.show(`${claim.claimNumber} paid: ${money(amountMinor, claim.currency)}`);
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
      title={`Record payment of ${claim.claimNumber}`}
      formLabel={`Record payment of ${claim.claimNumber}`}
      onClose={onClose}
      onSubmit={submit}
      isPending={pay.isPending}
      submitLabel="Record payment"
      pendingLabel="Recording…"
      formError={form.errors.form}
    >
      <p>
        {claim.supplierName ?? claim.supplierId} accepted {acceptedText}. Its credit note settles the claim and is
        posted to the books against accounts payable.
      </p>
      <TextField
        label="Credit note or payment reference"
        value={reference}
        maxLength={100}
        data-autofocus
        error={form.errors.reference}
        onChange={(event) => {
          setReference(event.target.value);
          form.clear('reference');
        }}
      />
      <TextField
        label={`Amount (${claim.currency})`}
        hint={`The accepted amount, ${acceptedText}.`}
        inputMode="decimal"
        value={amount}
        error={form.errors.amountMinor}
        onChange={(event) => {
          setAmount(event.target.value);
          form.clear('amountMinor');
        }}
      />
    </OperationDialog>
  );
}
