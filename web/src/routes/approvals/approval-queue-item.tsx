import { Link } from 'react-router';
import type { RmaSummary } from '../../../../src/contracts/returns.js';
import { formatDateTime } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';

export function ApprovalQueueItem({ rma }: { rma: RmaSummary }) {
  return (
    <li className="queue__item">
      <div className="queue__main">
        <Link to={`/returns/${rma.id}`} className="queue__title">
          {rma.rmaNumber}
        </Link>
        <span>
          {rma.customerName} <span className="muted">({rma.customerAccount})</span>
        </span>
        <span className="muted">
          {humanize(rma.returnType)} · {rma.lineCount} {rma.lineCount === 1 ? 'line' : 'lines'} · requested{' '}
          {formatDateTime(rma.createdAt)}
        </span>
      </div>
      <div className="queue__reasons">
        <span className="queue__label">Why approval is needed</span>
        {rma.routingReasons.length > 0 ? (
          <ul>
            {rma.routingReasons.map((reason, index) => (
              <li key={`${index}-${reason}`}>{reason}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">No reason recorded</span>
        )}
      </div>
      <div className="queue__side">
        <span className="queue__value">{formatMoney(rma.totalValueMinor, rma.currency)}</span>
        <Link to={`/returns/${rma.id}`} className="button button--small">
          Review<span className="visually-hidden"> {rma.rmaNumber}</span>
        </Link>
      </div>
    </li>
  );
}
