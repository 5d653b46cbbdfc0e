// A journal entry as the postings draft it, and the rules that make it one: every line on one side
// with a positive whole amount, debits equal to credits. Lines are drafted by account role and
// signed amount (+ debit, − credit) so a posting cannot forget a side; zero lines are dropped
// (a unit that cost nothing moves nothing), and lines of one account and memo are merged.
import type { AccountRole } from '../../contracts/ledger.js';

export interface DraftLine {
  role: AccountRole;
  /** In the entity's functional currency, minor units: positive debits, negative credits. */
  amountMinor: number;
  memo: string;
}

export interface BalancedLine {
  role: AccountRole;
  debitMinor: number;
  creditMinor: number;
  memo: string;
}

export type BalanceCheck = { ok: true; lines: BalancedLine[]; totalMinor: number } | { ok: false; message: string };

export function balance(lines: readonly DraftLine[]): BalanceCheck {
  const merged = new Map<string, DraftLine>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountMinor))
      return { ok: false, message: `${line.role}: ${line.amountMinor} is not a whole number of minor units` };
    const key = `${line.role}\u0000${line.memo}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, amountMinor: seen.amountMinor + line.amountMinor } : { ...line });
  }
  const kept = [...merged.values()].filter((line) => line.amountMinor !== 0);
  const debits = kept.filter((l) => l.amountMinor > 0).reduce((sum, l) => sum + l.amountMinor, 0);
  const credits = kept.filter((l) => l.amountMinor < 0).reduce((sum, l) => sum - l.amountMinor, 0);
  if (debits !== credits)
    return { ok: false, message: `the entry does not balance: debits ${debits}, credits ${credits}` };
  return {
    ok: true,
    totalMinor: debits,
    lines: kept
      // Debits first, as an entry is read.
      .sort((a, b) => Number(b.amountMinor > 0) - Number(a.amountMinor > 0))
      .map((l) => ({
        role: l.role,
        debitMinor: Math.max(l.amountMinor, 0),
        creditMinor: Math.max(-l.amountMinor, 0),
        memo: l.memo,
      })),
  };
}

/** The lines that cancel an entry: each side swapped. */
export function reversalOf<L extends { debitMinor: number; creditMinor: number }>(lines: readonly L[]): L[] {
  return lines.map((line) => ({ ...line, debitMinor: line.creditMinor, creditMinor: line.debitMinor }));
}

/** Calendar months: the period of a date (YYYY-MM-DD) is its month. */
export const periodOf = (date: string): string => date.slice(0, 7);

/** A period may be closed once it has ended: the day given is in a later month. */
export const hasEnded = (period: string, today: string): boolean => periodOf(today) > period;
