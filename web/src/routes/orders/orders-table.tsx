import { Link } from 'react-router';
import type { SalesOrderSummary } from '../../api/orders.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';

export function OrdersTable({
  rows,
  basePath,
  caption,
  showCustomer = false,
  isBusy = false,
}: {
  rows: SalesOrderSummary[];
  basePath: string;
  caption: string;
  showCustomer?: boolean;
  isBusy?: boolean;
}) {
  const today = todayIso();
  const columns: Column<SalesOrderSummary>[] = [
    {
      key: 'orderNumber',
      header: 'Order',
      render: (order) => <Link to={`${basePath}/${order.id}`}>{order.orderNumber}</Link>,
      sortValue: (order) => order.orderNumber,
    },
    {
      key: 'date',
      header: 'Ordered',
      render: (order) => formatDate(order.orderDate),
      sortValue: (order) => order.orderDate,
    },
    {
      key: 'po',
      header: 'Customer PO',
      render: (order) => order.customerPo || '—',
      sortValue: (order) => order.customerPo,
    },
    ...(showCustomer
      ? [
          {
            key: 'customer',
            header: 'Customer',
            render: (order: SalesOrderSummary) => order.customerName,
            sortValue: (order: SalesOrderSummary) => order.customerName,
          },
        ]
      : []),
    {
      key: 'channel',
      header: 'Channel',
      render: (order) => humanize(order.channel),
      sortValue: (order) => order.channel,
    },
    {
      key: 'lines',
      header: 'Items',
      align: 'right',
      render: (order) => order.lineCount,
      sortValue: (order) => order.lineCount,
    },
    {
      key: 'total',
      header: 'Value',
      align: 'right',
      render: (order) => formatMoney(order.totalMinor, order.currency),
      sortValue: (order) => order.totalMinor,
    },
    {
      key: 'delivered',
      header: 'Delivered',
      render: (order) => (order.deliveredOn ? formatDate(order.deliveredOn) : 'Not yet'),
      sortValue: (order) => order.deliveredOn,
    },
    {
      key: 'returnableUntil',
      header: 'Returnable until',
      render: (order) => <ReturnableUntil order={order} today={today} />,
      sortValue: (order) => order.returnableUntil,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(order) => order.id}
      caption={caption}
      isBusy={isBusy}
      emptyTitle="No orders match"
    />
  );
}

/** The last day to request a return, or why there is none; a window that has closed says so. */
function ReturnableUntil({ order, today }: { order: SalesOrderSummary; today: string }) {
  if (order.returnableUntil === null) return <span className="muted">Nothing returnable</span>;
  if (order.returnableUntil < today) return <span className="muted">Closed {formatDate(order.returnableUntil)}</span>;
  return <>{formatDate(order.returnableUntil)}</>;
}

/** Today as the customer's calendar shows it (YYYY-MM-DD). */
function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
