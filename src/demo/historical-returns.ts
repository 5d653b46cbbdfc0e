// Returns further down the line (receiving, inspecting, dispositioned, settled, closed) have no use
// cases yet, so their history is written directly: the RMA with its final status, its lines, the
// quantity and serials it holds on the order line, and one audit event that records the import and
// the milestones, so its timeline is not empty. Numbers come from the same counter as createRma's.
import type { RmaStatus } from '../contracts/returns-vocabulary.js';
import { systemContext } from '../platform/actor.js';
import { runInTransaction } from '../platform/unit-of-work.js';
import { nextRmaNumber, tryCommitQuantity } from '../returns/index.js';
import { routeForApproval } from '../returns/index.js';
import { addDays } from '../platform/calendar.js';
import type { Random } from './random.js';
import type { DemoWorld } from './demo-model.js';
import { laterMoment } from './return-pool.js';
import { draftReturn, valueOf, type DraftReturn } from './return-drafts.js';
import { mostlyAuto, type PlanContext, type Step } from './plan-returns.js';
import { APPROVAL_COMMENTS } from './demo-returns-vocabulary.js';

type LaterStatus = Extract<RmaStatus, 'receiving' | 'inspecting' | 'dispositioned' | 'settled' | 'closed'>;
const FLOW: readonly LaterStatus[] = ['receiving', 'inspecting', 'dispositioned', 'settled', 'closed'];

/** Days spent before entering each status: in transit, waiting for inspection, and so on. */
const DAYS_BEFORE: Record<LaterStatus, readonly [number, number]> = {
  receiving: [3, 9],
  inspecting: [0, 2],
  dispositioned: [1, 4],
  settled: [1, 6],
  closed: [1, 10],
};

const HISTORY: ReadonlyArray<{
  status: LaterStatus;
  count: number;
  forDemoAccount: number;
  extraDaysAgo: readonly [number, number];
}> = [
  { status: 'receiving', count: 22, forDemoAccount: 1, extraDaysAgo: [0, 5] },
  { status: 'inspecting', count: 28, forDemoAccount: 1, extraDaysAgo: [0, 7] },
  { status: 'dispositioned', count: 30, forDemoAccount: 1, extraDaysAgo: [0, 12] },
  { status: 'settled', count: 60, forDemoAccount: 2, extraDaysAgo: [0, 90] },
  { status: 'closed', count: 160, forDemoAccount: 5, extraDaysAgo: [0, 325] },
];

export async function planHistoricalReturns(plan: PlanContext): Promise<Step[]> {
  const steps: Step[] = [];
  for (const { status, count, forDemoAccount, extraDaysAgo } of HISTORY) {
    const path = FLOW.slice(0, FLOW.indexOf(status) + 1);
    for (let i = 0; i < count; i += 1) {
      const durations = path.map((s) => plan.random.int(...DAYS_BEFORE[s]));
      const days = durations.reduce((a, b) => a + b, 0) + 2;
      const isDemo = i < forDemoAccount;
      const draft = await draftReturn(plan.random, plan.pool, plan.rules, {
        trigger: mostlyAuto(0.75)(plan.random),
        createdDaysAgo: [days + extraDaysAgo[0], days + extraDaysAgo[1]],
        customer: (c) => (c === plan.world.demoCustomer) === isDemo,
      });
      if (!draft) continue;
      for (const line of draft.lines) plan.pool.reserve(line.line, line.quantity);
      steps.push(historicalStep(plan, draft, path, durations));
    }
  }
  return steps;
}

