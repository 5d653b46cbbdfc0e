// Who reads a return decides its shape. Customer-portal users get their own view, built field by
// field (a field added to the staff view stays internal until it is added here), so routing
// reasons, approval limits, tiers, configuration versions, deciders and audit records never
// leave for a customer. Every route that answers with a return goes through these.
import type {
  Progress,
  Check,
  CustomerRma,
  CustomerRmaSummary,
  CustomerTimelineEntry,
  CustomerVerdict,
  Rma,
  RmaSummary,
  TimelineEntry,
  Verdict,
} from '../contracts/returns.js';
import type { Actor } from '../platform/actor.js';
import { isCustomerScoped } from '../platform/access.js';
import { summarizeForCustomer } from './domain/timeline-summary.js';

/**
 * A return-window check names the basis of the window; when that is the customer's tier (a
 * distributor-internal grading), the customer reads the window without it — the category stays.
 */
function customerCheckOf(check: Check): Check {
  if (check.code !== 'return_window') return check;
  const message = check.message
    .replace(/ \([a-z]+ tier, (category '[^']*')\)$/i, ' ($1)')
    .replace(/ \([a-z]+ tier\)$/i, '');
  return { code: check.code, passed: check.passed, message };
}

export function customerVerdictOf(verdict: Verdict): CustomerVerdict {
  return {
    isEligible: verdict.isEligible,
    customerChecks: verdict.customerChecks,
    lines: verdict.lines.map((line) => ({ ...line, checks: line.checks.map(customerCheckOf) })),
    currency: verdict.currency,
    totalValueMinor: verdict.totalValueMinor,
    needsApproval: verdict.routing ? verdict.routing.decision === 'needs_approval' : null,
  };
}

export function customerSummaryOf(rma: RmaSummary): CustomerRmaSummary {
  return {
    id: rma.id,
    rmaNumber: rma.rmaNumber,
    customerId: rma.customerId,
    customerName: rma.customerName,
    customerAccount: rma.customerAccount,
    returnType: rma.returnType,
    status: rma.status,
    progress: customerProgressOf(rma.progress),
    isUnauthorized: rma.isUnauthorized,
    note: rma.note,
    customerReference: rma.customerReference,
    currency: rma.currency,
    totalValueMinor: rma.totalValueMinor,
    createdAt: rma.createdAt,
    updatedAt: rma.updatedAt,
    authorizedAt: rma.authorizedAt,
    expiresOn: rma.expiresOn,
    decidedAt: rma.decidedAt,
    decisionComment: rma.decisionComment,
    version: rma.version,
    lineCount: rma.lineCount,
  };
}

export function customerRmaOf(rma: Rma): CustomerRma {
  const { lineCount: _lineCount, ...summary } = customerSummaryOf({ ...rma, lineCount: rma.lines.length });
  return {
    ...summary,
    verdict: rma.verdict ? customerVerdictOf(rma.verdict) : null,
    allowedTransitions: rma.allowedTransitions,
    shipTo: rma.shipTo
      ? {
          siteName: rma.shipTo.siteName,
          addressLines: rma.shipTo.addressLines,
          city: rma.shipTo.city,
          region: rma.shipTo.region,
          postalCode: rma.shipTo.postalCode,
          country: rma.shipTo.country,
        }
      : null,
    lines: rma.lines.map((line) => ({ ...line, progress: customerProgressOf(line.progress) })),
  };
}

/**
 * What became of the goods is the distributor's business (restocked, scrapped, sent to the
 * vendor): a customer sees how many units were processed, under one key, never the codes.
 */
export function customerProgressOf(progress: Progress): Progress {
  const processed = Object.values(progress.units.dispositioned).reduce((sum, n) => sum + n, 0);
  return {
    ...progress,
    units: { ...progress.units, dispositioned: processed > 0 ? { PROCESSED: processed } : {} },
  };
}

/**
 * A customer's timeline: the steps a customer recognises, told in the customer's words. Events
 * with no customer sentence (internal steps, and any added later) are left out, not shown raw.
 */
export function customerTimelineOf(items: TimelineEntry[]): CustomerTimelineEntry[] {
  return items.flatMap((entry) => {
    const summary = summarizeForCustomer(entry.action, entry.after);
    return summary === null ? [] : [{ id: entry.id, occurredAt: entry.occurredAt, action: entry.action, summary }];
  });
}

export function rmaFor(actor: Actor, rma: Rma): Rma | CustomerRma {
  return isCustomerScoped(actor) ? customerRmaOf(rma) : rma;
}

export function rmaSummariesFor<P extends { items: RmaSummary[] }>(
  actor: Actor,
  page: P,
): P | (Omit<P, 'items'> & { items: CustomerRmaSummary[] }) {
  return isCustomerScoped(actor) ? { ...page, items: page.items.map(customerSummaryOf) } : page;
}

export function verdictFor(actor: Actor, verdict: Verdict): Verdict | CustomerVerdict {
  return isCustomerScoped(actor) ? customerVerdictOf(verdict) : verdict;
}

export function timelineFor(
  actor: Actor,
  timeline: { items: TimelineEntry[] },
): { items: TimelineEntry[] } | { items: CustomerTimelineEntry[] } {
  return isCustomerScoped(actor) ? { items: customerTimelineOf(timeline.items) } : timeline;
}
