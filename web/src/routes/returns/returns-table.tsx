import { Link } from 'react-router';
import type { RmaSummaryView } from '../../../../src/contracts/returns.js';
import { Badge, ProgressBadge, StatusBadge } from '../../ui/badge.js';
import { DataTable, type Column, type SortState } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';

export function ReturnsTable({
  rows,
  caption,
  showCustomer = true,
  isBusy = false,
  emptyTitle,
  serverSort,
}: {
  rows: RmaSummaryView[];
  caption: string;
  showCustomer?: boolean;
  isBusy?: boolean;
  emptyTitle?: string;
  serverSort?: { sort: SortState | null; onSortChange: (sort: SortState) => void };
}) {
  const columns: Column<RmaSummaryView>[] = [
    {
      key: 'rmaNumber',
      header: 'RMA',
      render: (rma) => <Link to={`/returns/${rma.id}`}>{rma.rmaNumber}</Link>,
      sortValue: (rma) => rma.rmaNumber,
    },
    {
      key: 'status',
      header: 'Status',
      render: (rma) => (
        <>
          <StatusBadge status={rma.status} />
          {rma.isUnauthorized ? (
            <>
              {' '}
              <Badge tone="warning">Unauthorized</Badge>
            </>
          ) : null}
        </>
      ),
      sortValue: (rma) => rma.status,
    },
    {
      key: 'progress',
      header: 'Progress',
      render: (rma) => <ProgressBadge progress={rma.progress} />,
    },
    ...(showCustomer
      ? [
          {
            key: 'customer',
            header: 'Customer',
            render: (rma: RmaSummaryView) => (
              <>
                {rma.customerName}
                <span className="cell-sub">{rma.customerAccount}</span>
              </>
            ),
            sortValue: (rma: RmaSummaryView) => rma.customerName,
          },
        ]
      : []),
    { key: 'type', header: 'Type', render: (rma) => humanize(rma.returnType), sortValue: (rma) => rma.returnType },
    {
      key: 'lines',
      header: 'Lines',
      align: 'right',
      render: (rma) => rma.lineCount,
      // The server sorts by the other columns; line count is only sortable within a page.
      ...(serverSort ? {} : { sortValue: (rma: RmaSummaryView) => rma.lineCount }),
    },
    {
      key: 'value',
      header: 'Value',
      align: 'right',
      render: (rma) => formatMoney(rma.totalValueMinor, rma.currency),
      sortValue: (rma) => rma.totalValueMinor,
    },
    {
      key: 'created',
      header: 'Requested',
      render: (rma) => formatDate(rma.createdAt),
      sortValue: (rma) => rma.createdAt,
    },
    {
      key: 'expires',
      header: 'Expires',
      render: (rma) => formatDate(rma.expiresOn),
      sortValue: (rma) => rma.expiresOn,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(rma) => rma.id}
      caption={caption}
      isBusy={isBusy}
      emptyTitle={emptyTitle ?? 'No returns match'}
      {...(serverSort ? { serverSort } : {})}
    />
  );
}
