import type { RequestContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { assertCan } from '../platform/access.js';
import { verifyAuditChain as verifyChain, type AuditVerification } from '../platform/audit-trail/audit-verification.js';

/** Recomputes the sealed chain and reports what it checked, the first break, and the unsealed backlog. */
export async function verifyAuditChain(platform: Platform, ctx: RequestContext): Promise<AuditVerification> {
  assertCan(ctx.actor, 'audit.verify');
  return verifyChain(platform.db);
}
