import { useState } from 'react';
import { Link } from 'react-router';
import {
  useEdiDocuments,
  useTradingPartners,
  type EdiDocument,
  type EdiDocumentFilters,
  type EdiTransactionSet,
} from '../../api/edi.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canSendEdi, ediDocumentPath, EDI_PARTNERS_PATH } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { SelectField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { Pagination } from '../../ui/pagination.js';
import { QueryView } from '../../ui/query-view.js';
import { useListParams } from '../returns/use-list-params.js';
import {
  DIRECTION_LABELS,
  DIRECTION_OPTIONS,
  EdiStatusBadge,
  RecordLinks,
  STATUS_OPTIONS,
  TRANSACTION_SET_OPTIONS,
} from './edi-labels.js';
import { HandInDialog } from './hand-in-dialog.js';
import { SendEdiDialog } from './send-edi-dialog.js';

const FILTER_KEYS = ['partnerId', 'direction', 'status', 'transactionSet'] as const;

const columns: Column<EdiDocument>[] = [
  {
    key: 'when',
    header: 'When',
    render: (d) => (
      <>
        <Link to={ediDocumentPath(d.id)}>{formatDateTime(d.createdAt)}</Link>
        {d.fileName ? <span className="cell-sub">{d.fileName}</span> : null}
      </>
    ),
  },
  { key: 'partner', header: 'Partner', render: (d) => d.partnerName ?? <span className="muted">Unknown</span> },
  { key: 'direction', header: 'Direction', render: (d) => DIRECTION_LABELS[d.direction] },
  { key: 'sets', header: 'Sets', render: (d) => d.transactionSets.join(', ') || '—' },
  { key: 'control', header: 'Control number', render: (d) => d.interchangeControlNumber ?? '—' },
  { key: 'status', header: 'Status', render: (d) => <EdiStatusBadge status={d.status} /> },
  { key: 'errors', header: 'Errors', align: 'right', render: (d) => d.errors.length || '—' },
  { key: 'records', header: 'Records', render: (d) => <RecordLinks records={d.records} /> },
];

function DocumentFilters({
  filters,
  onChange,
}: {
  filters: Record<(typeof FILTER_KEYS)[number], string>;
  onChange: (changes: Partial<Record<(typeof FILTER_KEYS)[number], string>>) => void;
}) {
  const partners = useTradingPartners();
  return (
    <form className="filters" aria-label="Filter the documents" onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label="Partner"
        value={filters.partnerId}
        placeholder="All partners"
        options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
        onChange={(event) => onChange({ partnerId: event.target.value })}
      />
      <SelectField
        label="Direction"
        value={filters.direction}
        placeholder="Both"
        options={DIRECTION_OPTIONS}
        onChange={(event) => onChange({ direction: event.target.value })}
      />
      <SelectField
        label="Status"
        value={filters.status}
        placeholder="Any status"
        options={STATUS_OPTIONS}
        onChange={(event) => onChange({ status: event.target.value })}
      />
      <SelectField
        label="Transaction set"
        value={filters.transactionSet}
        placeholder="Any set"
        options={TRANSACTION_SET_OPTIONS}
        onChange={(event) => onChange({ transactionSet: event.target.value })}
      />
    </form>
  );
}

/** Every EDI document in and out, newest first, with its status, errors and the records it created. */
export function EdiDocumentsPage() {
  const { role } = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(FILTER_KEYS);
  const [dialog, setDialog] = useState<'hand-in' | 'send' | null>(null);
  const query = useEdiDocuments({
    partnerId: filters.partnerId,
    direction: filters.direction as EdiDocumentFilters['direction'],
    status: filters.status as EdiDocumentFilters['status'],
    transactionSet: filters.transactionSet as EdiTransactionSet | '',
    page,
    pageSize,
  });

  return (
    <>
      <PageHeader
        title="EDI documents"
        subtitle={
          <>
            Every X12 document in and out, with its status, errors and the records it created.{' '}
            <Link to={EDI_PARTNERS_PATH}>Trading partners</Link>
          </>
        }
        actions={
          <>
            <button type="button" className="button button--primary" onClick={() => setDialog('hand-in')}>
              Hand in a file
            </button>
            {canSendEdi(role) ? (
              <button type="button" className="button" onClick={() => setDialog('send')}>
                Send by EDI
              </button>
            ) : null}
          </>
        }
      />
      <section className="panel">
        <DocumentFilters filters={filters} onChange={update} />
        <QueryView query={query} loadingLabel="Loading documents…" errorTitle="Could not load the documents">
          {(result) => (
            <>
              <DataTable
                columns={columns}
                rows={result.items}
                rowKey={(d) => d.id}
                caption="EDI documents"
                emptyTitle="No documents match"
                isBusy={query.isPlaceholderData}
              />
              <Pagination
                page={result.page}
                pageSize={result.pageSize}
                total={result.total}
                onPageChange={setPage}
                onPageSizeChange={setPageSize}
                label="Document pages"
              />
            </>
          )}
        </QueryView>
      </section>
      {dialog === 'hand-in' ? <HandInDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'send' ? <SendEdiDialog onClose={() => setDialog(null)} /> : null}
    </>
  );
}
