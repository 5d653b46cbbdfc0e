import type { Order, OrderLine } from '../../api/orders.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { LINE_AND_ITEM_COLUMNS } from '../../ui/line-columns.js';
import { formatMoney } from '../../ui/money.js';
import { returnableQuantity } from '../returns/return-draft.js';

export function OrderLinesTable({ order }: { order: Order }) {
  const columns: Column<OrderLine>[] = [
    ...LINE_AND_ITEM_COLUMNS,
    { key: 'shipped', header: 'Shipped', align: 'right', render: (line) => line.quantityShipped },
    { key: 'committed', header: 'Returned / requested', align: 'right', render: (line) => line.quantityCommitted },
    {
      key: 'returnable',
      header: 'Returnable',
      align: 'right',
      render: (line) => returnableQuantity(line),
      sortValue: (line) => returnableQuantity(line),
    },
    {
      key: 'price',
      header: 'Unit price',
      align: 'right',
      render: (line) => formatMoney(line.unitPriceMinor, order.currency),
      sortValue: (line) => line.unitPriceMinor,
    },
    {
      key: 'delivered',
      header: 'Delivered',
      render: (line) => formatDate(line.deliveryDate),
      sortValue: (line) => line.deliveryDate,
    },
    {
      key: 'serials',
      header: 'Serials shipped',
      render: (line) => summarize(line.serialsShipped),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={order.lines}
      rowKey={(line) => line.id}
      caption={`Lines of order ${order.orderNumber}`}
    />
  );
}

function summarize(values: string[]): string {
  if (values.length === 0) return '—';
  if (values.length <= 3) return values.join(', ');
  return `${values.slice(0, 3).join(', ')} +${values.length - 3} more`;
}
