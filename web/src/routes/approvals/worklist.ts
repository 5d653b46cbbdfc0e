// The approval worklist as pure functions: which returns it shows, in which order, how old each
// one is, which comes next after a decision, and what a bulk approval did to each row.
import type { RmaSummary } from '../../../../src/contracts/returns.js';
import { majorTextToMinor } from '../../ui/money.js';

/** The API requires a comment on every decision; an approval left blank says just this. */
export const DEFAULT_APPROVAL_COMMENT = 'Approved';

export type WorklistOrder = 'oldest' | 'newest' | 'value';
export const WORKLIST_ORDERS: readonly { value: WorklistOrder; label: string; sort: string }[] = [
  { value: 'oldest', label: 'Oldest first', sort: 'created' },
  { value: 'value', label: 'Highest value first', sort: '-value' },
  { value: 'newest', label: 'Newest first', sort: '-created' },
];

export function sortParamOf(order: string): string {
  return WORKLIST_ORDERS.find((option) => option.value === order)?.sort ?? 'created';
}

/** Filters the server cannot apply: currency and a value range in that currency's major units. */
export interface ValueFilter {
  currency: string;
  minValue: string;
  maxValue: string;
}

export function matchesValueFilter(
  rma: Pick<RmaSummary, 'currency' | 'totalValueMinor'>,
  filter: ValueFilter,
): boolean {
  if (filter.currency && rma.currency !== filter.currency) return false;
  const min = filter.minValue ? majorTextToMinor(filter.minValue, rma.currency) : null;
  const max = filter.maxValue ? majorTextToMinor(filter.maxValue, rma.currency) : null;
  if (min !== null && rma.totalValueMinor < min) return false;
  if (max !== null && rma.totalValueMinor > max) return false;
  return true;
}

/** "45 min", "5 h", "3 d 4 h": how long a return has waited. */
export function describeAge(createdAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(createdAt)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

/** The item to review after `currentId` is decided: the one after it, else the first other one. */
export function nextAfter(ids: readonly string[], currentId: string): string | null {
  const index = ids.indexOf(currentId);
  const after = ids.slice(index + 1).find((id) => id !== currentId);
  return after ?? ids.find((id) => id !== currentId) ?? null;
}

/** What a bulk approval did to one row. */
export type BulkOutcome = { rmaId: string; rmaNumber: string } & (
  { kind: 'approved' } | { kind: 'failed'; message: string }
);

export function summarizeBulk(outcomes: readonly BulkOutcome[]): string {
  const approved = outcomes.filter((outcome) => outcome.kind === 'approved').length;
  const failed = outcomes.length - approved;
  const approvedText = `${approved} of ${outcomes.length} approved`;
  return failed === 0 ? `${approvedText}.` : `${approvedText}; ${failed} not approved (see below).`;
}
