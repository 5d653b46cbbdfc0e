import type { Role } from '../../../../src/contracts/common.js';
import {
  APPROVER_ROLES,
  canRecordArrivals,
  DOCK_PATH,
  DOCK_ROLES,
  JOURNAL_PATH,
  LEDGER_ROLES,
  NEW_ARRIVAL_PATH,
  RECEIPT_EXCEPTIONS_PATH,
  RECEIVE_PATH,
  SERVICE_ROLES,
  STOCK_LOOKUP_PATH,
  STOCK_ROLES,
} from '../../auth/permissions.js';
import { rolesWith } from '../../../../src/contracts/permissions.js';

/** Where the later stages' screens live (their pages register these routes). */
const INSPECTION_QUEUE_PATH = '/quality/inspections';
const OPERATIONS_PATH = '/operations';
const TRACE_PATH = '/trace';
const INSPECTION_ROLES = rolesWith('inspection.perform');
const OPERATIONS_ROLES = ['ops_manager', 'quality', 'warehouse'];
import { ApprovalQueueCard } from './approval-queue-card.js';
import { HomeCard } from './home-card.js';
import { LaterStagesNote } from './later-stages-note.js';
import { StatusOverview } from './status-overview.js';
import { ArrivalsToIdentifyCard, UnauthorizedArrivalsCard } from './unauthorized-arrivals-card.js';
import { CreditMemosCard } from '../credits/credit-memos-card.js';
import { CREDIT_ROLES } from '../../auth/permissions.js';
import { CLAIM_READ_ROLES, CLAIMS_PATH } from '../../auth/permissions.js';
import { EDI_DOCUMENTS_PATH, EDI_ROLES } from '../../auth/permissions.js';
import { KPI_ROLES, KPIS_PATH } from '../../auth/permissions.js';

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
        {DOCK_ROLES.includes(role) ? (
          <HomeCard to={DOCK_PATH} title="Dock schedule">
            Today's carrier appointments at your site: book, check in, cancel.
          </HomeCard>
        ) : null}
        {INSPECTION_ROLES.includes(role) ? (
          <HomeCard to={INSPECTION_QUEUE_PATH} title="Inspection queue">
            Received goods waiting to be inspected at your site, most urgent first, with their SLA.
          </HomeCard>
        ) : null}
        {OPERATIONS_ROLES.includes(role) ? (
          <HomeCard to={OPERATIONS_PATH} title="Operations">
            Work orders, vendor returns, quarantine holds, liquidation lots and returns to customers.
          </HomeCard>
        ) : null}
        {STOCK_ROLES.includes(role) ? (
          <HomeCard to={TRACE_PATH} title="Trace a serial or lot">
            Its whole path: sold, returned, received, inspected, disposed, and where it is now.
          </HomeCard>
        ) : null}
        {STOCK_ROLES.includes(role) ? (
          <HomeCard to={STOCK_LOOKUP_PATH} title="Where is this unit?">
            Find returned units by serial or RMA number, and how they got there.
          </HomeCard>
        ) : null}
        {CREDIT_ROLES.includes(role) ? <CreditMemosCard role={role} /> : null}
        {CLAIM_READ_ROLES.includes(role) ? (
          <HomeCard to={CLAIMS_PATH} title="Supplier claims">
            What suppliers owe for the goods sent back to them: aging, how long each takes to pay, and every claim.
          </HomeCard>
        ) : null}
        {EDI_ROLES.includes(role) && role !== 'admin' ? (
          <HomeCard to={EDI_DOCUMENTS_PATH} title="EDI documents">
            Return requests, answers and adjustments exchanged with trading partners by X12, with their status.
          </HomeCard>
        ) : null}
        {LEDGER_ROLES.includes(role) ? (
          <HomeCard to={JOURNAL_PATH} title="Finance">
            The journal of returned goods, the trial balance, periods, the chart of accounts and exchange rates.
          </HomeCard>
        ) : null}
        {KPI_ROLES.includes(role) ? (
          <HomeCard to={KPIS_PATH} title="KPI dashboard">
            Cycle time, recovery rate, cost per return and more, by month, customer, site or reason, down to the returns
            behind each figure.
          </HomeCard>
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
            <HomeCard to={RECEIVE_PATH} title="Receive returned goods">
              Scan a return label, then the goods: each scan is received at once, surprises become exceptions.
            </HomeCard>
            <HomeCard to={RECEIPT_EXCEPTIONS_PATH} title="Receipt exceptions">
              Goods that did not match their return, waiting for a decision.
            </HomeCard>
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
            <HomeCard to="/admin/disposition-rules" title="Disposition rules">
              What the rules recommend for inspected goods, and why; test a change on a sample first.
            </HomeCard>
          </>
        ) : null}
      </div>
      <LaterStagesNote role={role} />
      <StatusOverview />
    </>
  );
}
