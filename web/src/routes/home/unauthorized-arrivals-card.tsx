import { useArrivals } from '../../api/arrivals.js';
import { useRmas } from '../../api/rmas.js';
import { ARRIVALS_TO_IDENTIFY_PATH, UNAUTHORIZED_ARRIVALS_LIST } from '../../auth/permissions.js';
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

/** Goods from unknown senders or with uncatalogued products, waiting on the dock to be identified. */
export function ArrivalsToIdentifyCard() {
  const query = useArrivals({ status: 'awaiting_identification', page: 1, pageSize: 1 });
  const total = query.data?.total;
  return (
    <HomeCard to={ARRIVALS_TO_IDENTIFY_PATH} title="Arrivals to identify">
      Parcels from senders we could not name, or with products not in the catalogue.{' '}
      {total === undefined ? '' : total === 0 ? 'None waiting.' : `${total.toLocaleString()} waiting.`}
    </HomeCard>
  );
}
