import { useRef, useState, type FormEvent } from 'react';
import type { DockAppointment, DockAppointmentStatus, DockSlot } from '../../../../src/contracts/docks.js';
import type { Site } from '../../../../src/contracts/masterdata.js';
import { describeError, formErrorsFrom, type FormErrors } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import {
  useBookDockAppointment,
  useCancelDockAppointment,
  useCheckInDockAppointment,
  useDockSchedule,
  useDockSlots,
  type BookDockAppointmentBody,
} from '../../api/docks.js';
import { startingSiteId, useSites } from '../../api/sites.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canBookDocks } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { formatDate } from '../../ui/dates.js';
import { Dialog } from '../../ui/dialog.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';
import { useNow } from '../../ui/use-now.js';

// Dock times are UTC (sites carry no time zone yet): the page says so and shows them as the API has them.
const timeOf = (iso: string) => iso.slice(11, 16);
const slotTimes = (slot: { startsAt: string; endsAt: string }) => `${timeOf(slot.startsAt)}–${timeOf(slot.endsAt)}`;
const todayUtc = () => new Date().toISOString().slice(0, 10);

const STATUS: Record<DockAppointmentStatus, { label: string; tone: BadgeTone }> = {
  booked: { label: 'Booked', tone: 'info' },
  checked_in: { label: 'Checked in', tone: 'success' },
  completed: { label: 'Completed', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
  no_show: { label: 'No-show', tone: 'warning' },
};

const TIMING: Record<NonNullable<DockAppointment['arrivalTiming']>, string> = {
  early: 'early',
  on_time: 'on time',
  late: 'late',
};

/** The warehouse's dock for a day: who comes when, at which door; checking carriers in; booking a slot. */
export function DockSchedulePage() {
  const sites = useSites();
  return (
    <QueryView query={sites} loadingLabel="Loading sites…" errorTitle="Could not load the sites">
      {(page) => <DockScheduleView sites={page.items.filter((site) => site.isActive)} />}
    </QueryView>
  );
}

function DockScheduleView({ sites }: { sites: Site[] }) {
  const user = useCurrentUser();
  const [siteId, setSiteId] = useState(() => startingSiteId(sites, user.siteId));
  const [date, setDate] = useState(todayUtc);
  const mayBook = canBookDocks(user.role);
  return (
    <>
      <PageHeader title="Dock schedule" subtitle="Carriers booked at the site's dock doors, by time. Times are UTC." />
      <section className="panel form-grid" aria-label="Which dock and day">
        <SelectField
          label="Site"
          value={siteId}
          placeholder="Choose a site"
          options={sites.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
          onChange={(event) => setSiteId(event.target.value)}
        />
        <TextField
          label="Day"
          type="date"
          value={date}
          required
          onChange={(event) => setDate(event.target.value || todayUtc())}
        />
      </section>
      {siteId === '' ? (
        <EmptyState title="Choose a site to see its dock schedule" />
      ) : (
        <>
          <Schedule siteId={siteId} date={date} mayBook={mayBook} />
          {mayBook ? <BookSlot key={`${siteId}:${date}`} siteId={siteId} date={date} /> : null}
        </>
      )}
    </>
  );
}

function Schedule({ siteId, date, mayBook }: { siteId: string; date: string; mayBook: boolean }) {
  const query = useDockSchedule(siteId, date);
  const [cancelling, setCancelling] = useState<DockAppointment | null>(null);
  return (
    <section className="panel" aria-labelledby="dock-schedule-heading">
      <h2 id="dock-schedule-heading">
        {date === todayUtc() ? "Today's schedule" : 'Schedule'} · {formatDate(date)}
      </h2>
      <QueryView query={query} loadingLabel="Loading the schedule…" errorTitle="Could not load the schedule">
        {(schedule) =>
          schedule.items.length === 0 ? (
            <EmptyState title="No carrier is booked for this day" />
          ) : (
            <ul className="queue" aria-label="Dock appointments">
              {schedule.items.map((appointment) => (
                <AppointmentItem
                  key={appointment.id}
                  appointment={appointment}
                  mayBook={mayBook}
                  onCancel={() => setCancelling(appointment)}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
      {cancelling ? <CancelDialog appointment={cancelling} onClose={() => setCancelling(null)} /> : null}
    </section>
  );
}

function AppointmentItem({
  appointment,
  mayBook,
  onCancel,
}: {
  appointment: DockAppointment;
  mayBook: boolean;
  onCancel: () => void;
}) {
  const checkIn = useCheckInDockAppointment();
  const toast = useToast();
  const status = STATUS[appointment.status];
  const expected = [
    appointment.expectedPallets !== null ? `${appointment.expectedPallets} pallet(s)` : null,
    appointment.expectedUnits !== null ? `${appointment.expectedUnits} unit(s)` : null,
  ].filter(Boolean);
  return (
    <li className="queue__item" aria-label={`${slotTimes(appointment)} ${appointment.carrier}`}>
      <div className="queue__main">
        <span className="queue__title">
          {slotTimes(appointment)} · Door {appointment.doorCode}
        </span>
        <span>{appointment.carrier}</span>
        {appointment.reference ? <span className="muted">Ref. {appointment.reference}</span> : null}
        {expected.length > 0 ? <span className="muted">Expected: {expected.join(', ')}</span> : null}
      </div>
      <div className="queue__main">
        {appointment.checkedInAt ? (
          <span>
            Checked in {timeOf(appointment.checkedInAt)} by {appointment.checkedInBy}
            {appointment.arrivalTiming ? ` (${TIMING[appointment.arrivalTiming]})` : ''}
          </span>
        ) : null}
        {appointment.status === 'cancelled' && appointment.cancelReason ? (
          <span className="muted">Cancelled: {appointment.cancelReason}</span>
        ) : null}
        {checkIn.isError ? <Alert tone="error">{describeError(checkIn.error)}</Alert> : null}
      </div>
      <div className="queue__side">
        <Badge tone={status.tone}>{status.label}</Badge>
        {mayBook && appointment.status === 'booked' ? (
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={checkIn.isPending}
              aria-label={`Check in ${appointment.carrier}`}
              onClick={() =>
                checkIn.mutate(appointment, {
                  onSuccess: (done) => toast.show(`${done.carrier} checked in at door ${done.doorCode}`),
                })
              }
            >
              {checkIn.isPending ? 'Checking in…' : 'Check in'}
            </button>
            <button type="button" className="button" aria-label={`Cancel ${appointment.carrier}`} onClick={onCancel}>
              Cancel
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

function CancelDialog({ appointment, onClose }: { appointment: DockAppointment; onClose: () => void }) {
  const cancel = useCancelDockAppointment();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Say why the appointment is cancelled.');
      return;
    }
    cancel.mutate(
      { appointment, reason: reason.trim() },
      {
        onSuccess: (done) => {
          toast.show(`${done.carrier} at ${slotTimes(done)} cancelled`);
          onClose();
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  }
  return (
    <Dialog isOpen title={`Cancel ${appointment.carrier} at ${slotTimes(appointment)}?`} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Cancel appointment">
        <TextAreaField
          label="Reason"
          value={reason}
          error={error}
          data-autofocus
          onChange={(event) => {
            setReason(event.target.value);
            setError(undefined);
          }}
        />
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={cancel.isPending}>
            Cancel appointment
          </button>
          <button type="button" className="button" onClick={onClose}>
            Keep it
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type BookField = 'slotId' | 'carrier' | 'reference' | 'expectedUnits' | 'expectedPallets';
const BOOK_FIELDS: readonly BookField[] = ['slotId', 'carrier', 'reference', 'expectedUnits', 'expectedPallets'];
const EMPTY_BOOKING = { slotId: '', carrier: '', reference: '', expectedUnits: '', expectedPallets: '' };

function slotOption(slot: DockSlot) {
  return { value: slot.id, label: `${slotTimes(slot)} · Door ${slot.doorCode} · ${slot.free} free` };
}

function BookSlot({ siteId, date }: { siteId: string; date: string }) {
  const slots = useDockSlots(siteId, date);
  const now = new Date(useNow()).toISOString();
  const book = useBookDockAppointment();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY_BOOKING);
  const [errors, setErrors] = useState<FormErrors<BookField>>({});
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const open = (slots.data?.items ?? []).filter((slot) => slot.free > 0 && slot.endsAt > now);

  function change(field: BookField, value: string) {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors({});
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormErrors<BookField> = {};
    if (form.slotId === '') missing.slotId = 'Choose a free slot.';
    if (form.carrier.trim() === '') missing.carrier = 'Enter the carrier.';
    const count = (value: string) => (value.trim() === '' ? undefined : Number(value));
    const units = count(form.expectedUnits);
    const pallets = count(form.expectedPallets);
    if (units !== undefined && !(Number.isInteger(units) && units >= 0)) missing.expectedUnits = 'A whole number.';
    if (pallets !== undefined && !(Number.isInteger(pallets) && pallets >= 0))
      missing.expectedPallets = 'A whole number.';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    const body: BookDockAppointmentBody = {
      slotId: form.slotId,
      carrier: form.carrier.trim(),
      reference: form.reference.trim(),
      ...(units !== undefined ? { expectedUnits: units } : {}),
      ...(pallets !== undefined ? { expectedPallets: pallets } : {}),
    };
    // A retry of the same booking reuses its key, so a lost response cannot book twice.
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    book.mutate(
      { body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (booked) => {
          toast.show(`${booked.carrier} booked at ${slotTimes(booked)}, door ${booked.doorCode}`);
          setForm(EMPTY_BOOKING);
          idempotency.current = null;
        },
        onError: (failure) => setErrors(formErrorsFrom(failure, BOOK_FIELDS)),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="dock-book-heading">
      <h2 id="dock-book-heading">Book a slot</h2>
      <QueryView query={slots} loadingLabel="Loading slots…" errorTitle="Could not load the slots">
        {() =>
          open.length === 0 ? (
            <EmptyState title="No free slot left on this day">
              Choose another day, or ask whoever sets up the dock to add slots.
            </EmptyState>
          ) : (
            <form onSubmit={submit} noValidate aria-label="Book a dock slot">
              {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
              <div className="form-grid">
                <SelectField
                  label="Slot"
                  value={form.slotId}
                  placeholder="Choose a free slot"
                  options={open.map(slotOption)}
                  error={errors.slotId}
                  onChange={(event) => change('slotId', event.target.value)}
                />
                <TextField
                  label="Carrier"
                  value={form.carrier}
                  autoComplete="off"
                  error={errors.carrier}
                  onChange={(event) => change('carrier', event.target.value)}
                />
                <TextField
                  label="Reference"
                  hint="Tracking, RMA or bill of lading number"
                  value={form.reference}
                  autoComplete="off"
                  error={errors.reference}
                  onChange={(event) => change('reference', event.target.value)}
                />
                <TextField
                  label="Expected pallets"
                  inputMode="numeric"
                  value={form.expectedPallets}
                  error={errors.expectedPallets}
                  onChange={(event) => change('expectedPallets', event.target.value)}
                />
                <TextField
                  label="Expected units"
                  inputMode="numeric"
                  value={form.expectedUnits}
                  error={errors.expectedUnits}
                  onChange={(event) => change('expectedUnits', event.target.value)}
                />
              </div>
              <div className="button-row">
                <button type="submit" className="button button--primary" disabled={book.isPending}>
                  {book.isPending ? 'Booking…' : 'Book slot'}
                </button>
              </div>
            </form>
          )
        }
      </QueryView>
    </section>
  );
}
