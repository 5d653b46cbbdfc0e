import { useRef, useState, type FormEvent } from 'react';
import { formErrorsFrom } from '../../api/api-error.js';
import { useReportCarrierEvent, type CarrierShipmentDetail } from '../../api/carrier-shipments.js';
import { newIdempotencyKey } from '../../api/client.js';
import { Alert } from '../../ui/alert.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { SHIPMENT_STATE_LABELS } from '../../ui/shipment-states.js';
import { useToast } from '../../ui/toast.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { REPORTABLE_STATES } from '../../../../src/contracts/carrier-shipments.js';
import {
  buildScanBody,
  EMPTY_SCAN_DRAFT,
  validateScanDraft,
  type ReportableState,
  type ScanDraft,
  type ScanErrors,
} from './scan-draft.js';

const STATUS_OPTIONS = REPORTABLE_STATES.map((state) => ({ value: state, label: SHIPMENT_STATE_LABELS[state] }));

/**
 * A scan of the parcel, as the carrier's own systems would send it: what happened, when and where.
 * Sent with an idempotency key made once per filled-in form, so a retry after a lost answer records
 * it once; the server also applies the same scan once, and an older one never moves the parcel back.
 */
export function ReportScanForm({ shipment }: { shipment: CarrierShipmentDetail }) {
  const [draft, setDraft] = useState<ScanDraft>(EMPTY_SCAN_DRAFT);
  const [isAttempted, setIsAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ScanErrors | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const formRef = useRef<HTMLFormElement>(null);
  const report = useReportCarrierEvent();
  const toast = useToast();
  useFocusFirstInvalid(formRef, focusRequest);

  const clientErrors = validateScanDraft(draft, new Date());
  const errors = { ...(isAttempted ? clientErrors : {}), ...serverErrors };

  function update(changes: Partial<ScanDraft>) {
    setServerErrors(null);
    setIdempotencyKey(newIdempotencyKey());
    setDraft((current) => ({ ...current, ...changes }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    const body = buildScanBody(draft, new Date());
    if (!body) {
      setFocusRequest((count) => count + 1);
      return;
    }
    // Not mutate's own callbacks: the refreshed shipment replaces this form (its key is the version).
    report.mutateAsync({ id: shipment.id, body, idempotencyKey }).then(
      (result) =>
        toast.show(
          result.outcome === 'applied'
            ? `${shipment.trackingNumber}: ${SHIPMENT_STATE_LABELS[result.shipment.state]}`
            : `${shipment.trackingNumber}: the scan is recorded but did not change the parcel (${result.outcome})`,
        ),
      (error: unknown) => {
        setServerErrors(formErrorsFrom(error, ['status', 'occurredAt', 'location', 'description'] as const));
        setFocusRequest((count) => count + 1);
      },
    );
  }

  return (
    <form ref={formRef} className="panel" onSubmit={handleSubmit} noValidate aria-label="Report a scan">
      <div className="panel__header">
        <h2>Report a scan</h2>
      </div>
      <div className="form-grid">
        <SelectField
          label="Status"
          value={draft.status}
          options={STATUS_OPTIONS}
          placeholder="Choose what happened…"
          error={errors.status}
          onChange={(event) => update({ status: event.target.value as ReportableState | '' })}
        />
        <TextField
          label="When"
          type="datetime-local"
          value={draft.occurredAt}
          hint="Your local date and time of the scan."
          error={errors.occurredAt}
          onChange={(event) => update({ occurredAt: event.target.value })}
        />
        <TextField
          label="Where"
          value={draft.location}
          maxLength={200}
          autoComplete="off"
          hint="The depot, hub or town."
          error={errors.location}
          onChange={(event) => update({ location: event.target.value })}
        />
      </div>
      <TextAreaField
        label="Description"
        value={draft.description}
        maxLength={500}
        hint="What your scan said (optional)."
        error={errors.description}
        onChange={(event) => update({ description: event.target.value })}
      />
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={report.isPending}>
          {report.isPending ? 'Reporting…' : 'Report scan'}
        </button>
      </div>
    </form>
  );
}
