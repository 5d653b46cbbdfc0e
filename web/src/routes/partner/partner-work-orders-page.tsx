import { useState } from 'react';
import { Link } from 'react-router';
import {
  usePartnerWorkOrders,
  type PartnerWorkOrder,
  type PartnerWorkOrderStatus,
} from '../../api/partner-work-orders.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { partnerWorkOrderPath } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { KIND_LABELS, productLabel, unitLabel, WorkOrderStatusBadge } from './work-order-labels.js';

const columns: Column<PartnerWorkOrder>[] = [
  {
    key: 'number',
    header: 'Work order',
    render: (order) => (
      <>
        <Link to={partnerWorkOrderPath(order.id)}>{order.workOrderNumber}</Link>
        <span className="cell-sub">{formatDate(order.createdAt)}</span>
      </>
    ),
    sortValue: (order) => order.workOrderNumber,
  },
  { key: 'product', header: 'Product', render: productLabel, sortValue: productLabel },
  { key: 'serial', header: 'Serial or lot', render: unitLabel },
  { key: 'quantity', header: 'Units', render: (order) => order.quantity, align: 'right' },
  { key: 'kind', header: 'Work', render: (order) => KIND_LABELS[order.kind] },
  {
    key: 'estimate',
    header: 'Estimate',
    render: (order) => formatMoney(order.estimatedCostMinor, order.currency),
    sortValue: (order) => order.estimatedCostMinor,
    align: 'right',
  },
  { key: 'status', header: 'Status', render: (order) => <WorkOrderStatusBadge order={order} /> },
];

/** The repair partner's screen: the work orders sent to it, open ones first, then those it completed. */
export function PartnerWorkOrdersPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Work orders"
        subtitle={`${user.name} · units sent to you for repair or refurbishment; open one to report its outcome`}
      />
      <WorkOrderList status="open" title="Open" emptyTitle="No open work orders: nothing is waiting for you." />
      <WorkOrderList status="completed" title="Completed" emptyTitle="No completed work orders yet." />
    </>
  );
}

function WorkOrderList({
  status,
  title,
  emptyTitle,
}: {
  status: PartnerWorkOrderStatus;
  title: string;
  emptyTitle: string;
}) {
  const [page, setPage] = useState(1);
  const query = usePartnerWorkOrders(status, page);
  const headingId = `partner-work-orders-${status}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId}>{title}</h2>
      </div>
      <PagedResults
        query={query}
        inPanel={false}
        loadingLabel={`Loading ${title.toLowerCase()} work orders…`}
        paginationLabel={`${title} work orders, pages`}
        onPageChange={setPage}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(order) => order.id}
            caption={`${title} work orders`}
            emptyTitle={emptyTitle}
            isBusy={isBusy}
          />
        )}
      </PagedResults>
    </section>
  );
}
