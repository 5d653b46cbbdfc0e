import type { Role } from '../../../../src/contracts/common.js';
import { APPROVER_ROLES, canRecordArrivals, NEW_ARRIVAL_PATH, SERVICE_ROLES } from '../../auth/permissions.js';
import { ApprovalQueueCard } from './approval-queue-card.js';
import { HomeCard } from './home-card.js';
import { LaterStagesNote } from './later-stages-note.js';
import { StatusOverview } from './status-overview.js';
import { ArrivalsToIdentifyCard, UnauthorizedArrivalsCard } from './unauthorized-arrivals-card.js';

export function StaffHome({ role }: { role: Role }) {
  const isService = SERVICE_ROLES.includes(role);
  return (
    <>
      <div className="home-grid">
        {APPROVER_ROLES.includes(role) ? <ApprovalQueueCard /> : null}
        {isService ? (
          <>
            <HomeCard to="/service/customers" title="Find a customer">
              Search by name or account number; see their orders and returns.
            </HomeCard>
            <HomeCard to="/service/orders" title="Find an order">
              Look up an order by its number or the customer&apos;s PO.
            </HomeCard>
            <HomeCard to="/service/orders" title="Create an RMA">
              Open the customer&apos;s order and raise a return on their behalf.
            </HomeCard>
          </>
        ) : null}
        <HomeCard to="/returns" title="Returns">
          Search every return by status, customer, type, reason and date.
        </HomeCard>
        {canRecordArrivals(role) ? (
          <>
            <HomeCard to={NEW_ARRIVAL_PATH} title="Record an unauthorized arrival">
              Goods arrived without an RMA? Record what came in so it can be received and investigated.
            </HomeCard>
            <UnauthorizedArrivalsCard />
            <ArrivalsToIdentifyCard />
          </>
        ) : null}
        {role === 'admin' ? (
          <>
            <HomeCard to="/admin/reason-codes" title="Reason codes">
              The standard reasons customers choose from.
            </HomeCard>
            <HomeCard to="/admin/return-policy" title="Return policy">
              Return windows by tier and category; how long an authorization is valid.
            </HomeCard>
            <HomeCard to="/admin/approval-rules" title="Approval rules">
              Which returns need a manager&apos;s approval.
            </HomeCard>
          </>
        ) : null}
      </div>
      <LaterStagesNote role={role} />
      <StatusOverview />
    </>
  );
}
