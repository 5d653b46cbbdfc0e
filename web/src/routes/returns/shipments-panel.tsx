import { useRef, useState, type FormEvent } from 'react';
import type { Shipment } from '../../../../src/contracts/logistics.js';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useCreateShipment, useShipments } from '../../api/shipments.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canRecordShipments } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { formatDateTime } from '../../ui/dates.js';
import { TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { QueryView } from '../../ui/query-view.js';
import { ShipmentStateBadge } from '../../ui/shipment-states.js';
import { useToast } from '../../ui/toast.js';

/** How the goods travel back: each parcel with its carrier tracking, and recording a new one. */
export function ShipmentsPanel({ rma }: { rma: RmaView }) {
  const query = useShipments(rma.id);
  const user = useCurrentUser();
  const isShippable = rma.status === 'authorized' && canRecordShipments(user.role);
  return (
    <section className="panel" aria-labelledby="shipments-title">
      <h2 id="shipments-title">Shipments</h2>
      <QueryView query={query} loadingLabel="Loading shipments…" errorTitle="Could not load the shipments">
        {({ items }) => {
          const onShipments = items
            .filter((shipment) => shipment.state !== 'returned_to_sender')
            .flatMap((shipment) => shipment.lines)
            .reduce((sum, line) => sum + line.quantity, 0);
          const unitsLeft = rma.lines.reduce((sum, line) => sum + line.quantity, 0) - onShipments;
          return (
            <>
              {items.length === 0 ? <p className="muted">No shipment recorded yet.</p> : null}
              {items.map((shipment) => (
                <ShipmentCard key={shipment.id} shipment={shipment} rma={rma} />
              ))}
              {isShippable && unitsLeft > 0 ? <AddShipmentForm rmaId={rma.id} unitsLeft={unitsLeft} /> : null}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function ShipmentCard({ shipment, rma }: { shipment: Shipment; rma: RmaView }) {
  const units = shipment.lines.reduce((sum, line) => sum + line.quantity, 0);
  const lineNumbers = shipment.lines
    .map((line) => rma.lines.find((candidate) => candidate.id === line.rmaLineId)?.lineNumber)
    .filter((number) => number !== undefined)
    .join(', ');
  return (
    <article className="shipment" aria-label={`${shipment.carrierName} ${shipment.trackingNumber}`}>
      <h3>
        {shipment.carrierName} <code>{shipment.trackingNumber}</code> <ShipmentStateBadge state={shipment.state} />
      </h3>
      <p className="muted">
        {units} {units === 1 ? 'unit' : 'units'} (line {lineNumbers}){shipment.service ? ` · ${shipment.service}` : ''}
        {shipment.stateAt ? ` · last scan ${formatDateTime(shipment.stateAt)}` : ''} · recorded{' '}
        {formatDateTime(shipment.createdAt)} by {shipment.createdBy}
      </p>
      {shipment.events.length > 0 ? (
        <ol className="tracking-events" aria-label="Tracking">
          {shipment.events.map((event, index) => (
            <li key={index} className={event.outcome === 'applied' ? undefined : 'muted'}>
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>{' '}
              <strong>{humanize(event.state)}</strong>
              {event.description ? ` · ${event.description}` : ''}
              {event.location ? ` · ${event.location}` : ''}
              {event.outcome === 'applied' ? '' : ` (${event.outcome})`}
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}

function AddShipmentForm({ rmaId, unitsLeft }: { rmaId: string; unitsLeft: number }) {
  const [trackingNumber, setTrackingNumber] = useState('');
  const [service, setService] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string } | null>(null);
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusNumber = () => formRef.current?.querySelector('input')?.focus();
  const create = useCreateShipment(rmaId);
  const toast = useToast();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (trackingNumber.trim() === '') {
      setError({ field: 'Enter the tracking number printed on the label.' });
      focusNumber();
      return;
    }
    const body = { trackingNumber: trackingNumber.trim(), service: service.trim() };
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    create.mutate(
      { body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (shipment) => {
          toast.show(`${shipment.carrierName} shipment ${shipment.trackingNumber} recorded`);
          setTrackingNumber('');
          setService('');
          setError(null);
        },
        onError: (failure) => {
          const field = isApiError(failure) ? failure.fieldErrors()['trackingNumber'] : undefined;
          setError(field ? { field: sentence(field) } : { form: describeError(failure) });
          focusNumber();
        },
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Add a shipment" className="form-grid">
      <TextField
        label="Tracking number"
        value={trackingNumber}
        maxLength={60}
        autoComplete="off"
        hint={`As printed on the carrier's label; the carrier is recognised from it. Covers the ${unitsLeft} ${unitsLeft === 1 ? 'unit' : 'units'} not yet shipped.`}
        error={error?.field}
        onChange={(event) => {
          setTrackingNumber(event.target.value);
          setError(null);
        }}
      />
      <TextField
        label="Service"
        value={service}
        maxLength={80}
        hint="Optional, e.g. Ground."
        onChange={(event) => setService(event.target.value)}
      />
      {error?.form ? <Alert tone="error">{error.form}</Alert> : null}
      <div className="submit-bar">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Recording…' : 'Add shipment'}
        </button>
      </div>
    </form>
  );
}

/** "looks like a UPS number but its check digit is wrong" → "Looks like … wrong." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
