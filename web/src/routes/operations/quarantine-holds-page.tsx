import { useState } from 'react';
import { useQuarantineHolds, type QuarantineHold } from '../../api/operations.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canReleaseHolds } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useListParams } from '../returns/use-list-params.js';
import { ListFilters } from './list-filters.js';
import { OperationsTabs } from './operations-tabs.js';
import { ReturnLink, StateBadge, UnitCell } from './operations-labels.js';
import { RELEASE_LABELS, ReleaseHoldDialog } from './release-hold-dialog.js';
import './operations.css';

const STATUS_OPTIONS = [
  { value: '', label: 'Held' },
  { value: 'released', label: 'Released' },
  { value: 'all', label: 'All' },
];

/** Goods held until someone entitled decides what becomes of them, oldest first. */
export function QuarantineHoldsPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['status', 'siteId'] as const, 50);
  const status = filters.status || 'held';
  const query = useQuarantineHolds({ status: status === 'all' ? '' : status, siteId: filters.siteId, page, pageSize });
  const [releasing, setReleasing] = useState<QuarantineHold | null>(null);
  const mayRelease = canReleaseHolds(user.role);

  const columns: Column<QuarantineHold>[] = [
    { key: 'since', header: 'Held since', render: (hold) => formatDateTime(hold.createdAt) },
    { key: 'rma', header: 'Return', render: (hold) => <ReturnLink unit={hold} /> },
    { key: 'site', header: 'Site', render: (hold) => hold.siteCode ?? '—' },
    { key: 'unit', header: 'Unit', render: (hold) => <UnitCell unit={hold} /> },
    { key: 'reason', header: 'Why held', render: (hold) => hold.reason },
    {
      key: 'state',
      header: 'State',
      render: (hold) => (
        <>
          <StateBadge state={hold.status} detail={hold.releaseAction ? RELEASE_LABELS[hold.releaseAction] : null} />
          {hold.releaseReason ? (
            <span className="cell-sub">
              {hold.releaseReason}
              {hold.releasedBy ? ` — ${hold.releasedBy}, ${formatDateTime(hold.releasedAt)}` : ''}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'action',
      header: <span className="visually-hidden">Release</span>,
      render: (hold) =>
        hold.status === 'held' && mayRelease ? (
          <button type="button" className="button button--small" onClick={() => setReleasing(hold)}>
            Release<span className="visually-hidden"> the hold on {hold.rmaNumber ?? hold.rmaId}</span>
          </button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        back={{ to: '/operations', label: 'Operations' }}
        title="Quarantine holds"
        subtitle="Goods held until quality decides: restock, scrap, the outlet, back to the customer or to the supplier."
      />
      <OperationsTabs />
      <ListFilters
        label="Filter the holds"
        status={filters.status}
        statusOptions={STATUS_OPTIONS}
        siteId={filters.siteId}
        onChange={update}
      />
      <PagedResults query={query} loadingLabel="Loading holds…" onPageChange={setPage} onPageSizeChange={setPageSize}>
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(hold) => hold.id}
            caption="Quarantine holds"
            isBusy={isBusy}
            emptyTitle={status === 'held' ? 'Nothing is held' : 'No holds match'}
          />
        )}
      </PagedResults>
      {releasing ? <ReleaseHoldDialog hold={releasing} onClose={() => setReleasing(null)} /> : null}
    </>
  );
}
