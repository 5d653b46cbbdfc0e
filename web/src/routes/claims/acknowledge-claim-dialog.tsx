import { useState } from 'react';
import { isApiError } from '../../api/api-error.js';
import { useAcknowledgeClaim, type SupplierClaimView } from '../../api/supplier-claims.js';
import { TextField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from '../operations/operation-dialog.js';

const FIELDS = ['supplierReference'] as const;

/**
 * The supplier says it has the claim, with its own reference (its RMA or case number). A supplier
 * does it itself; finance records it when the supplier said so by e-mail. A 412 closes the dialog:
 * the page says the claim changed meanwhile.
 */
export function AcknowledgeClaimDialog({
  claim,
  isSupplier,
  onClose,
  onStale,
}: {
  claim: SupplierClaimView;
  isSupplier: boolean;
  onClose: () => void;
  onStale: () => void;
}) {
  const [reference, setReference] = useState(claim.supplierReference);
  const form = useOperationForm(FIELDS, claim.claimNumber);
  const acknowledge = useAcknowledgeClaim();
  const toast = useToast();
  const title = isSupplier ? `Acknowledge ${claim.claimNumber}` : `Record acknowledgement of ${claim.claimNumber}`;

  function submit() {
    const body = { supplierReference: reference.trim() };
    acknowledge.mutate(
      { id: claim.id, version: claim.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: () => {
          toast.show(`${claim.claimNumber} acknowledged`);
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
      title={title}
      formLabel={title}
      onClose={onClose}
      onSubmit={submit}
      isPending={acknowledge.isPending}
      submitLabel="Acknowledge"
      pendingLabel="Acknowledging…"
      formError={form.errors.form}
    >
      <p>
        {isSupplier
          ? 'You confirm you have received the claim and will answer it.'
          : 'The supplier confirmed it received the claim and will answer it.'}
      </p>
      <TextField
        label={isSupplier ? 'Your reference' : 'Supplier’s reference'}
        hint="Optional: the supplier’s own RMA or case number for this claim."
        value={reference}
        maxLength={100}
        data-autofocus
        error={form.errors.supplierReference}
        onChange={(event) => {
          setReference(event.target.value);
          form.clear('supplierReference');
        }}
      />
    </OperationDialog>
  );
}
