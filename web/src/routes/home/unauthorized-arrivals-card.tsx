import { useRmas } from '../../api/rmas.js';
import { UNAUTHORIZED_ARRIVALS_LIST } from '../../auth/permissions.js';
import { HomeCard } from './home-card.js';

export function UnauthorizedArrivalsCard() {
  const query = useRmas({ isUnauthorized: 'true', page: 1, pageSize: 1 });
  const recorded = query.data ? `${query.data.total.toLocaleString()} recorded.` : '';
  return (
    <HomeCard to={UNAUTHORIZED_ARRIVALS_LIST} title="Unauthorized arrivals">
      Goods that arrived without an RMA, and how they are being handled. {recorded}
    </HomeCard>
  );
}
