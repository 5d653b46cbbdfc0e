import { useState } from 'react';
import { useShipToCustomer, type CustomerReturnShipment } from '../../api/operations.js';
import { TextField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from './operation-dialog.js';
import { productLabel } from './operations-labels.js';

const FIELDS = ['carrierReference'] as const;

/** Hands the customer's unit to a carrier, back to them: the tracking number is what they are told. */
export function ShipToCustomerDialog({ shipment, onClose }: { shipment: CustomerReturnShipment; onClose: () => void }) {
  const [carrierReference, setCarrierReference] = useState('');
  const form = useOperationForm(FIELDS, 'The shipment');
  const ship = useShipToCustomer();
  const toast = useToast();

  function submit() {
    if (carrierReference.trim() === '') {
      form.setErrors({ carrierReference: 'Enter the tracking number.' });
      return;
    }
    const body = { carrierReference: carrierReference.trim() };
    ship.mutate(
      { id: shipment.id, version: shipment.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: (shipped) => {
          toast.show(`${shipped.rmaNumber ?? 'The unit'} shipped back to ${shipped.customerName ?? 'the customer'}`);
          onClose();
        },
        onError: form.refused,
      },
    );
  }

  return (
    <OperationDialog
      title="Ship back to the customer"
      formLabel="Ship back to the customer"
      onClose={onClose}
      onSubmit={submit}
      isPending={ship.isPending}
      submitLabel="Ship"
      pendingLabel="Shipping…"
      formError={form.errors.form}
    >
      <p>
        {shipment.rmaNumber ?? shipment.rmaId} · {productLabel(shipment)} · {shipment.quantity} unit
        {shipment.quantity === 1 ? '' : 's'} to {shipment.customerName ?? shipment.customerId}
      </p>
      <TextField
        label="Tracking number"
        value={carrierReference}
        maxLength={100}
        autoComplete="off"
        data-autofocus
        error={form.errors.carrierReference}
        onChange={(event) => {
          setCarrierReference(event.target.value);
          form.clear('carrierReference');
        }}
      />
    </OperationDialog>
  );
}
