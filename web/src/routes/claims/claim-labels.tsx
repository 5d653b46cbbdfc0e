// How the claim screens name a claim, its status, its basis and its money.
import { Link } from 'react-router';
import type { ClaimBasis } from '../../../../src/contracts/recovery.js';
import { formatMinor } from '../../../../src/platform/money/format-money.js';
import type { ClaimStatus, SupplierClaimView } from '../../api/supplier-claims.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { claimPathFor } from '../../auth/permissions.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import type { Option } from '../../ui/field.js';

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  submitted: 'Submitted',
  acknowledged: 'Acknowledged',
  accepted: 'Accepted',
  partially_accepted: 'Partially accepted',
  rejected: 'Rejected',
  paid: 'Paid',
};

const CLAIM_STATUS_TONES: Record<ClaimStatus, BadgeTone> = {
  submitted: 'warning',
  acknowledged: 'info',
  accepted: 'success',
  partially_accepted: 'warning',
  rejected: 'danger',
  paid: 'neutral',
};

export const CLAIM_STATUS_OPTIONS: Option[] = Object.entries(CLAIM_STATUS_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return <Badge tone={CLAIM_STATUS_TONES[status]}>{CLAIM_STATUS_LABELS[status]}</Badge>;
}

export const BASIS_LABELS: Record<ClaimBasis, string> = {
  return_to_vendor: 'Return to vendor',
  warranty: 'Warranty',
};

/** Basis points as a percentage a person reads: 1500 → "15%", 1250 → "12.5%". */
export const percentOf = (bps: number) => `${(bps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;

/** The supplier's term the line was claimed under, in words. */
export function termsLabel(basis: ClaimBasis, termsBps: number): string {
  return basis === 'warranty' ? `Recovers ${percentOf(termsBps)}` : `Restocking fee ${percentOf(termsBps)}`;
}

/** Integer minor units in the claim's currency, e.g. "EUR 1,250.00". */
export const money = (minor: number, currency: string) => formatMinor(minor, currency);

/** An amount not known yet (not answered, not paid) shows a dash. */
export const moneyOrDash = (minor: number | null, currency: string) => (minor === null ? '—' : money(minor, currency));

export const supplierOf = (claim: Pick<SupplierClaimView, 'supplierName' | 'supplierId'>) =>
  claim.supplierName ?? claim.supplierId;

/** The claim by its number, to the screen the signed-in person opens claims on. */
export function ClaimLink({ claim }: { claim: Pick<SupplierClaimView, 'id' | 'claimNumber'> }) {
  const user = useCurrentUser();
  return <Link to={claimPathFor(user.role, claim.id)}>{claim.claimNumber}</Link>;
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Days as a person reads them; an average may have a fraction. */
export const daysLabel = (days: number | null) =>
  days === null
    ? '—'
    : `${days.toLocaleString(undefined, { maximumFractionDigits: 1 })} ${days === 1 ? 'day' : 'days'}`;
