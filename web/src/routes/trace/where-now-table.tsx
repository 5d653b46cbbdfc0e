import { Link } from 'react-router';
import type { TraceWhereNow } from '../../../../src/contracts/trace.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { humanize } from '../../ui/labels.js';

const columns: Column<TraceWhereNow>[] = [
  { key: 'product', header: 'Product', render: (unit) => unit.productSku ?? unit.productId },
  { key: 'serial', header: 'Serial', render: (unit) => unit.serial ?? '—' },
  { key: 'lot', header: 'Lot', render: (unit) => unit.lot ?? '—' },
  { key: 'site', header: 'Site', render: (unit) => unit.siteCode ?? unit.siteId },
  { key: 'location', header: 'Location', render: (unit) => unit.locationCode },
  { key: 'status', header: 'Status', render: (unit) => humanize(unit.status) },
  { key: 'units', header: 'Units', render: (unit) => unit.quantity, align: 'right' },
  {
    key: 'return',
    header: 'Return',
    render: (unit) => (unit.rmaId ? <Link to={`/returns/${unit.rmaId}`}>{unit.rmaNumber ?? 'Open'}</Link> : '—'),
  },
];

/** Units of the serial or lot in returned stock now, by site, location and status. */
export function WhereNowTable({ units, emptyTitle }: { units: TraceWhereNow[]; emptyTitle: string }) {
  return (
    <DataTable
      columns={columns}
      rows={units}
      rowKey={(unit) =>
        `${unit.productId}:${unit.locationId}:${unit.status}:${unit.serial ?? ''}:${unit.lot ?? ''}:${unit.rmaId ?? ''}`
      }
      caption="Where the units are now"
      emptyTitle={emptyTitle}
    />
  );
}
