// Who is acting. Every use case receives the actor and checks access on its first line.
import type { Role } from '../contracts/common.js';

export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string;
  /**
   * The person accountable for what this actor does: the user, or the user who made the API key.
   * Rules about people (segregation of duties) compare this, so a key cannot launder its maker.
   */
  personId: string;
  name: string;
  role: Role;
  /** Set for customer-portal users and customer-scoped API keys: they see only this account. */
  customerId: string | null;
  /**
   * Set for a partner's users and keys (a repair partner): they see only their organisation's
   * work. Their role grants nothing else, so every other use case refuses them.
   */
  partnerId?: string | null;
}

export interface RequestContext {
  actor: Actor;
  requestId: string;
  /**
   * The request's Idempotency-Key reservation, if it sent one: the first transaction of the
   * request marks it committed in its own commit (unit-of-work.ts), so a crash cannot leave it
   * unknown whether the work took effect.
   */
  idempotency?: { principalId: string; key: string; token: string; marked: boolean };
  /**
   * The work records history (an import of a past year): its outbox events are written already
   * looked at for e-mails and webhooks, in the same transaction, so nobody is mailed or called
   * about the past — and nothing a running server does in between can pick them up.
   */
  isHistory?: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  id: 'system',
  personId: 'system',
  name: 'Boomerang',
  role: 'admin',
  customerId: null,
};

export function systemContext(requestId = 'system'): RequestContext {
  return { actor: SYSTEM_ACTOR, requestId };
}
