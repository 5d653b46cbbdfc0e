// When to warn that the sign-in is about to end, as pure arithmetic over the token's expiresAt.

/** How long before the token ends the warning appears: enough to finish a thought and sign in again. */
export const WARN_BEFORE_MS = 5 * 60 * 1000;

export type SessionPhase = { kind: 'active'; warnInMs: number } | { kind: 'expiring'; endsInMs: number };

export function sessionPhase(expiresAt: string, now: number, warnBeforeMs = WARN_BEFORE_MS): SessionPhase {
  const endsInMs = Math.max(0, Date.parse(expiresAt) - now);
  if (endsInMs > warnBeforeMs) return { kind: 'active', warnInMs: endsInMs - warnBeforeMs };
  return { kind: 'expiring', endsInMs };
}

/** "in 4 minutes", "in 1 minute", "in less than a minute". */
export function describeTimeLeft(endsInMs: number): string {
  const minutes = Math.floor(endsInMs / 60_000);
  if (minutes < 1) return 'in less than a minute';
  return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
