// Slows password guessing: after MAX_FAILURES wrong passwords for one e-mail within the window,
// that e-mail is locked for LOCK_MINUTES. Pure: the caller loads and stores the record.

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export interface ThrottleRecord {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

const minutesLater = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** The moment the lock ends, or null when sign-in may be tried now. */
export function findLockEnd(record: ThrottleRecord | null, now: string): string | null {
  return record?.lockedUntil && record.lockedUntil > now ? record.lockedUntil : null;
}

export function recordFailure(record: ThrottleRecord | null, now: string): ThrottleRecord {
  const isWindowOpen =
    record !== null && minutesLater(record.windowStartedAt, WINDOW_MINUTES) > now && !findLockEndedBefore(record, now);
  const failures = isWindowOpen ? record.failures + 1 : 1;
  return {
    failures,
    windowStartedAt: isWindowOpen ? record.windowStartedAt : now,
    lockedUntil: failures >= MAX_FAILURES ? minutesLater(now, LOCK_MINUTES) : null,
  };
}

/** A lock that has run out starts a fresh count, so one more wrong password does not re-lock at once. */
function findLockEndedBefore(record: ThrottleRecord, now: string): boolean {
  return record.lockedUntil !== null && record.lockedUntil <= now;
}
