import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { roleCan } from '../../../../src/contracts/permissions.js';
import { describeError } from '../../api/api-error.js';
import { useConfig } from '../../api/config.js';
import { useAssignInspection, useClaimInspection, useInspection, type Inspection } from '../../api/inspections.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canInspect, INSPECTIONS_PATH } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { CONDITION_LABELS, humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';
import { DispositionPanel } from './disposition-panel.js';
import { InspectionStatusBadge, SlaBadge, unitName } from './inspection-labels.js';
import { InspectionPhotos } from './inspection-photos.js';
import { InspectionRecordForm } from './inspection-record-form.js';
import { InspectionSummary } from './inspection-summary.js';
import { SignOffPanel } from './sign-off-panel.js';
import { SplitDialog } from './split-dialog.js';
import './quality.css';

export function InspectionPage() {
  const { inspectionId = '' } = useParams();
  const query = useInspection(inspectionId);
  return (
    <QueryView query={query} loadingLabel="Loading the inspection…" errorTitle="Could not load this inspection">
      {(inspection) => <InspectionView key={inspection.id} inspection={inspection} />}
    </QueryView>
  );
}

const isOpen = (inspection: Inspection) => inspection.status === 'pending' || inspection.status === 'in_progress';

function InspectionView({ inspection }: { inspection: Inspection }) {
  const user = useCurrentUser();
  const isMine = inspection.assignedToId === user.id;
  const mayEdit = canInspect(user.role) && isOpen(inspection) && (inspection.assignedToId === null || isMine);
  const wasSentBack = inspection.status === 'in_progress' && Boolean(inspection.signOffNote) && !inspection.signedOffBy;
  return (
    <>
      <PageHeader
        back={{ to: `${INSPECTIONS_PATH}?siteId=${encodeURIComponent(inspection.siteId)}`, label: 'Inspection queue' }}
        title={
          <>
            Inspection of {unitName(inspection)} <InspectionStatusBadge status={inspection.status} />{' '}
            {inspection.isRegulated ? <Badge tone="warning">Regulated</Badge> : null}
          </>
        }
        subtitle={`${inspection.productSku ?? inspection.productId} ${inspection.productName ?? ''} · ${inspection.quantity} ${
          inspection.quantity === 1 ? 'unit' : 'units'
        } · ${inspection.customerName ?? ''}`}
        actions={<WorkActions inspection={inspection} mayEdit={mayEdit} />}
      />
      {wasSentBack ? (
        <Alert tone="warning">
          <strong>Quality sent this back:</strong> {inspection.signOffNote}
        </Alert>
      ) : null}
      <UnitFacts inspection={inspection} />
      <ClaimFacts inspection={inspection} />
      {mayEdit ? <InspectionRecordForm inspection={inspection} /> : <InspectionSummary inspection={inspection} />}
      <InspectionPhotos
        inspection={inspection}
        canUpload={canInspect(user.role) && inspection.status !== 'completed'}
      />
      {inspection.status === 'awaiting_sign_off' ? <SignOffPanel inspection={inspection} /> : null}
      {inspection.status === 'completed' ? <DispositionPanel inspection={inspection} /> : null}
    </>
  );
}

/** Take it, give it back, take it over from someone, or split units off. */
function WorkActions({ inspection, mayEdit }: { inspection: Inspection; mayEdit: boolean }) {
  const user = useCurrentUser();
  const claim = useClaimInspection();
  const assign = useAssignInspection();
  const toast = useToast();
  const [isSplitting, setIsSplitting] = useState(false);
  if (!isOpen(inspection) || !canInspect(user.role)) return null;
  const onError = (error: unknown) => toast.show(describeError(error), 'error');
  const isBusy = claim.isPending || assign.isPending;
  const isMine = inspection.assignedToId === user.id;
  return (
    <div className="button-row">
      {inspection.assignedToId === null ? (
        <button
          type="button"
          className="button button--primary"
          disabled={isBusy}
          onClick={() => claim.mutate(inspection, { onSuccess: () => toast.show('You have it'), onError })}
        >
          Take
        </button>
      ) : isMine ? (
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={() =>
            assign.mutate(
              { inspection, userId: null },
              { onSuccess: () => toast.show('Released to the queue'), onError },
            )
          }
        >
          Release
        </button>
      ) : roleCan(user.role, 'inspection.assign') ? (
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={() =>
            assign.mutate(
              { inspection, userId: user.id },
              { onSuccess: () => toast.show(`Taken over from ${inspection.assignedTo ?? 'its inspector'}`), onError },
            )
          }
        >
          Take over
        </button>
      ) : null}
      {mayEdit && inspection.quantity > 1 ? (
        <button type="button" className="button" onClick={() => setIsSplitting(true)}>
          Split off units…
        </button>
      ) : null}
      {isSplitting ? <SplitDialog inspection={inspection} onClose={() => setIsSplitting(false)} /> : null}
    </div>
  );
}

function UnitFacts({ inspection }: { inspection: Inspection }) {
  return (
    <section className="panel" aria-labelledby="unit-title">
      <h2 id="unit-title">The units</h2>
      <dl className="facts">
        <div>
          <dt>Return</dt>
          <dd>
            <Link to={`/returns/${inspection.rmaId}`}>{inspection.rmaNumber ?? inspection.rmaId}</Link>
            {inspection.lineNumber === null ? '' : ` · line ${inspection.lineNumber}`}
          </dd>
        </div>
        <Fact
          term="Product"
          value={`${inspection.productSku ?? inspection.productId} ${inspection.productName ?? ''}`}
        />
        <Fact term="Category" value={inspection.category ?? '—'} />
        <Fact term="Units" value={String(inspection.quantity)} />
        <Fact term="Serial" value={inspection.serial ?? '—'} />
        <Fact term="Lot" value={inspection.lot ?? '—'} />
        <Fact term="Site" value={inspection.siteCode ?? inspection.siteId} />
        <Fact term="Customer" value={`${inspection.customerName ?? '—'} (${humanize(inspection.customerTier)})`} />
        <Fact term="Value at risk" value={formatMoney(inspection.valueAtRiskMinor, inspection.currency)} />
        <Fact term="Received" value={formatDateTime(inspection.receivedAt)} />
        <div>
          <dt>SLA due</dt>
          <dd>
            {formatDateTime(inspection.slaDueAt)} <SlaBadge state={inspection.slaState} />
          </dd>
        </div>
        <Fact term="Assigned to" value={inspection.assignedTo ?? 'Nobody'} />
      </dl>
      {inspection.priorityReasons.length > 0 ? (
        <p className="muted">Queue priority: {inspection.priorityReasons.join(' · ')}</p>
      ) : null}
    </section>
  );
}

/** What the customer said of the goods: what the inspection confirms or contradicts. */
function ClaimFacts({ inspection }: { inspection: Inspection }) {
  const reasons = useConfig('reason_codes');
  const claim = inspection.claim;
  if (!claim) return null;
  const reason = reasons.data?.document.codes.find((code) => code.code === claim.reasonCode)?.label ?? claim.reasonCode;
  return (
    <section className="panel" aria-labelledby="claim-title">
      <h2 id="claim-title">What the customer said</h2>
      <dl className="facts">
        <Fact term="Reason" value={reason} />
        <Fact
          term="Claimed condition"
          value={CONDITION_LABELS[claim.claimedCondition] ?? humanize(claim.claimedCondition)}
        />
        <Fact term="Customer’s note" value={claim.note || '—'} />
      </dl>
    </section>
  );
}
