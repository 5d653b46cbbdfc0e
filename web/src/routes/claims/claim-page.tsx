import { useState } from 'react';
import { useParams } from 'react-router';
import { isStaffClaim, useSupplierClaim, type SupplierClaimView } from '../../api/supplier-claims.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canRecordClaims, CLAIMS_PATH, isSupplierRole, SUPPLIER_CLAIMS_PATH } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { formatDate } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { AcknowledgeClaimDialog } from './acknowledge-claim-dialog.js';
import { ClaimHistory } from './claim-history.js';
import { ClaimStatusBadge, daysLabel, money, moneyOrDash, supplierOf } from './claim-labels.js';
import { ClaimLinesTable } from './claim-lines-table.js';
import { DecideClaimDialog } from './decide-claim-dialog.js';
import { RecordPaymentDialog } from './record-payment-dialog.js';
import './claims.css';

/**
 * One supplier claim: its lines with the calculation and the evidence, its history, and what the
 * person may do next. Finance records the supplier's acknowledgement, answer and credit note; a
 * supplier's own user acknowledges and answers its own claims here (the same page, its own scope).
 */
export function ClaimPage() {
  const { claimId = '' } = useParams();
  const query = useSupplierClaim(claimId);
  return (
    <QueryView query={query} loadingLabel="Loading the claim…" errorTitle="Could not load this claim">
      {(claim) => <ClaimView claim={claim} onReload={() => void query.refetch()} />}
    </QueryView>
  );
}

type Dialog = 'acknowledge' | 'decide' | 'payment' | null;

const isAwaitingAnswer = (claim: SupplierClaimView) => claim.status === 'submitted' || claim.status === 'acknowledged';
const isAwaitingPayment = (claim: SupplierClaimView) =>
  claim.status === 'accepted' || claim.status === 'partially_accepted';

function ClaimView({ claim, onReload }: { claim: SupplierClaimView; onReload: () => void }) {
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [isStale, setIsStale] = useState(false);
  const isSupplier = isSupplierRole(user.role);
  // A supplier answers its own claims; finance records what a supplier said by e-mail, and its credit note.
  const mayAnswer = isSupplier || canRecordClaims(user.role);
  const mayRecordPayment = !isSupplier && canRecordClaims(user.role);

  function reload() {
    setIsStale(false);
    onReload();
  }
  const stale = () => setIsStale(true);

  return (
    <>
      <PageHeader
        back={
          isSupplier ? { to: SUPPLIER_CLAIMS_PATH, label: 'Claims' } : { to: CLAIMS_PATH, label: 'Supplier claims' }
        }
        title={
          <>
            Claim {claim.claimNumber} <ClaimStatusBadge status={claim.status} />
          </>
        }
        subtitle={`${supplierOf(claim)} · vendor return ${claim.vendorReturnNumber ?? claim.vendorReturnId} · ${money(claim.claimedMinor, claim.currency)} claimed`}
        actions={
          <>
            {mayAnswer && claim.status === 'submitted' ? (
              <button type="button" className="button" onClick={() => setDialog('acknowledge')}>
                {isSupplier ? 'Acknowledge' : 'Record acknowledgement'}
              </button>
            ) : null}
            {mayAnswer && isAwaitingAnswer(claim) ? (
              <button type="button" className="button button--primary" onClick={() => setDialog('decide')}>
                {isSupplier ? 'Answer' : 'Record decision'}
              </button>
            ) : null}
            {mayRecordPayment && isAwaitingPayment(claim) ? (
              <button type="button" className="button button--primary" onClick={() => setDialog('payment')}>
                Record payment
              </button>
            ) : null}
          </>
        }
      />
      {isStale ? (
        <Alert tone="error">
          This claim changed meanwhile — reload to see it as it is now, then try again.{' '}
          <button type="button" className="link-button" onClick={reload}>
            Reload
          </button>
        </Alert>
      ) : null}
      <DecisionNote claim={claim} />
      {isSupplier && isAwaitingPayment(claim) ? (
        <Alert tone="info">Your answer is recorded. The claim is settled when your credit note reaches us.</Alert>
      ) : null}
      <section className="panel" aria-labelledby="claim-facts-title">
        <h2 id="claim-facts-title" className="visually-hidden">
          About the claim
        </h2>
        <dl className="facts">
          <Fact term="Claim number" value={claim.claimNumber} />
          <Fact term="Supplier" value={supplierOf(claim)} />
          <Fact term="Vendor return" value={claim.vendorReturnNumber ?? claim.vendorReturnId} />
          <Fact term="Supplier reference" value={claim.supplierReference || '—'} />
          <Fact term="Claimed" value={money(claim.claimedMinor, claim.currency)} />
          <Fact term="Accepted" value={moneyOrDash(claim.acceptedMinor, claim.currency)} />
          <Fact term="Paid" value={moneyOrDash(claim.paidMinor, claim.currency)} />
          <Fact term="Submitted" value={formatDate(claim.submittedAt)} />
          <Fact
            term={isAwaitingAnswer(claim) || isAwaitingPayment(claim) ? 'Open for' : 'Took'}
            value={daysLabel(claim.ageDays)}
          />
          {isStaffClaim(claim) ? (
            <Fact
              term="Vendor receivable in the books"
              value={money(claim.receivableMinor, claim.functionalCurrency)}
            />
          ) : null}
        </dl>
      </section>
      <section className="panel" aria-labelledby="claim-lines-title">
        <h2 id="claim-lines-title">Lines</h2>
        <ClaimLinesTable claim={claim} isStaff={!isSupplier} />
      </section>
      <section className="panel" aria-labelledby="claim-history-title">
        <h2 id="claim-history-title">History</h2>
        <ClaimHistory claim={claim} />
      </section>
      {dialog === 'acknowledge' ? (
        <AcknowledgeClaimDialog claim={claim} isSupplier={isSupplier} onClose={() => setDialog(null)} onStale={stale} />
      ) : null}
      {dialog === 'decide' ? (
        <DecideClaimDialog claim={claim} isSupplier={isSupplier} onClose={() => setDialog(null)} onStale={stale} />
      ) : null}
      {dialog === 'payment' ? (
        <RecordPaymentDialog claim={claim} onClose={() => setDialog(null)} onStale={stale} />
      ) : null}
    </>
  );
}

/** Anything short of a full acceptance carries the supplier's reason. */
function DecisionNote({ claim }: { claim: SupplierClaimView }) {
  if (!claim.decisionNote) return null;
  const how =
    claim.status === 'rejected'
      ? 'Rejected'
      : claim.acceptedMinor !== null && claim.acceptedMinor < claim.claimedMinor
        ? `Partially accepted (${moneyOrDash(claim.acceptedMinor, claim.currency)} of ${money(claim.claimedMinor, claim.currency)})`
        : 'Answered';
  return (
    <Alert tone={claim.status === 'rejected' ? 'warning' : 'info'}>
      <strong>{how}:</strong> {claim.decisionNote}
    </Alert>
  );
}
