import { Link } from 'react-router';
import type { RecallRma, RecallSkip } from '../../../../src/contracts/recalls.js';
import { StatusBadge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';

const rmaColumns: Column<RecallRma>[] = [
  { key: 'rma', header: 'Return', render: (rma) => <Link to={`/returns/${rma.rmaId}`}>{rma.rmaNumber}</Link> },
  {
    key: 'customer',
    header: 'Customer',
    render: (rma) => (
      <>
        {rma.customerName}
        <span className="cell-sub">{rma.customerAccount}</span>
      </>
    ),
    sortValue: (rma) => rma.customerName,
  },
  { key: 'status', header: 'Status', render: (rma) => <StatusBadge status={rma.status} /> },
  { key: 'lines', header: 'Order lines', render: (rma) => rma.lineCount, align: 'right' },
  { key: 'units', header: 'Units', render: (rma) => rma.units, align: 'right' },
];

/** The recall returns: one per customer (and currency), with the units each is to send back. */
export function RecallRmasTable({ rmas }: { rmas: RecallRma[] }) {
  return (
    <DataTable
      columns={rmaColumns}
      rows={rmas}
      rowKey={(rma) => rma.rmaId}
      caption="Recall returns"
      emptyTitle="No return was raised: nobody has anything of these lots left to send back"
    />
  );
}

const skipColumns: Column<RecallSkip>[] = [
  {
    key: 'customer',
    header: 'Customer',
    render: (skip) => (
      <>
        {skip.customerName}
        <span className="cell-sub">{skip.customerAccount}</span>
      </>
    ),
  },
  { key: 'order', header: 'Order', render: (skip) => `${skip.orderNumber} · line ${skip.lineNumber}` },
  { key: 'lots', header: 'Lots', render: (skip) => skip.lots.join(', ') },
  { key: 'shipped', header: 'Shipped', render: (skip) => skip.quantityShipped, align: 'right' },
  { key: 'held', header: 'Returned or on a return', render: (skip) => skip.quantityReturnedOrHeld, align: 'right' },
  { key: 'why', header: 'Why skipped', render: (skip) => skip.reason },
];

/** Order lines that shipped an affected lot but got no recall line, and why. */
export function RecallSkipsTable({ skipped }: { skipped: RecallSkip[] }) {
  return (
    <DataTable
      columns={skipColumns}
      rows={skipped}
      rowKey={(skip) => `${skip.orderId}:${skip.lineNumber}`}
      caption="Skipped order lines"
      emptyTitle="No order line was skipped"
    />
  );
}
