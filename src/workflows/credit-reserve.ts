// The books of credit given ahead of proof. Issuing a memo posts its early lines (credited on
// authorization or on receipt) into the returns reserve — Dr returns reserve / Cr customer credit —
// and the lines credited after inspection as always (sales returns and tax against the customer's
// credit and the fee). Inspection then takes each unit's share out of the reserve in the
// transaction of its disposition: borne out, Dr sales returns, tax / Cr returns reserve, fee; claim
// contradicted, the grade's deduction charged back (Dr customer credit / Cr returns reserve) and the
// rest released the same way. Amounts convert at the rate the reserve was booked at, and a unit's
// share of the reserve is cumulative over its line, so once every unit is inspected the reserve
// nets to zero exactly; conversion pennies go to exchange differences, as on the issue.
import { minorUnitsOf } from '../platform/money/currencies.js';
import type { Tx } from '../platform/unit-of-work.js';
import { convertMinor, postEntry, postReversal, type EntryDraft } from '../ledger/index.js';
import {
  findPendingWithdrawals,
  linkReleaseEntry,
  recordCreditReserves,
  recordEarlyCreditProof,
  recordReserveVoid,
  type ReleaseToPost,
} from '../settlement/index.js';
import type { SettlementPolicy } from '../contracts/configuration.js';
import type { CompletedInspection } from '../inspection/index.js';
import { postCreditWithdrawal } from './post-credit-withdrawal.js';

type DraftLine = EntryDraft['lines'][number];

interface MemoLine {
  id: string;
  basis: 'authorization' | 'receipt' | 'inspection';
  price_minor: number;
  tax_minor: number;
  restocking_fee_minor: number;
  deduction_minor: number;
  total_minor: number;
}

const sumOf = (lines: readonly MemoLine[], pick: (line: MemoLine) => number) =>
  lines.reduce((sum, line) => sum + pick(line), 0);

/**
 * The issue entry's lines, in the books' currency: inspected lines to sales returns, tax and fee;
 * early lines to the reserve (each converted on its own, as its reserve row keeps it).
 */
export function issuePostingOf(
  memo: { total_minor: number; credit_memo_number: string | null },
  lines: readonly MemoLine[],
  convert: (amountMinor: number) => number,
): { lines: DraftLine[]; reserves: Array<{ id: string; reservedMinor: number }> } {
  const inspected = lines.filter((line) => line.basis === 'inspection');
  const reserves = lines
    .filter((line) => line.basis !== 'inspection')
    .map((line) => ({ id: line.id, reservedMinor: convert(line.total_minor) }));
  const revenue = convert(sumOf(inspected, (l) => l.price_minor - l.deduction_minor));
  const tax = convert(sumOf(inspected, (l) => l.tax_minor));
  const fee = convert(sumOf(inspected, (l) => l.restocking_fee_minor));
  const reserved = reserves.reduce((sum, r) => sum + r.reservedMinor, 0);
  const credit = convert(memo.total_minor);
  const text = `credit memo ${memo.credit_memo_number}`;
  return {
    reserves,
    lines: [
      { role: 'sales_returns', amountMinor: revenue, memo: text },
      { role: 'tax_payable', amountMinor: tax, memo: text },
      { role: 'returns_reserve', amountMinor: reserved, memo: `${text}: credited ahead of inspection` },
      { role: 'customer_credit', amountMinor: -credit, memo: text },
      { role: 'restocking_fee_income', amountMinor: -fee, memo: text },
      // Amounts each rounded once: the pennies between them are an exchange difference.
      { role: 'fx_gain_loss', amountMinor: credit + fee - revenue - tax - reserved, memo: 'conversion rounding' },
    ],
  };
}

/**
 * After the issue entry: the early lines' reserve recorded, and releases inspection already made
 * posted — and credit already taken back for units that never arrived (post-credit-withdrawal.ts).
 */
export async function bookCreditReserve(
  tx: Tx,
  memo: Parameters<typeof recordCreditReserves>[1],
  booked: Parameters<typeof recordCreditReserves>[2],
): Promise<void> {
  for (const release of await recordCreditReserves(tx, memo, booked)) await postRelease(tx, release);
  for (const withdrawal of await findPendingWithdrawals(tx, memo.id)) await postCreditWithdrawal(tx, withdrawal);
}

/**
 * The step at disposition: the inspected units that early credit covers are proven against it
 * (released or charged back, posted now when the memo is issued). Returns how many it covered.
 */
export async function proveEarlyCredit(
  tx: Tx,
  inspection: Pick<CompletedInspection, 'id' | 'rmaLineId' | 'quantity' | 'claimVerdict' | 'grade'>,
  policy: SettlementPolicy,
): Promise<{ provenUnits: number; creditMemoId: string | null }> {
  const proof = await recordEarlyCreditProof(tx, inspection, policy);
  for (const release of proof.toPost) await postRelease(tx, release);
  return { provenUnits: proof.provenUnits, creditMemoId: proof.creditMemoId };
}

async function postRelease(tx: Tx, { release, reserve, reserveReleasedMinor, memo }: ReleaseToPost): Promise<void> {
  const convert = (amount: number) =>
    convertMinor(amount, reserve.rate, minorUnitsOf(memo.currency), minorUnitsOf(reserve.currency));
  const sales = convert(release.price_minor - release.charged_back_minor);
  const tax = convert(release.tax_minor);
  const fee = convert(release.restocking_fee_minor);
  const chargedBack = convert(release.charged_back_minor);
  const text = `credit memo ${memo.number}: ${release.explanation}`;
  const entry = await postEntry(tx, {
    legalEntityId: reserve.legal_entity_id,
    description: `Returns reserve of credit memo ${memo.number} ${chargedBack > 0 ? 'charged back in part and released' : 'released'} by inspection`,
    event: 'credit_memo.reserve_released',
    source: { type: 'credit_memo', id: memo.id },
    rmaId: reserve.rma_id,
    lines: [
      { role: 'sales_returns', amountMinor: sales, memo: text },
      { role: 'tax_payable', amountMinor: tax, memo: text },
      { role: 'customer_credit', amountMinor: chargedBack, memo: `credit memo ${memo.number}: deduction charged back` },
      { role: 'returns_reserve', amountMinor: -reserveReleasedMinor, memo: text },
      { role: 'restocking_fee_income', amountMinor: -fee, memo: text },
      {
        role: 'fx_gain_loss',
        amountMinor: reserveReleasedMinor + fee - sales - tax - chargedBack,
        memo: 'conversion rounding',
      },
    ],
  });
  await linkReleaseEntry(tx, release.id, {
    entryId: entry?.id ?? null,
    reserveReleasedMinor,
    chargedBackMinor: chargedBack,
  });
}

/**
 * When a memo is void: the reserve's releases and withdrawals reversed with it (the issue entry is
 * reversed by the caller).
 */
export async function reverseCreditReserve(tx: Tx, memoId: string, reason: string): Promise<void> {
  for (const entryId of await recordReserveVoid(tx, memoId)) await postReversal(tx, entryId, reason);
}
