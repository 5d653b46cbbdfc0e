import { useState } from 'react';
import { useCustomerReturnShipments, type CustomerReturnShipment } from '../../api/operations.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canShipDispositions } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useListParams } from '../returns/use-list-params.js';
import { ListFilters } from './list-filters.js';
import { OperationsTabs } from './operations-tabs.js';
import { ReturnLink, StateBadge, UnitCell } from './operations-labels.js';
import { ShipToCustomerDialog } from './ship-to-customer-dialog.js';
import './operations.css';

const STATUS_OPTIONS = [
  { value: '', label: 'Awaiting shipment' },
  { value: 'shipped', label: 'Shipped' },
  { value: 'all', label: 'All' },
];

/** Units going back to the customers who sent them (a claim not borne out, a hold released to them). */
export function CustomerReturnsPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['status', 'siteId'] as const, 50);
  const status = filters.status || 'awaiting_shipment';
  const query = useCustomerReturnShipments({
    status: status === 'all' ? '' : status,
    siteId: filters.siteId,
    page,
    pageSize,
  });
  const [shipping, setShipping] = useState<CustomerReturnShipment | null>(null);
  const mayShip = canShipDispositions(user.role);

  const columns: Column<CustomerReturnShipment>[] = [
    { key: 'since', header: 'Since', render: (shipment) => formatDateTime(shipment.createdAt) },
    { key: 'rma', header: 'Return', render: (shipment) => <ReturnLink unit={shipment} /> },
    {
      key: 'customer',
      header: 'Customer',
      render: (shipment) => shipment.customerName ?? shipment.customerId,
    },
    { key: 'site', header: 'Site', render: (shipment) => shipment.siteCode ?? '—' },
    { key: 'unit', header: 'Unit', render: (shipment) => <UnitCell unit={shipment} /> },
    { key: 'reason', header: 'Why', render: (shipment) => shipment.reason },
    {
      key: 'state',
      header: 'State',
      render: (shipment) => (
        <>
          <StateBadge state={shipment.status} />
          {shipment.status === 'shipped' ? (
            <span className="cell-sub">
              {shipment.carrierReference} · {formatDateTime(shipment.shippedAt)}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'action',
      header: <span className="visually-hidden">Ship</span>,
      render: (shipment) =>
        shipment.status === 'awaiting_shipment' && mayShip ? (
          <button type="button" className="button button--small" onClick={() => setShipping(shipment)}>
            Ship<span className="visually-hidden"> {shipment.rmaNumber ?? shipment.rmaId} back</span>
          </button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        back={{ to: '/operations', label: 'Operations' }}
        title="Returns to customers"
        subtitle="Units going back to the customer who sent them: the inspection did not bear out the claim, or a hold was released to them."
      />
      <OperationsTabs />
      <ListFilters
        label="Filter the returns to customers"
        status={filters.status}
        statusOptions={STATUS_OPTIONS}
        siteId={filters.siteId}
        onChange={update}
      />
      <PagedResults query={query} loadingLabel="Loading…" onPageChange={setPage} onPageSizeChange={setPageSize}>
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(shipment) => shipment.id}
            caption="Returns to customers"
            isBusy={isBusy}
            emptyTitle={status === 'awaiting_shipment' ? 'Nothing waits to go back to a customer' : 'Nothing matches'}
          />
        )}
      </PagedResults>
      {shipping ? <ShipToCustomerDialog shipment={shipping} onClose={() => setShipping(null)} /> : null}
    </>
  );
}
