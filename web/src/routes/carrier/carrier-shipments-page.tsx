import { useState } from 'react';
import { Link } from 'react-router';
import { SHIPMENT_STATES, type ShipmentState } from '../../../../src/contracts/logistics.js';
import { useCarrierShipments, type CarrierShipment, type CarrierShipmentFilters } from '../../api/carrier-shipments.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { carrierShipmentPath } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { SelectField, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { SHIPMENT_STATE_LABELS, ShipmentStateBadge } from '../../ui/shipment-states.js';
import { deliverToLine, latestScanLine } from './carrier-shipment-labels.js';

const STATE_OPTIONS = SHIPMENT_STATES.map((state) => ({ value: state, label: SHIPMENT_STATE_LABELS[state] }));

const columns: Column<CarrierShipment>[] = [
  {
    key: 'tracking',
    header: 'Tracking number',
    render: (shipment) => (
      <>
        <Link to={carrierShipmentPath(shipment.id)}>{shipment.trackingNumber}</Link>
        <span className="cell-sub">{formatDate(shipment.createdAt)}</span>
      </>
    ),
    sortValue: (shipment) => shipment.trackingNumber,
  },
  { key: 'rma', header: 'Return', render: (shipment) => shipment.rmaNumber, sortValue: (s) => s.rmaNumber },
  { key: 'from', header: 'From', render: (shipment) => shipment.shipFromRegion || '—' },
  { key: 'to', header: 'Deliver to', render: deliverToLine },
  { key: 'units', header: 'Units', render: (shipment) => shipment.units, align: 'right' },
  { key: 'state', header: 'Status', render: (shipment) => <ShipmentStateBadge state={shipment.state} /> },
  { key: 'scan', header: 'Latest scan', render: latestScanLine },
];

/**
 * The carrier's screen: the parcels of returns it carries (those of its carrier codes, nobody
 * else's), newest first; open one to see its scans and report a new one.
 */
export function CarrierShipmentsPage() {
  const user = useCurrentUser();
  const [filters, setFilters] = useState<CarrierShipmentFilters>({ state: '', q: '' });
  const [page, setPage] = useState(1);
  const query = useCarrierShipments(filters, page);

  function update(changes: Partial<CarrierShipmentFilters>) {
    setPage(1);
    setFilters((current) => ({ ...current, ...changes }));
  }

  return (
    <>
      <PageHeader
        title="Shipments"
        subtitle={`${user.name} · returned goods on their way to us with you; open one to report a scan`}
      />
      <section className="panel" aria-labelledby="carrier-shipments-title">
        <div className="panel__header">
          <h2 id="carrier-shipments-title">Your shipments</h2>
        </div>
        <form className="form-grid" role="search" aria-label="Find shipments" onSubmit={(e) => e.preventDefault()}>
          <TextField
            label="Tracking number"
            value={filters.q}
            maxLength={60}
            autoComplete="off"
            hint="Part of it is enough; spaces do not matter."
            onChange={(event) => update({ q: event.target.value })}
          />
          <SelectField
            label="Status"
            value={filters.state}
            options={STATE_OPTIONS}
            placeholder="Any status"
            onChange={(event) => update({ state: event.target.value as ShipmentState | '' })}
          />
        </form>
        <PagedResults
          query={query}
          inPanel={false}
          loadingLabel="Loading your shipments…"
          paginationLabel="Shipments, pages"
          onPageChange={setPage}
        >
          {(rows, isBusy) => (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(shipment) => shipment.id}
              caption="Your shipments"
              emptyTitle="No shipments match."
              isBusy={isBusy}
            />
          )}
        </PagedResults>
      </section>
    </>
  );
}