function historicalStep(
  plan: PlanContext,
  draft: DraftReturn,
  path: readonly LaterStatus[],
  durations: number[],
): Step {
  const { random, actors, world, rules } = plan;
  const totalValueMinor = draft.lines.reduce((sum, l) => sum + valueOf(l.line, l.quantity), 0);
  const currency = draft.customer.entity.currency;
  const routing = routeForApproval({
    returnType: draft.returnType,
    customerTier: draft.customer.tier,
    currency,
    totalValueMinor,
    lines: draft.lines.map((l) => ({
      regulatedClass: l.line.product.regulatedClass,
      claimedCondition: l.claimedCondition,
    })),
    rules,
    rulesVersion: plan.rulesVersion,
  });
  const needsApproval = routing.decision === 'needs_approval';
  const requester = draft.customer === world.demoCustomer && random.chance(0.6) ? actors.customer : actors.cs_agent;
  const authorizedAt = needsApproval ? laterMoment(random, draft.createdAt, 1, plan.now) : draft.createdAt;
  const milestones: Record<string, string> = { requested: draft.createdAt, authorized: authorizedAt };
  let last = authorizedAt;
  path.forEach((status, i) => {
    last = laterMoment(random, last, durations[i]!, plan.now);
    milestones[status] = last;
  });
  const status = path[path.length - 1]!;
  const siteId = pickReceivingSite(random, world, draft);
  const approvalComment = needsApproval ? random.pick(APPROVAL_COMMENTS) : null;

  return {
    at: draft.createdAt,
    run: () =>
      runInTransaction(plan.at(draft.createdAt), systemContext('demo-history'), async (tx) => {
        const id = tx.ids.next('rma');
        const rmaNumber = await nextRmaNumber(tx.db);
        await tx.db
          .insertInto('rmas')
          .values({
            id,
            rma_number: rmaNumber,
            customer_id: draft.customer.id,
            legal_entity_id: draft.customer.entity.id,
            return_type: draft.returnType,
            status,
            is_unauthorized: 0,
            note: draft.note,
            customer_reference: draft.customerReference,
            currency,
            total_value_minor: totalValueMinor,
            requested_by: requester.name,
            requested_by_id: requester.id,
            authorized_at: authorizedAt,
            expires_on: addDays(authorizedAt.slice(0, 10), plan.policy.authorizationValidDays),
            decided_by: needsApproval ? actors.cs_manager.name : 'policy',
            decided_at: authorizedAt,
            decision_comment: approvalComment,
            return_policy_version: plan.policyVersion,
            approval_rules_version: routing.approvalRulesVersion,
            routing_reasons: JSON.stringify(routing.reasons),
            verdict: null,
            receiving_site_id: siteId,
            // One version per move: requested → (approved) → each later status.
            version: 1 + (needsApproval ? 1 : 0) + path.length,
            created_at: draft.createdAt,
            updated_at: last,
          })
          .execute();
        await tx.db
          .insertInto('rma_lines')
          .values(
            draft.lines.map((l, index) => {
              const value = valueOf(l.line, l.quantity);
              return {
                id: tx.ids.next('rml'),
                rma_id: id,
                line_number: index + 1,
                order_id: l.line.orderId,
                order_line_id: l.line.id,
                product_id: l.line.product.id,
                quantity: l.quantity,
                reason_code: l.reasonCode,
                claimed_condition: l.claimedCondition,
                note: '',
                serials: JSON.stringify(l.serials),
                lots: JSON.stringify(l.lots),
                unit_price_minor: l.line.unitPriceMinor,
                tax_minor: value - l.quantity * l.line.unitPriceMinor,
                value_minor: value,
                status,
              };
            }),
          )
          .execute();
        for (const l of draft.lines) {
          if (!(await tryCommitQuantity(tx.db, l.line.id, l.quantity)))
            throw new Error(`demo history over-commits order line ${l.line.id}`);
        }
        // Goods that came back keep their serials: the same unit cannot be returned twice.
        const serialRows = draft.lines.flatMap((l) =>
          l.serials.map((serial) => ({ rma_id: id, order_line_id: l.line.id, serial, is_active: 1 })),
        );
        if (serialRows.length > 0) await tx.db.insertInto('rma_serials').values(serialRows).execute();
        tx.audit({
          entityType: 'rma',
          entityId: id,
          action: 'demo.historical_return_imported',
          after: {
            rmaNumber,
            status,
            customerId: draft.customer.id,
            returnType: draft.returnType,
            totalValueMinor,
            currency,
            receivingSiteId: siteId,
            requestedBy: requester.name,
            routing: routing.reasons,
            milestones,
            lines: draft.lines.map((l) => ({ orderLineId: l.line.id, quantity: l.quantity, reasonCode: l.reasonCode })),
          },
        });
      }),
  };
}

/** Regulated and cold-chain goods only to certified sites; US equipment faults to the repair centre. */
function pickReceivingSite(random: Random, world: DemoWorld, draft: DraftReturn): string {
  const products = draft.lines.map((l) => l.line.product);
  const needs = [
    ...(products.some((p) => p.isTemperatureControlled) ? ['temperature_controlled'] : []),
    ...(products.some((p) => p.regulatedClass === 'hazmat') ? ['hazmat'] : []),
    ...(products.some((p) => p.regulatedClass === 'rx' || p.regulatedClass === 'controlled')
      ? ['regulated_goods']
      : []),
  ];
  const sites = world.sites.filter(
    (s) => s.entity === draft.customer.entity.key && needs.every((n) => s.capabilities.includes(n)),
  );
  const isRepairCase =
    products.some((p) => p.isSerialized) && draft.lines.some((l) => l.claimedCondition === 'defective');
  const repair = sites.find((s) => s.capabilities.includes('repair'));
  if (isRepairCase && repair && random.chance(0.6)) return repair.id;
  const receiving = sites.filter((s) => s.capabilities.includes('receiving'));
  return random.pick(
    receiving.length > 0 ? receiving : world.sites.filter((s) => s.entity === draft.customer.entity.key),
  ).id;
}
