// The life of a return authorization (RMA), as one explicit state machine. It covers the
// authorization only: requested, decided, and ended. What happens to the goods afterwards is not
// a status of the RMA: each later stage keeps its own facts (shipments, receipts, inspections,
// dispositions, credits) and the return's progress is derived from them (return-progress.ts).
import type { RmaStatus } from '../../contracts/returns-vocabulary.js';

export const RMA_TRANSITIONS: Readonly<Record<RmaStatus, readonly RmaStatus[]>> = Object.freeze({
  requested: ['pending_approval', 'authorized', 'rejected', 'cancelled'],
  pending_approval: ['authorized', 'rejected', 'cancelled'],
  // Cancel and expire are further limited by the facts: once goods are on their way or at the dock
  // the return must be worked through (see hasGoodsMoved in return-progress.ts). 'closed' is entered
  // when the return is complete.
  authorized: ['cancelled', 'expired', 'closed'],
  rejected: ['closed'],
  cancelled: ['closed'],
  expired: ['closed'],
  closed: [],
});

/** Statuses that give the reserved quantity back to the order line when entered. */
const RELEASING_STATUSES: readonly RmaStatus[] = ['rejected', 'cancelled', 'expired'];

export function listAllowedTransitions(from: RmaStatus): readonly RmaStatus[] {
  return RMA_TRANSITIONS[from];
}

export function canTransition(from: RmaStatus, to: RmaStatus): boolean {
  return RMA_TRANSITIONS[from].includes(to);
}

export class InvalidTransitionError extends Error {
  readonly from: RmaStatus;
  readonly to: RmaStatus;
  readonly allowed: RmaStatus[];

  constructor(from: RmaStatus, to: RmaStatus) {
    const allowed = [...RMA_TRANSITIONS[from]];
    const allowedText = allowed.length > 0 ? allowed.join(', ') : `none ('${from}' is final)`;
    super(`cannot move a return from '${from}' to '${to}'; allowed: ${allowedText}`);
    this.name = 'InvalidTransitionError';
    this.from = from;
    this.to = to;
    this.allowed = allowed;
  }
}

/** Throws InvalidTransitionError unless the table allows `from` → `to`. */
export function assertTransition(from: RmaStatus, to: RmaStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

export function isTerminalStatus(status: RmaStatus): boolean {
  return RMA_TRANSITIONS[status].length === 0;
}

/**
 * Whether the RMA is still in progress, i.e. somebody still has work to do on it.
 * Not to be confused with holdsQuantity: an RMA closed after its return completed no longer
 * has work pending but its goods did come back, so it keeps its quantity.
 */
export function isOpenStatus(status: RmaStatus): boolean {
  return status !== 'closed' && !RELEASING_STATUSES.includes(status);
}

/**
 * Whether an RMA in this status counts against the order line's returnable quantity
 * (and against its serials). Everything except rejected, cancelled and expired holds.
 *
 * 'closed' holds quantity because, when closed after the return completed, the goods came back.
 * An RMA closed after rejection/cancellation/expiry released its quantity on the way in
 * (see releasesQuantityOnEntry) and entering 'closed' never changes quantity again, so
 * callers that only know "closed" must keep the released fact elsewhere, as the order line does:
 * its committed quantity is maintained incrementally, move by move.
 */
export function holdsQuantity(status: RmaStatus): boolean {
  return !RELEASING_STATUSES.includes(status);
}

/** True when entering `to` gives the RMA's quantity back to the order line. */
export function releasesQuantityOnEntry(to: RmaStatus): boolean {
  return RELEASING_STATUSES.includes(to);
}
