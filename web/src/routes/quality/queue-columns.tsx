import { Link } from 'react-router';
import type { InspectionQueueItem } from '../../api/inspections.js';
import { inspectionPagePath } from '../../auth/permissions.js';
import { Badge } from '../../ui/badge.js';
import type { Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';
import { serialOrLot, SlaBadge, unitName } from './inspection-labels.js';

/** The columns the queue and the SLA breaches list share: which unit, whose, how urgent. */
export function queueColumns(): Column<InspectionQueueItem>[] {
  return [
    {
      key: 'unit',
      header: 'Return',
      render: (item) => (
        <>
          <Link to={inspectionPagePath(item.id)}>{unitName(item)}</Link>
          {item.isRegulated ? (
            <span className="cell-sub">
              <Badge tone="warning">Regulated</Badge>
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'product',
      header: 'Product',
      render: (item) => (
        <span className="queue-product">
          {item.productSku ?? item.productId}
          <span className="cell-sub">{item.productName}</span>
          {serialOrLot(item) ? <span className="cell-sub">{serialOrLot(item)}</span> : null}
        </span>
      ),
    },
    { key: 'quantity', header: 'Units', render: (item) => item.quantity, align: 'right' },
    {
      key: 'customer',
      header: 'Customer',
      render: (item) => (
        <>
          {item.customerName ?? '—'}
          <span className="cell-sub">{humanize(item.customerTier)}</span>
        </>
      ),
    },
    {
      key: 'value',
      header: 'Value at risk',
      render: (item) => formatMoney(item.valueAtRiskMinor, item.currency),
      align: 'right',
    },
    {
      key: 'sla',
      header: 'SLA due',
      render: (item) => (
        <span className="queue-sla">
          {formatDateTime(item.slaDueAt)} <SlaBadge state={item.slaState} />
          <span className="cell-sub">Received {formatDateTime(item.receivedAt)}</span>
        </span>
      ),
    },
    {
      key: 'why',
      header: 'Why this place',
      render: (item) =>
        item.priorityReasons.length > 0 ? (
          <span className="queue-reasons">{item.priorityReasons.join(' · ')}</span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'assigned',
      header: 'Assigned to',
      render: (item) => item.assignedTo ?? <span className="muted">Nobody</span>,
    },
  ];
}
