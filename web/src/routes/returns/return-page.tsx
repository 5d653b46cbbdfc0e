import { Link, useParams } from 'react-router';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { isStaffRma, useRma } from '../../api/rmas.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canRaiseForCustomers, RECEIVING_READ_ROLES } from '../../auth/permissions.js';
import { Badge, ProgressBadge, StatusBadge } from '../../ui/badge.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ReturnActions } from './return-actions.js';
import { ReturnFacts } from './return-facts.js';
import { ReturnLinesTable } from './return-lines-table.js';
import { NextStepsPanel } from './next-steps-panel.js';
import { ReturnTimeline } from './return-timeline.js';
import { RoutingSummary } from './routing-summary.js';
import { RoutingInstructionPanel } from './routing-instruction-panel.js';
import { CustodyPanel } from './custody-panel.js';
import { CreditsPanel } from './credits-panel.js';
import { ReplacementsPanel } from './replacements-panel.js';
import { ReturnInspectionsPanel } from './return-inspections-panel.js';
import { ShipmentsPanel } from './shipments-panel.js';
import { VerdictPanel } from './verdict-panel.js';
import { NotificationsPanel } from './notifications-panel.js';

export function ReturnPage() {
  const { rmaId = '' } = useParams();
  const query = useRma(rmaId);
  return (
    <QueryView query={query} loadingLabel="Loading the return…" errorTitle="Could not load this return">
      {(rma) => <ReturnView rma={rma} />}
    </QueryView>
  );
}

function ReturnView({ rma }: { rma: RmaView }) {
  const user = useCurrentUser();
  const back =
    user.role === 'customer' ? { to: '/portal/returns', label: 'My returns' } : { to: '/returns', label: 'Returns' };
  return (
    <>
      <PageHeader
        back={back}
        title={
          <>
            {rma.rmaNumber} <StatusBadge status={rma.status} /> <ProgressBadge progress={rma.progress} />
            {rma.isUnauthorized ? <Badge tone="warning">Unauthorized arrival</Badge> : null}
          </>
        }
        subtitle={
          canRaiseForCustomers(user.role) ? (
            <>
              <Link to={`/service/customers/${rma.customerId}`}>{rma.customerName}</Link> · {rma.customerAccount}
            </>
          ) : (
            `${rma.customerName} · ${rma.customerAccount}`
          )
        }
        actions={<ReturnActions rma={rma} />}
      />
      <NextStepsPanel rma={rma} />
      {rma.status === 'authorized' || rma.status === 'closed' || rma.progress.units.inTransit > 0 ? (
        <ShipmentsPanel rma={rma} />
      ) : null}
      {isStaffRma(rma) ? <RoutingInstructionPanel rma={rma} /> : null}
      <ReturnFacts rma={rma} />
      {isStaffRma(rma) && rma.status === 'pending_approval' && rma.routingReasons.length > 0 ? (
        <section className="panel" aria-labelledby="routing-title">
          <h2 id="routing-title">Why it needs approval</h2>
          <RoutingSummary
            routing={{
              decision: 'needs_approval',
              reasons: rma.routingReasons,
              approvalRulesVersion: rma.approvalRulesVersion ?? 0,
            }}
          />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="lines-title">
        <h2 id="lines-title">Lines</h2>
        <ReturnLinesTable rma={rma} />
      </section>
      {rma.verdict ? (
        <VerdictPanel
          verdict={rma.verdict}
          title="Policy verdict at request"
          lineLabel={(orderLineId, index) => {
            const line = rma.lines.find((candidate) => candidate.orderLineId === orderLineId) ?? rma.lines[index];
            return line ? `Line ${line.lineNumber} · ${line.sku} ${line.productName}` : `Line ${index + 1}`;
          }}
        />
      ) : null}
      {isStaffRma(rma) && RECEIVING_READ_ROLES.includes(user.role) && rma.status !== 'pending_approval' ? (
        <CustodyPanel rma={rma} />
      ) : null}
      <ReturnInspectionsPanel rma={rma} />
      <CreditsPanel rma={rma} />
      <ReplacementsPanel rma={rma} />
      <NotificationsPanel rma={rma} />
      <ReturnTimeline rmaId={rma.id} />
    </>
  );
}
