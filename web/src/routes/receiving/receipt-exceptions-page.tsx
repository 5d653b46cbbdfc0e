import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  RECEIPT_EXCEPTION_RESOLUTIONS,
  type ReceiptExceptionView,
  type ResolveReceiptExceptionRequest,
} from '../../../../src/contracts/receiving.js';
import { describeError, formErrorsFrom, type FormErrors } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useReceiptExceptions, useResolveReceiptException } from '../../api/receipts.js';
import { useSites } from '../../api/sites.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canReceive } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextAreaField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useToast } from '../../ui/toast.js';
import { useListParams } from '../returns/use-list-params.js';
import { EXCEPTION_KIND_LABELS, productLabel, RESOLUTION_LABELS, RESOLVED_LABELS } from './receipt-labels.js';

type Resolution = ResolveReceiptExceptionRequest['resolution'];

const RESOLUTION_HINTS: Record<Resolution, string> = {
  accepted_onto_return: 'The goods are received onto the return’s line for this product.',
  unauthorized_return: 'A new return, awaiting a decision, is opened for the customer with these goods.',
  refused: 'Nothing is received; the goods go back to the sender.',
};

const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/** Goods that did not match their return, oldest first: each waits for someone to decide what it is. */
export function ReceiptExceptionsPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['status', 'siteId'] as const);
  const status = filters.status === '' ? 'open' : filters.status;
  const query = useReceiptExceptions({
    status: status === 'all' ? undefined : (status as 'open' | 'resolved'),
    siteId: filters.siteId || undefined,
    page,
    pageSize,
  });
  const sites = useSites();
  const [resolving, setResolving] = useState<ReceiptExceptionView | null>(null);
  const mayResolve = canReceive(user.role);

  const columns: Column<ReceiptExceptionView>[] = [
    { key: 'created', header: 'Raised', render: (exception) => formatDateTime(exception.createdAt) },
    {
      key: 'rma',
      header: 'Return',
      render: (exception) => <Link to={`/returns/${exception.rmaId}`}>{exception.rmaNumber}</Link>,
    },
    { key: 'site', header: 'Site', render: (exception) => exception.siteCode },
    { key: 'kind', header: 'What', render: (exception) => EXCEPTION_KIND_LABELS[exception.kind] },
    { key: 'product', header: 'Product', render: productLabel },
    { key: 'quantity', header: 'Units', render: (exception) => exception.quantity, align: 'right' },
    { key: 'serials', header: 'Serials', render: (exception) => exception.serials.join(', ') || '—' },
    { key: 'reason', header: 'Reason', render: (exception) => exception.reason },
    {
      key: 'action',
      header: <span className="visually-hidden">Decision</span>,
      render: (exception) =>
        exception.resolution ? (
          <ResolvedNote exception={exception} />
        ) : mayResolve ? (
          <button
            type="button"
            className="button button--small"
            aria-label={`Resolve ${EXCEPTION_KIND_LABELS[exception.kind].toLowerCase()} on ${exception.rmaNumber}`}
            onClick={() => setResolving(exception)}
          >
            Resolve
          </button>
        ) : (
          <Badge tone="warning">Open</Badge>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Receipt exceptions"
        subtitle="Goods that did not match their return: more than expected, a product or serial not on it. Oldest first."
      />
      <section className="panel form-grid">
        <SelectField
          label="Status"
          value={status}
          options={STATUS_OPTIONS}
          onChange={(event) => update({ status: event.target.value === 'open' ? '' : event.target.value })}
        />
        <SelectField
          label="Site"
          value={filters.siteId}
          placeholder="All sites"
          options={(sites.data?.items ?? []).map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
          onChange={(event) => update({ siteId: event.target.value })}
        />
      </section>
      <PagedResults
        query={query}
        loadingLabel="Loading exceptions…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(exception) => exception.id}
            caption="Receipt exceptions"
            isBusy={isBusy}
            emptyTitle={status === 'open' ? 'No exception waits for a decision' : 'No exceptions match'}
          />
        )}
      </PagedResults>
      {resolving ? <ResolveDialog exception={resolving} onClose={() => setResolving(null)} /> : null}
    </>
  );
}

