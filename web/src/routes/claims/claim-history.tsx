import type { SupplierClaimView } from '../../api/supplier-claims.js';
import { formatDateTime } from '../../ui/dates.js';
import { CLAIM_STATUS_LABELS, money } from './claim-labels.js';

interface Step {
  what: string;
  at: string;
  details: string[];
}

/** What happened to the claim, oldest first: submitted, acknowledged, answered and paid, with who and when. */
export function ClaimHistory({ claim }: { claim: SupplierClaimView }) {
  const steps: Step[] = [
    {
      what: 'Submitted',
      at: claim.submittedAt,
      details: [
        `for ${money(claim.claimedMinor, claim.currency)}, when vendor return ${claim.vendorReturnNumber ?? claim.vendorReturnId} shipped`,
      ],
    },
  ];
  if (claim.acknowledgedAt)
    steps.push({
      what: 'Acknowledged',
      at: claim.acknowledgedAt,
      details: [
        claim.acknowledgedBy ? `by ${claim.acknowledgedBy}` : '',
        claim.supplierReference ? `supplier reference ${claim.supplierReference}` : '',
      ],
    });
  if (claim.decidedAt && claim.status !== 'submitted' && claim.status !== 'acknowledged') {
    const decided = claim.status === 'paid' ? decidedBeforePayment(claim) : CLAIM_STATUS_LABELS[claim.status];
    steps.push({
      what: decided,
      at: claim.decidedAt,
      details: [
        claim.decidedBy ? `by ${claim.decidedBy}` : '',
        claim.acceptedMinor !== null && claim.acceptedMinor > 0
          ? `${money(claim.acceptedMinor, claim.currency)} accepted`
          : '',
        claim.decisionNote ? `“${claim.decisionNote}”` : '',
      ],
    });
  }
  if (claim.paidAt)
    steps.push({
      what: 'Paid',
      at: claim.paidAt,
      details: [
        claim.paidMinor !== null ? money(claim.paidMinor, claim.currency) : '',
        claim.paymentReference ? `credit note ${claim.paymentReference}` : '',
      ],
    });
  return (
    <ol className="claim-history">
      {steps.map((step) => {
        const details = step.details.filter(Boolean);
        return (
          <li key={step.what}>
            <span className="claim-history__what">{step.what}</span> · {formatDateTime(step.at)}
            {details.length > 0 ? <span className="cell-sub">{details.join(' · ')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A paid claim was accepted in full or in part first: the amounts say which. */
function decidedBeforePayment(claim: SupplierClaimView): string {
  return claim.acceptedMinor === claim.claimedMinor ? 'Accepted' : 'Partially accepted';
}
