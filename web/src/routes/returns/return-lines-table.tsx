import { Link } from 'react-router';
import type { RmaView, RmaLine } from '../../../../src/contracts/returns.js';
import { useConfig } from '../../api/config.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canRaiseForCustomers } from '../../auth/permissions.js';
import { ProgressBadge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { LINE_AND_ITEM_COLUMNS } from '../../ui/line-columns.js';
import { CONDITION_LABELS } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';

export function ReturnLinesTable({ rma }: { rma: RmaView }) {
  const reasonCodes = useConfig('reason_codes');
  const user = useCurrentUser();
  const orderBase =
    user.role === 'customer' ? '/portal/orders' : canRaiseForCustomers(user.role) ? '/service/orders' : null;
  const reasonLabel = (code: string) =>
    reasonCodes.data?.document.codes.find((entry) => entry.code === code)?.label ?? code;

  const columns: Column<RmaLine>[] = [
    ...LINE_AND_ITEM_COLUMNS,
    {
      key: 'order',
      header: 'Order',
      render: (line) =>
        line.orderId && orderBase ? (
          <Link to={`${orderBase}/${line.orderId}`}>{line.orderNumber}</Link>
        ) : (
          (line.orderNumber ?? '—')
        ),
    },
    { key: 'qty', header: 'Qty', align: 'right', render: (line) => line.quantity, sortValue: (line) => line.quantity },
    { key: 'reason', header: 'Reason', render: (line) => reasonLabel(line.reasonCode) },
    {
      key: 'condition',
      header: 'Condition',
      render: (line) => CONDITION_LABELS[line.claimedCondition] ?? line.claimedCondition,
    },
    {
      key: 'identifiers',
      header: 'Serials / lots',
      render: (line) => [...line.serials, ...line.lots].join(', ') || '—',
    },
    {
      key: 'value',
      header: 'Value',
      align: 'right',
      render: (line) => formatMoney(line.valueMinor, rma.currency),
      sortValue: (line) => line.valueMinor,
    },
    { key: 'progress', header: 'Progress', render: (line) => <ProgressBadge progress={line.progress} /> },
  ];
  return <DataTable columns={columns} rows={rma.lines} rowKey={(line) => line.id} caption="Return lines" />;
}
