// Slows password guessing without handing attackers a way to lock people out. Two counters,
// because there are two threats:
// - one e-mail from one source address: after MAX_FAILURES wrong passwords within the window that
//   pair is locked for LOCK_MINUTES. A guesser is stopped; the account's owner, signing in from
//   their own address, is not.
// - one e-mail from any address: a guesser spread over many addresses meets growing delays after
//   ACCOUNT_FREE_FAILURES (1 s, 2 s, 4 s … at most MAX_DELAY_SECONDS). The owner then waits at most
//   a minute, never a quarter of an hour.
// Pure: the caller loads and stores the records.

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
export const ACCOUNT_FREE_FAILURES = 10;
export const MAX_DELAY_SECONDS = 60;

export interface ThrottleRecord {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The moment the lock ends, or null when sign-in may be tried now. */
export function findLockEnd(record: ThrottleRecord | null, now: string): string | null {
  return record?.lockedUntil && record.lockedUntil > now ? record.lockedUntil : null;
}

function countFailure(record: ThrottleRecord | null, now: string) {
  const isWindowOpen =
    record !== null &&
    later(record.windowStartedAt, WINDOW_MINUTES * 60_000) > now &&
    !findLockEndedBefore(record, now);
  return {
    failures: isWindowOpen ? record.failures + 1 : 1,
    windowStartedAt: isWindowOpen ? record.windowStartedAt : now,
  };
}

/** A wrong password for this e-mail from this source address. */
export function recordFailure(record: ThrottleRecord | null, now: string): ThrottleRecord {
  const { failures, windowStartedAt } = countFailure(record, now);
  return {
    failures,
    windowStartedAt,
    lockedUntil: failures >= MAX_FAILURES ? later(now, LOCK_MINUTES * 60_000) : null,
  };
}

/** A wrong password for this e-mail from any address: a delay that doubles past the free failures. */
export function recordAccountFailure(record: ThrottleRecord | null, now: string): ThrottleRecord {
  const { failures, windowStartedAt } = countFailure(record, now);
  const excess = failures - ACCOUNT_FREE_FAILURES;
  const delaySeconds = excess > 0 ? Math.min(MAX_DELAY_SECONDS, 2 ** (excess - 1)) : 0;
  return { failures, windowStartedAt, lockedUntil: delaySeconds > 0 ? later(now, delaySeconds * 1000) : null };
}

/** A lock that has run out starts a fresh count, so one more wrong password does not re-lock at once. */
function findLockEndedBefore(record: ThrottleRecord, now: string): boolean {
  return record.lockedUntil !== null && record.lockedUntil <= now;
}
