import { useRmas } from '../../api/rmas.js';
import { HomeCard } from './home-card.js';

export function ApprovalQueueCard() {
  const query = useRmas({ status: 'pending_approval', page: 1, pageSize: 1 });
  const waiting = query.data ? `${query.data.total.toLocaleString()} waiting for a decision.` : '';
  return (
    <HomeCard to="/approvals" title="Approval queue">
      Returns that policy routed to a manager. {waiting}
    </HomeCard>
  );
}
