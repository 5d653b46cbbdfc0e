// Which credit given ahead of proof must be taken back when a return ends (cancelled, expired)
// before all its goods arrived. Per return line, the units its live memos credit beyond the units
// received never came: they must not stay credited. Only a line credited on authorization can hold
// such units (receipt credit and inspection credit are of units that arrived), and inspection has
// proven none of them. The credit is taken back where it costs least: from a memo still in draft,
// then approved, then issued, and only then from one already applied.
//
// A memo every unit of which is taken back, and not yet applied, is simply void (its issue entry
// and reserve reversed). Otherwise the document stays and the units' share is withdrawn line by
// line: out of the reserve and out of the customer's credit — the customer is charged back when
// the credit was already applied. A withdrawal takes a line's last units; inspection takes its first.
import type { CreditBasis, CreditMemoStatus } from '../../contracts/settlement.js';
import { shareOfUnits } from './reserve-release.js';

export interface CreditedLine {
  id: string;
  rmaLineId: string;
  basis: CreditBasis;
  quantity: number;
  /** Units of the line inspection proved against its early credit (live releases). */
  provenUnits: number;
  /** Units of the line already withdrawn (live withdrawals), its last ones. */
  withdrawnUnits: number;
}

export interface CreditedMemo {
  id: string;
  status: CreditMemoStatus;
  /** Every line of the memo, of any basis. */
  lines: readonly CreditedLine[];
}

export type TakeBack =
  | { memoId: string; action: 'void' }
  | { memoId: string; action: 'withdraw'; lines: Array<{ lineId: string; units: number; unitsBefore: number }> };

const TAKE_BACK_ORDER: readonly CreditMemoStatus[] = ['draft', 'approved', 'issued', 'applied'];

/** Units of each credit memo line that never arrived, by line id (lines with none are left out). */
export function unreceivedUnitsOf(
  memos: readonly CreditedMemo[],
  receivedByReturnLine: ReadonlyMap<string, number>,
): Map<string, number> {
  const live = memos.filter((memo) => memo.status !== 'void');
  const creditedByReturnLine = new Map<string, number>();
  for (const line of live.flatMap((memo) => memo.lines))
    creditedByReturnLine.set(
      line.rmaLineId,
      (creditedByReturnLine.get(line.rmaLineId) ?? 0) + line.quantity - line.withdrawnUnits,
    );
  const left = new Map(
    [...creditedByReturnLine].map(([rmaLineId, credited]) => [
      rmaLineId,
      Math.max(0, credited - (receivedByReturnLine.get(rmaLineId) ?? 0)),
    ]),
  );
  const rank = (status: CreditMemoStatus) => TAKE_BACK_ORDER.indexOf(status);
  const candidates = [...live]
    .sort((a, b) => rank(a.status) - rank(b.status))
    .flatMap((memo) => memo.lines.filter((line) => line.basis === 'authorization'));
  const units = new Map<string, number>();
  for (const line of candidates) {
    const owed = left.get(line.rmaLineId) ?? 0;
    const taken = Math.min(owed, line.quantity - line.provenUnits - line.withdrawnUnits);
    if (taken <= 0) continue;
    units.set(line.id, taken);
    left.set(line.rmaLineId, owed - taken);
  }
  return units;
}

/** What to do with each memo that credits units that never arrived. */
export function takeBacksOf(memos: readonly CreditedMemo[], unreceived: ReadonlyMap<string, number>): TakeBack[] {
  return memos.flatMap((memo): TakeBack[] => {
    const lines = memo.lines.filter((line) => (unreceived.get(line.id) ?? 0) > 0);
    if (lines.length === 0) return [];
    const isWhollyUnreceived = memo.lines.every((line) => unreceived.get(line.id) === line.quantity);
    if (isWhollyUnreceived && memo.status !== 'applied') return [{ memoId: memo.id, action: 'void' }];
    return [
      {
        memoId: memo.id,
        action: 'withdraw',
        lines: lines.map((line) => {
          const units = unreceived.get(line.id)!;
          return { lineId: line.id, units, unitsBefore: line.quantity - line.withdrawnUnits - units };
        }),
      },
    ];
  });
}

export interface WithdrawnShare {
  priceMinor: number;
  taxMinor: number;
  restockingFeeMinor: number;
  totalMinor: number;
  explanation: string;
}

/** Units k+1…k+q's share of an early line, in the memo's currency, and why they are taken back. */
export function withdrawnShareOf(
  line: { quantity: number; priceMinor: number; taxMinor: number; restockingFeeMinor: number },
  unitsBefore: number,
  units: number,
  cause: 'cancelled' | 'expired',
): WithdrawnShare {
  if (!Number.isInteger(units) || units <= 0 || unitsBefore < 0 || unitsBefore + units > line.quantity)
    throw new Error(`units ${unitsBefore + 1}–${unitsBefore + units} are not units of a line of ${line.quantity}`);
  const part = (amount: number) => shareOfUnits(amount, unitsBefore, units, line.quantity);
  const priceMinor = part(line.priceMinor);
  const taxMinor = part(line.taxMinor);
  const restockingFeeMinor = part(line.restockingFeeMinor);
  const totalMinor = priceMinor + taxMinor - restockingFeeMinor;
  const which = units === 1 ? `unit ${unitsBefore + 1}` : `units ${unitsBefore + 1}–${unitsBefore + units}`;
  return {
    priceMinor,
    taxMinor,
    restockingFeeMinor,
    totalMinor,
    explanation: `${which} of ${line.quantity} never received (return ${cause}); ${totalMinor} withdrawn`,
  };
}
