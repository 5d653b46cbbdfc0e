import { Link, useNavigate } from 'react-router';
import type { UnidentifiedArrivalSummary } from '../../../../src/contracts/receiving.js';
import { useArrivals } from '../../api/arrivals.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { arrivalPath, canRecordArrivals, NEW_ARRIVAL_PATH } from '../../auth/permissions.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { SelectField } from '../../ui/field.js';
import { useOpenOnEnter } from '../../ui/open-on-enter.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { SearchBox } from '../../ui/search-box.js';
import { useListParams } from '../returns/use-list-params.js';

const columns: Column<UnidentifiedArrivalSummary>[] = [
  {
    key: 'number',
    header: 'Arrival',
    render: (arrival) => <Link to={arrivalPath(arrival.id)}>{arrival.arrivalNumber}</Link>,
  },
  { key: 'received', header: 'Received', render: (arrival) => formatDateTime(arrival.receivedAt) },
  { key: 'site', header: 'Site', render: (arrival) => arrival.siteCode },
  {
    key: 'sender',
    header: 'Sender',
    render: (arrival) => arrival.customerName ?? (arrival.sender || '—'),
  },
  { key: 'units', header: 'Units', render: (arrival) => arrival.units, align: 'right' },
  {
    key: 'status',
    header: 'Status',
    render: (arrival) =>
      arrival.status === 'identified' ? (
        <Badge tone="success">Identified</Badge>
      ) : (
        <Badge tone="warning">To identify</Badge>
      ),
  },
];

const STATUS_OPTIONS = [
  { value: 'awaiting_identification', label: 'To identify' },
  { value: 'identified', label: 'Identified' },
];

/** Goods from unknown senders or with uncatalogued products: oldest first, since they wait on the dock. */
export function ArrivalsQueuePage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['q', 'status'] as const);
  const status =
    filters.status === '' ? 'awaiting_identification' : filters.status === 'all' ? undefined : filters.status;
  const query = useArrivals({
    q: filters.q || undefined,
    status: status as UnidentifiedArrivalSummary['status'] | undefined,
    page,
    pageSize,
  });
  const navigate = useNavigate();
  const answer =
    query.data && !query.isPlaceholderData
      ? { term: filters.q, matches: query.data.items, total: query.data.total }
      : null;
  const pressEnter = useOpenOnEnter(answer, (match) => void navigate(arrivalPath(match.id)));
  return (
    <>
      <PageHeader
        title="Arrivals to identify"
        subtitle="Goods from a sender we could not name, or with products not in the catalogue. Identifying one opens its return."
        actions={
          canRecordArrivals(user.role) ? (
            <Link className="button button--primary" to={NEW_ARRIVAL_PATH}>
              Record arrival
            </Link>
          ) : null
        }
      />
      <section className="panel form-grid">
        <SearchBox
          label="Search arrivals"
          placeholder="Arrival number, sender, tracking, description or barcode"
          initialValue={filters.q}
          onSearch={(q, how) => {
            update({ q });
            if (how.isEnter) pressEnter(q);
          }}
        />
        <SelectField
          label="Status"
          value={filters.status === '' ? 'awaiting_identification' : filters.status}
          options={[...STATUS_OPTIONS, { value: 'all', label: 'All' }]}
          onChange={(event) =>
            update({ status: event.target.value === 'awaiting_identification' ? '' : event.target.value })
          }
        />
      </section>
      <PagedResults
        query={query}
        loadingLabel="Loading arrivals…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(arrival) => arrival.id}
            caption="Arrivals"
            isBusy={isBusy}
            emptyTitle={status === 'awaiting_identification' ? 'Nothing waits to be identified' : 'No arrivals match'}
          />
        )}
      </PagedResults>
    </>
  );
}
