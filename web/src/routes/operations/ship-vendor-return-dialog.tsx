import { useState } from 'react';
import { useShipVendorReturn, type VendorReturn } from '../../api/operations.js';
import { TextField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from './operation-dialog.js';
import { plural } from './operations-labels.js';

const FIELDS = ['carrierReference', 'supplierAuthorization'] as const;

/** Hands the vendor return to a carrier: its tracking number and the supplier's authorization (RA). */
export function ShipVendorReturnDialog({ document, onClose }: { document: VendorReturn; onClose: () => void }) {
  const [carrierReference, setCarrierReference] = useState('');
  const [supplierAuthorization, setSupplierAuthorization] = useState(document.supplierAuthorization);
  const form = useOperationForm(FIELDS, document.vendorReturnNumber);
  const ship = useShipVendorReturn();
  const toast = useToast();

  function submit() {
    if (carrierReference.trim() === '') {
      form.setErrors({ carrierReference: 'Enter the tracking or consignment number.' });
      return;
    }
    const body = { carrierReference: carrierReference.trim(), supplierAuthorization: supplierAuthorization.trim() };
    ship.mutate(
      { id: document.id, version: document.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: (shipped) => {
          toast.show(`${shipped.vendorReturnNumber} shipped to ${shipped.supplierName ?? 'the supplier'}`);
          onClose();
        },
        onError: form.refused,
      },
    );
  }

  return (
    <OperationDialog
      title={`Ship ${document.vendorReturnNumber}`}
      formLabel="Ship the vendor return"
      onClose={onClose}
      onSubmit={submit}
      isPending={ship.isPending}
      submitLabel="Ship"
      pendingLabel="Shipping…"
      formError={form.errors.form}
    >
      <p>
        {plural(document.units, 'unit')} to {document.supplierName ?? document.supplierId}
        {document.siteCode ? `, from ${document.siteCode}` : ''}.
      </p>
      <TextField
        label="Carrier reference"
        hint="The tracking or consignment number."
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
      <TextField
        label="Supplier authorization"
        hint="The supplier’s return authorization (RA) number, if they gave one."
        value={supplierAuthorization}
        maxLength={100}
        autoComplete="off"
        error={form.errors.supplierAuthorization}
        onChange={(event) => {
          setSupplierAuthorization(event.target.value);
          form.clear('supplierAuthorization');
        }}
      />
    </OperationDialog>
  );
}
