// When a message the SMTP server did not take is tried again. A 4xx reply (greylisting, a full
// queue: "451 try again later") or a connection that failed is temporary: retried after 1 min,
// doubling with jitter up to an hour, until the tries run out. A 5xx reply (no such mailbox, relay
// refused) is permanent: the same message will be refused again, so it fails at once.
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 60 * 60 * 1000;
export const MAX_ATTEMPTS = 8;

export function retryDelayMs(attempts: number, random: number = Math.random()): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base / 2 + (base / 2) * random);
}

/** SMTP reply codes 5xx are permanent (RFC 5321 §4.2.1); everything else may pass later. */
export const isPermanentFailure = (responseCode: number | undefined): boolean =>
  responseCode !== undefined && responseCode >= 500 && responseCode < 600;

export type SendOutcome = { status: 'sent' } | { status: 'pending'; retryInMs: number } | { status: 'failed' };

export function outcomeOfSending(
  result: { ok: true } | { ok: false; responseCode: number | undefined },
  attempts: number,
  random: number = Math.random(),
): SendOutcome {
  if (result.ok) return { status: 'sent' };
  if (isPermanentFailure(result.responseCode) || attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', retryInMs: retryDelayMs(attempts, random) };
}
