import { HomeCard } from './home-card.js';
import { RecentReturns } from './recent-returns.js';

export function CustomerHome() {
  return (
    <>
      <div className="home-grid">
        <HomeCard to="/portal/orders" title="My orders">
          Find a delivered order and request a return for some of its lines.
        </HomeCard>
        <HomeCard to="/portal/returns" title="My returns">
          Follow the status of the returns you have requested.
        </HomeCard>
      </div>
      <RecentReturns title="Your latest returns" />
    </>
  );
}
