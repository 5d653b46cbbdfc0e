import { useState } from 'react';
import { useSellLiquidationLot, type LiquidationLot } from '../../api/operations.js';
import { TextField } from '../../ui/field.js';
import { formatMoney, majorTextToMinor } from '../../ui/money.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from './operation-dialog.js';
import { plural } from './operations-labels.js';

const FIELDS = ['buyer', 'proceedsMinor'] as const;

/** Records the sale of a whole lot: to whom, and what it fetched (typed in the lot's currency). */
export function SellLotDialog({ lot, onClose }: { lot: LiquidationLot; onClose: () => void }) {
  const [buyer, setBuyer] = useState('');
  const [proceeds, setProceeds] = useState('');
  const form = useOperationForm(FIELDS, lot.lotNumber);
  const sell = useSellLiquidationLot();
  const toast = useToast();

  function submit() {
    const proceedsMinor = majorTextToMinor(proceeds, lot.currency);
    const missing: { buyer?: string; proceedsMinor?: string } = {};
    if (buyer.trim() === '') missing.buyer = 'Name the buyer.';
    if (proceedsMinor === null)
      missing.proceedsMinor =
        proceeds.trim() === ''
          ? `Enter what the lot sold for, in ${lot.currency}.`
          : `Enter an amount such as 1250.00, in ${lot.currency}.`;
    if (proceedsMinor === null || missing.buyer) {
      form.setErrors(missing);
      return;
    }
    const body = { buyer: buyer.trim(), proceedsMinor };
    sell.mutate(
      { id: lot.id, version: lot.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: (sold) => {
          toast.show(
            `${sold.lotNumber} sold to ${sold.buyer} for ${formatMoney(sold.proceedsMinor ?? proceedsMinor, sold.currency)}`,
          );
          onClose();
        },
        onError: form.refused,
      },
    );
  }

  return (
    <OperationDialog
      title={`Sell ${lot.lotNumber}`}
      formLabel="Sell the lot"
      onClose={onClose}
      onSubmit={submit}
      isPending={sell.isPending}
      submitLabel="Record the sale"
      pendingLabel="Recording…"
      formError={form.errors.form}
    >
      <p>
        {plural(lot.units, 'unit')}, valued at {formatMoney(lot.valueMinor, lot.currency)} by grade.
      </p>
      <TextField
        label="Buyer"
        value={buyer}
        maxLength={200}
        autoComplete="off"
        data-autofocus
        error={form.errors.buyer}
        onChange={(event) => {
          setBuyer(event.target.value);
          form.clear('buyer');
        }}
      />
      <TextField
        label={`Proceeds (${lot.currency})`}
        className="field--amount"
        inputMode="decimal"
        autoComplete="off"
        value={proceeds}
        hint="What the buyer pays for the whole lot."
        error={form.errors.proceedsMinor}
        onChange={(event) => {
          setProceeds(event.target.value);
          form.clear('proceedsMinor');
        }}
      />
    </OperationDialog>
  );
}
