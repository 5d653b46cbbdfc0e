import { useState } from 'react';
import { useWorkOrders, type Performer, type WorkOrder, type WorkOrderStatus } from '../../api/operations.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canReportWorkOrders } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { SelectField } from '../../ui/field.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useListParams } from '../returns/use-list-params.js';
import { KIND_LABELS, OUTCOME_LABELS } from '../partner/work-order-labels.js';
import { ListFilters } from './list-filters.js';
import { OperationsTabs } from './operations-tabs.js';
import { ReturnLink, StateBadge, UnitCell } from './operations-labels.js';
import { WorkOrderOutcomeDialog } from './work-order-outcome-dialog.js';
import './operations.css';

const STATUS_OPTIONS = [
  { value: '', label: 'Open' },
  { value: 'completed', label: 'Completed' },
  { value: 'any', label: 'All' },
];
const PERFORMER_OPTIONS = [
  { value: '', label: 'Bench and partners' },
  { value: 'internal', label: 'Our bench' },
  { value: 'partner', label: 'Repair partners' },
];

/** Repairs and refurbishments: our bench's (whose outcome is recorded here) and the partners' (who report their own). */
export function WorkOrdersPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(
    ['status', 'performer', 'siteId'] as const,
    50,
  );
  const status = (filters.status || 'open') as WorkOrderStatus;
  const query = useWorkOrders({
    status,
    performer: (filters.performer || 'any') as Performer,
    siteId: filters.siteId,
    page,
    pageSize,
  });
  const [reporting, setReporting] = useState<WorkOrder | null>(null);
  const mayReport = canReportWorkOrders(user.role);

  const columns: Column<WorkOrder>[] = [
    { key: 'number', header: 'Work order', render: (order) => order.workOrderNumber },
    { key: 'rma', header: 'Return', render: (order) => <ReturnLink unit={order} /> },
    { key: 'site', header: 'Site', render: (order) => order.siteCode ?? '—' },
    { key: 'unit', header: 'Unit', render: (order) => <UnitCell unit={order} /> },
    {
      key: 'work',
      header: 'Work',
      render: (order) => (
        <>
          {KIND_LABELS[order.kind]}
          <span className="cell-sub">
            {order.performer === 'internal' ? 'Our bench' : (order.partnerName ?? 'Repair partner')}
          </span>
        </>
      ),
    },
    {
      key: 'state',
      header: 'State',
      render: (order) => (
        <StateBadge
          state={order.status}
          detail={
            order.outcome
              ? `${OUTCOME_LABELS[order.outcome]}${order.outcomeGrade ? ` (grade ${order.outcomeGrade})` : ''}`
              : null
          }
        />
      ),
    },
    {
      key: 'estimate',
      header: 'Estimate',
      align: 'right',
      render: (order) => formatMoney(order.estimatedCostMinor, order.currency),
    },
    {
      key: 'actual',
      header: 'Actual cost',
      align: 'right',
      render: (order) => (order.actualCostMinor === null ? '—' : formatMoney(order.actualCostMinor, order.currency)),
    },
    {
      key: 'action',
      header: <span className="visually-hidden">Outcome</span>,
      render: (order) => {
        if (order.status !== 'open')
          return order.outcomeNote ? <span className="muted">{order.outcomeNote}</span> : null;
        if (order.performer === 'partner') return <span className="muted">The partner reports it</span>;
        if (!mayReport) return null;
        return (
          <button type="button" className="button button--small" onClick={() => setReporting(order)}>
            Record outcome<span className="visually-hidden"> of {order.workOrderNumber}</span>
          </button>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        back={{ to: '/operations', label: 'Operations' }}
        title="Work orders"
        subtitle="Repairs and refurbishments. Our bench records its outcome here; a repair partner reports its own."
      />
      <OperationsTabs />
      <ListFilters
        label="Filter the work orders"
        status={filters.status}
        statusOptions={STATUS_OPTIONS}
        siteId={filters.siteId}
        onChange={update}
      >
        <SelectField
          label="Done by"
          value={filters.performer}
          options={PERFORMER_OPTIONS}
          onChange={(event) => update({ performer: event.target.value })}
        />
      </ListFilters>
      <PagedResults
        query={query}
        loadingLabel="Loading work orders…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(order) => order.id}
            caption="Work orders"
            isBusy={isBusy}
            emptyTitle={status === 'open' ? 'No work order is open' : 'No work orders match'}
          />
        )}
      </PagedResults>
      {reporting ? <WorkOrderOutcomeDialog order={reporting} onClose={() => setReporting(null)} /> : null}
    </>
  );
}
