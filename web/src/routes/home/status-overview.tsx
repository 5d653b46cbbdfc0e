import { Link } from 'react-router';
import { RMA_STATUSES, type RmaStatus } from '../../../../src/contracts/returns.js';
import { useStatusCounts } from '../../api/rmas.js';
import { StatusBadge } from '../../ui/badge.js';

/** Counts of returns by status, each linking to the filtered returns list. */
// 'requested' is a passing moment inside one request, never a status a return rests in.
const RESTING_STATUSES = RMA_STATUSES.filter((status) => status !== 'requested');

export function StatusOverview({ statuses = RESTING_STATUSES }: { statuses?: readonly RmaStatus[] }) {
  const query = useStatusCounts();
  const countOf = (status: RmaStatus) =>
    query.isError ? '—' : query.data ? (query.data.byStatus[status] ?? 0).toLocaleString() : '…';
  return (
    <section className="panel" aria-labelledby="status-overview-title">
      <h2 id="status-overview-title">Returns at a glance</h2>
      <ul className="status-grid">
        {statuses.map((status) => (
          <StatusCount key={status} status={status} count={countOf(status)} />
        ))}
      </ul>
    </section>
  );
}

function StatusCount({ status, count }: { status: RmaStatus; count: string }) {
  return (
    <li>
      <Link to={`/returns?status=${status}`} className="status-grid__item">
        <span className="status-grid__count">{count}</span>
        <StatusBadge status={status} />
      </Link>
    </li>
  );
}
