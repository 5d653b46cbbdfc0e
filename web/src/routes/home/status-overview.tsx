import { Link } from 'react-router';
import { RMA_STATUSES, type RmaStatus } from '../../../../src/contracts/returns.js';
import { useRmas } from '../../api/rmas.js';
import { StatusBadge } from '../../ui/badge.js';

/** Counts of returns by status, each linking to the filtered returns list. */
export function StatusOverview({ statuses = RMA_STATUSES }: { statuses?: readonly RmaStatus[] }) {
  return (
    <section className="panel" aria-labelledby="status-overview-title">
      <h2 id="status-overview-title">Returns at a glance</h2>
      <ul className="status-grid">
        {statuses.map((status) => (
          <StatusCount key={status} status={status} />
        ))}
      </ul>
    </section>
  );
}

function StatusCount({ status }: { status: RmaStatus }) {
  const query = useRmas({ status, page: 1, pageSize: 1 });
  const count = query.isError ? '—' : query.data ? query.data.total.toLocaleString() : '…';
  return (
    <li>
      <Link to={`/returns?status=${status}`} className="status-grid__item">
        <span className="status-grid__count">{count}</span>
        <StatusBadge status={status} />
      </Link>
    </li>
  );
}
