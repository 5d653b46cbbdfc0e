import { useState, type FormEvent } from 'react';
import { ON_HAND_STATUSES, type StockStatus } from '../../../../src/contracts/inventory.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useMoveStock, useSiteLocations } from '../../api/stock.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { useToast } from '../../ui/toast.js';

/** Units lying together: one row of stock at a location. */
export interface UnitsHere {
  productId: string;
  productSku: string | null;
  siteId: string;
  locationId: string;
  locationCode: string;
  status: StockStatus;
  lot: string | null;
  serial: string | null;
  quantity: number;
  rmaLineId?: string | null;
}

/**
 * Moves units to another location, and their status with them when it changes (put-away keeps it;
 * inspection or quarantine changes it). The server refuses a change the status rules do not allow.
 */
export function MoveStockDialog({
  units,
  title,
  defaultReason,
  onClose,
}: {
  units: UnitsHere;
  title: string;
  defaultReason: string;
  onClose: () => void;
}) {
  const locations = useSiteLocations(units.siteId);
  const move = useMoveStock();
  const toast = useToast();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [locationId, setLocationId] = useState('');
  const [status, setStatus] = useState<StockStatus>(units.status);
  const [quantity, setQuantity] = useState(String(units.quantity));
  const [reason, setReason] = useState(defaultReason);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const server = isApiError(move.error) ? move.error.fieldErrors() : {};
  const options = (locations.data?.items ?? [])
    .filter((location) => location.isActive && location.id !== units.locationId)
    .map((location) => ({
      value: location.id,
      label: `${location.code} · ${location.name} (${humanize(location.kind)})`,
    }));
  const what = `${units.productSku ?? units.productId}${units.serial ? ` · serial ${units.serial}` : ''}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const count = /^\s*\d+\s*$/.test(quantity) ? Number(quantity) : Number.NaN;
    const found = {
      locationId: locationId === '' ? 'Choose where the units go.' : undefined,
      quantity: !(count >= 1 && count <= units.quantity)
        ? `Between 1 and ${units.quantity}, the units here.`
        : undefined,
      reason: reason.trim() === '' ? 'Say why the units move.' : undefined,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    move.mutate(
      {
        idempotencyKey,
        body: {
          productId: units.productId,
          siteId: units.siteId,
          from: { locationId: units.locationId, status: units.status },
          to: { locationId, status },
          quantity: count,
          ...(units.lot ? { lot: units.lot } : {}),
          ...(units.serial ? { serial: units.serial } : {}),
          ...(units.rmaLineId ? { rmaLineId: units.rmaLineId } : {}),
          reason: reason.trim(),
        },
      },
      {
        onSuccess: () => {
          const to = options.find((option) => option.value === locationId)?.label.split(' · ')[0] ?? 'the location';
          toast.show(`${count} × ${what} moved to ${to}`);
          onClose();
        },
      },
    );
  }

  const general = move.error && Object.keys(server).length === 0 ? describeError(move.error) : null;
  return (
    <Dialog isOpen title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          {units.quantity} × {what} at <strong>{units.locationCode}</strong>, {humanize(units.status)}
          {units.lot ? ` · lot ${units.lot}` : ''}
        </p>
        {general ? <Alert tone="error">{general}</Alert> : null}
        <SelectField
          label="To location"
          placeholder={locations.isPending ? 'Loading locations…' : 'Choose a location'}
          options={options}
          value={locationId}
          error={errors.locationId ?? server['to.locationId']}
          onChange={(event) => setLocationId(event.target.value)}
          data-autofocus
        />
        <SelectField
          label="Status"
          options={ON_HAND_STATUSES.map((value) => ({
            value,
            label: value === units.status ? `${humanize(value)} (unchanged)` : humanize(value),
          }))}
          value={status}
          error={server['to.status']}
          onChange={(event) => setStatus(event.target.value as StockStatus)}
        />
        <TextField
          label="Units"
          type="number"
          min={1}
          max={units.quantity}
          className="field--narrow"
          value={quantity}
          error={errors.quantity ?? server['quantity']}
          onChange={(event) => setQuantity(event.target.value)}
        />
        <TextField
          label="Why"
          value={reason}
          maxLength={200}
          error={errors.reason ?? server['reason']}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button--primary" disabled={move.isPending}>
            {move.isPending ? 'Moving…' : 'Move'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
