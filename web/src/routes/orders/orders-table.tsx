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
      header: 'Lines',
      align: 'right',
      render: (order) => order.lineCount ?? '—',
      sortValue: (order) => order.lineCount ?? null,
    },
    ...(rows.some((order) => order.totalMinor !== undefined)
      ? [
          {
            key: 'total',
            header: 'Total',
            align: 'right' as const,
            render: (order: SalesOrderSummary) =>
              order.totalMinor === undefined ? '—' : formatMoney(order.totalMinor, order.currency),
            sortValue: (order: SalesOrderSummary) => order.totalMinor ?? null,
          },
        ]
      : []),
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