function ResolvedNote({ exception }: { exception: ReceiptExceptionView }) {
  if (!exception.resolution) return null;
  return (
    <span className="exception-resolution">
      <Badge tone="muted">{RESOLVED_LABELS[exception.resolution]}</Badge>
      {exception.resolvedRmaId ? (
        <>
          {' '}
          <Link to={`/returns/${exception.resolvedRmaId}`}>Open the new return</Link>
        </>
      ) : null}
      {exception.resolvedBy ? (
        <span className="muted">
          {' '}
          {exception.resolvedBy}, {formatDateTime(exception.resolvedAt)}
        </span>
      ) : null}
    </span>
  );
}

type ResolveField = 'resolution' | 'note';

function ResolveDialog({ exception, onClose }: { exception: ReceiptExceptionView; onClose: () => void }) {
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<ResolveField>>({});
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const resolve = useResolveReceiptException();
  const toast = useToast();

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormErrors<ResolveField> = {};
    if (resolution === '') missing.resolution = 'Choose what happens to the goods.';
    if (note.trim() === '') missing.note = 'Say why.';
    setErrors(missing);
    if (resolution === '' || Object.keys(missing).length > 0) return;
    const body: ResolveReceiptExceptionRequest = { resolution, note: note.trim() };
    // A retry of the same decision reuses its key, so a lost answer cannot resolve twice.
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    resolve.mutate(
      { exception, body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (resolved) => {
          toast.show(
            `${EXCEPTION_KIND_LABELS[resolved.kind]} on ${resolved.rmaNumber}: ${
              resolved.resolution ? RESOLVED_LABELS[resolved.resolution].toLowerCase() : 'resolved'
            }`,
          );
          onClose();
        },
        onError: (failure) => {
          const next = formErrorsFrom(failure, ['resolution', 'note'] as const);
          setErrors(Object.keys(next).length > 0 ? next : { form: describeError(failure) });
        },
      },
    );
  }

  return (
    <Dialog isOpen title={`Resolve: ${EXCEPTION_KIND_LABELS[exception.kind]}`} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Resolve the exception">
        <p>
          {exception.rmaNumber} · {productLabel(exception)} · {exception.quantity} unit
          {exception.quantity === 1 ? '' : 's'}
          {exception.serials.length > 0 ? ` · serials ${exception.serials.join(', ')}` : ''}
        </p>
        <p className="muted">{exception.reason}</p>
        <fieldset
          className={`choice-group${errors.resolution ? ' choice-group--invalid' : ''}`}
          aria-describedby={errors.resolution ? 'resolve-resolution-error' : undefined}
        >
          <legend className="field__label">What happens to the goods</legend>
          {RECEIPT_EXCEPTION_RESOLUTIONS.map((option, index) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="resolution"
                value={option}
                checked={resolution === option}
                data-autofocus={index === 0 ? true : undefined}
                onChange={() => {
                  setResolution(option);
                  setErrors(({ resolution: _dropped, form: _form, ...rest }) => rest);
                }}
              />
              <span>
                <span className="choice__label">{RESOLUTION_LABELS[option]}</span>
                <span className="choice__hint">{RESOLUTION_HINTS[option]}</span>
              </span>
            </label>
          ))}
          {errors.resolution ? (
            <p id="resolve-resolution-error" className="field__error">
              {errors.resolution}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label="Note"
          hint="Why, for whoever reads the return later."
          value={note}
          error={errors.note}
          onChange={(event) => {
            setNote(event.target.value);
            setErrors(({ note: _dropped, form: _form, ...rest }) => rest);
          }}
        />
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={resolve.isPending}>
            {resolve.isPending ? 'Resolving…' : 'Resolve'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
