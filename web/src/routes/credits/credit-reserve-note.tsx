// When a credit line's units were credited, and — for units credited ahead of inspection — where
// they stand with the returns reserve: booked when the memo is issued, then released by inspection
// unit by unit (or the deduction charged back when inspection contradicted the claim), or taken
// back for units that never arrived because the return was cancelled or expired.
import type { CreditMemoLine } from '../../api/credit-memos.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { money, plural } from './credit-labels.js';

export const CREDIT_BASIS_LABELS: Record<CreditMemoLine['basis'], string> = {
  authorization: 'On authorization',
  receipt: 'On receipt',
  inspection: 'After inspection',
};

type Reserve = NonNullable<CreditMemoLine['reserve']>;

const RESERVE_LABELS: Record<Reserve['status'], string> = {
  not_booked: 'Reserve booked when issued',
  held: 'Held in the returns reserve',
  partly_released: 'Partly released by inspection',
  released: 'Released by inspection',
  withdrawn: 'Withdrawn: units never received',
  void: 'Reserve void with the memo',
};

const RESERVE_TONES: Record<Reserve['status'], BadgeTone> = {
  not_booked: 'muted',
  held: 'warning',
  partly_released: 'info',
  released: 'success',
  withdrawn: 'muted',
  void: 'muted',
};

/** Beneath a line credited ahead of inspection: the reserve's state and each inspection's verdict. */
export function CreditReserveNote({ line, currency }: { line: CreditMemoLine; currency: string }) {
  const { reserve } = line;
  if (!reserve) return null;
  return (
    <div className="credit-reserve">
      <p className="credit-reserve__status">
        <Badge tone={RESERVE_TONES[reserve.status]}>{RESERVE_LABELS[reserve.status]}</Badge> {reserve.unitsInspected} of{' '}
        {plural(line.quantity, 'unit')} inspected
        {reserve.chargedBackMinor > 0 ? `; ${money(reserve.chargedBackMinor, currency)} charged back` : ''}
        {reserve.unitsWithdrawn > 0 ? `; ${plural(reserve.unitsWithdrawn, 'unit')} never received, withdrawn` : ''}
      </p>
      {reserve.releases.length > 0 ? (
        <ul className="credit-reserve__releases">
          {reserve.releases.map((release) => (
            <li key={`${release.inspectionId}:${release.createdAt}`}>
              {release.explanation}
              {release.isPosted ? '' : ' (posted when the memo is issued)'}
            </li>
          ))}
        </ul>
      ) : null}
      {reserve.withdrawals.length > 0 ? (
        <ul className="credit-reserve__releases">
          {reserve.withdrawals.map((withdrawal) => (
            <li key={`withdrawal:${withdrawal.createdAt}:${withdrawal.quantity}`}>
              {withdrawal.explanation}
              {withdrawal.isPosted ? '' : ' (posted when the memo is issued)'}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
