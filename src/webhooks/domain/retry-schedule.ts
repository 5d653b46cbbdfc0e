// When a failed delivery is tried again: exponential (10 s · 2^n, capped at an hour) with jitter,
// so a receiver that comes back is not hit by every waiting delivery in the same second.
export const FIRST_RETRY_MS = 10_000;
export const MAX_RETRY_MS = 60 * 60 * 1000;

/** Delay after the `attempts`-th failed try (1 = the first); `random` in [0, 1) picks the jitter. */
export function retryDelayMs(attempts: number, random: number = Math.random()): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  // "Equal jitter": between half and all of the base, never sooner than half.
  return Math.round(base / 2 + (base / 2) * random);
}

export type AttemptOutcome = { status: 'delivered' } | { status: 'pending'; retryInMs: number } | { status: 'dead' };

/** What becomes of a delivery after its `attempts`-th try. */
export function outcomeOfAttempt(
  isSuccess: boolean,
  attempts: number,
  maxAttempts: number,
  random: number = Math.random(),
): AttemptOutcome {
  if (isSuccess) return { status: 'delivered' };
  if (attempts >= maxAttempts) return { status: 'dead' };
  return { status: 'pending', retryInMs: retryDelayMs(attempts, random) };
}

/** 2xx only: a redirect is not followed (the signature names the URL's owner, not where it points). */
export const isDeliveredStatus = (statusCode: number): boolean => statusCode >= 200 && statusCode < 300;
