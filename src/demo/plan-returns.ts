// Returns raised through the real use cases: created, approved, rejected, cancelled and expired at
// the moments they would have happened, each step run later against a clock set to that moment.
// Every draft is checked with previewReturn first, so what is planned is what the policy decides.
import type { ApprovalRules, ReturnPolicy } from '../contracts/configuration.js';
import type { Actor, RequestContext } from '../platform/actor.js';
import { systemContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import {
  approveRma,
  cancelRma,
  createRma,
  expireDueAuthorizations,
  previewReturn,
  rejectRma,
} from '../returns/index.js';
import { loadReturnFacts, recordUnauthorizedArrival } from '../workflows/index.js';
import { addDays } from '../platform/calendar.js';
import type { Random } from './random.js';
import type { DemoOrderLine, DemoWorld } from './demo-model.js';
import type { DemoActors } from './demo-users.js';
import { laterMoment, pickMoment, type ReturnPool } from './return-pool.js';
import { APPROVAL_TRIGGERS, draftReturn, toCreateRequest, type DraftReturn, type Trigger } from './return-drafts.js';
import {
  APPROVAL_COMMENTS,
  CANCEL_REASONS,
  REJECTION_COMMENTS,
  UNAUTHORIZED_ACCEPTED,
  UNAUTHORIZED_NOTES,
  UNAUTHORIZED_REFUSED,
} from './demo-returns-vocabulary.js';

export interface Step {
  at: string;
  run(): Promise<void>;
}

export interface PlanContext {
  random: Random;
  pool: ReturnPool;
  world: DemoWorld;
  actors: DemoActors;
  policy: ReturnPolicy;
  policyVersion: number;
  rules: ApprovalRules;
  rulesVersion: number;
  /** The platform with its clock stopped at a moment in the past. */
  at(moment: string): Platform;
  now: string;
}

type Outcome = 'authorized' | 'approved' | 'pending' | 'rejected' | 'cancelled' | 'expired';

interface Scenario {
  outcome: Outcome;
  count: number;
  /** How many of them belong to the demo portal account, so its user sees returns in every state. */
  forDemoAccount: number;
  createdDaysAgo: readonly [number, number];
  trigger(random: Random, index: number): Trigger;
}

const anyApproval = (random: Random) => random.pick(APPROVAL_TRIGGERS);
const mostlyAuto = (share: number) => (random: Random) => (random.chance(share) ? 'none' : anyApproval(random));
// The demo account's pending returns show each reason a manager is asked to look (it is gold, so never for tier).
const DEMO_PENDING: readonly Trigger[] = ['value', 'regulated', 'warranty', 'damaged', 'value', 'damaged'];

const SCENARIOS: readonly Scenario[] = [
  // Pending first, so the demo account's high-value lines are still free when these are drafted.
  {
    outcome: 'pending',
    count: 26,
    forDemoAccount: 6,
    createdDaysAgo: [1, 9],
    trigger: (r, i) => DEMO_PENDING[i] ?? anyApproval(r),
  },
  { outcome: 'authorized', count: 100, forDemoAccount: 5, createdDaysAgo: [1, 27], trigger: () => 'none' },
  { outcome: 'approved', count: 30, forDemoAccount: 2, createdDaysAgo: [3, 26], trigger: anyApproval },
  { outcome: 'rejected', count: 70, forDemoAccount: 2, createdDaysAgo: [4, 340], trigger: anyApproval },
  { outcome: 'cancelled', count: 60, forDemoAccount: 2, createdDaysAgo: [14, 340], trigger: mostlyAuto(0.7) },
  { outcome: 'expired', count: 120, forDemoAccount: 2, createdDaysAgo: [40, 340], trigger: mostlyAuto(0.8) },
];
const UNAUTHORIZED_COUNT = 30;

export async function planUseCaseReturns(plan: PlanContext): Promise<Step[]> {
  const steps: Step[] = [];
  for (const scenario of SCENARIOS) {
    for (let i = 0; i < scenario.count; i += 1) {
      const trigger = scenario.trigger(plan.random, i);
      const isDemo = i < scenario.forDemoAccount;
      const draft =
        (await draftChecked(plan, trigger, scenario.createdDaysAgo, isDemo)) ??
        (isDemo ? await draftChecked(plan, trigger, scenario.createdDaysAgo, false) : null);
      if (draft) steps.push(...stepsFor(plan, scenario.outcome, trigger, draft));
    }
  }
  for (let i = 0; i < UNAUTHORIZED_COUNT; i += 1) steps.push(...planUnauthorizedArrival(plan, i === 0));
  return steps;
}

async function draftChecked(
  plan: PlanContext,
  trigger: Trigger,
  createdDaysAgo: readonly [number, number],
  isDemo: boolean,
) {
  const expected = trigger === 'none' ? 'auto_approve' : 'needs_approval';
  const draft = await draftReturn(
    plan.random,
    plan.pool,
    plan.rules,
    {
      trigger,
      createdDaysAgo,
      customer: isDemo ? (c) => c === plan.world.demoCustomer : (c) => c !== plan.world.demoCustomer,
    },
    async (candidate) => {
      const verdict = await previewReturn(
        plan.at(candidate.createdAt),
        context(plan.actors.cs_agent),
        toCreateRequest(candidate),
      );
      return verdict.isEligible && verdict.routing?.decision === expected;
    },
  );
  if (draft) for (const line of draft.lines) plan.pool.reserve(line.line, line.quantity);
  return draft;
}

function stepsFor(plan: PlanContext, outcome: Outcome, trigger: Trigger, draft: DraftReturn): Step[] {
  const { random, actors } = plan;
  // The portal user raises most of the demo account's returns; an agent raises the rest by phone.
  const requester =
    draft.customer === plan.world.demoCustomer && random.chance(0.6) ? actors.customer : actors.cs_agent;
  const manager = context(actors.cs_manager);
  const rma = { id: '' };
  const steps: Step[] = [
    {
      at: draft.createdAt,
      run: async () => {
        rma.id = (await createRma(plan.at(draft.createdAt), context(requester), toCreateRequest(draft))).id;
      },
    },
  ];
  const later = (minDays: number, maxDays: number) =>
    laterMoment(random, draft.createdAt, random.int(minDays, maxDays), plan.now);
  const needsApproval = trigger !== 'none';
  let authorizedAt = draft.createdAt;
  if (
    needsApproval &&
    outcome !== 'pending' &&
    outcome !== 'rejected' &&
    !(outcome === 'cancelled' && random.chance(0.5))
  ) {
    authorizedAt = later(1, 2);
    const comment = random.pick(APPROVAL_COMMENTS);
    steps.push({
      at: authorizedAt,
      run: async () =>
        void (await approveRma(plan.at(authorizedAt), manager, rma.id, comment, undefined, loadReturnFacts)),
    });
  }
  if (outcome === 'rejected') {
    const at = later(1, 3);
    const comment = random.pick(REJECTION_COMMENTS);
    steps.push({
      at,
      run: async () => void (await rejectRma(plan.at(at), manager, rma.id, comment, undefined, loadReturnFacts)),
    });
  }
  if (outcome === 'cancelled') {
    const at = laterMoment(random, authorizedAt, random.int(1, 10), plan.now);
    const reason = random.pick(CANCEL_REASONS);
    steps.push({
      at,
      run: async () =>
        void (await cancelRma(plan.at(at), context(requester), rma.id, reason, undefined, loadReturnFacts)),
    });
  }
  if (outcome === 'expired') {
    // The nightly job the server runs, on the night after the authorization lapsed.
    const expiresOn = addDays(authorizedAt.slice(0, 10), plan.policy.authorizationValidDays);
    const at = `${addDays(expiresOn, 1)}T02:00:00.000Z`;
    steps.push({
      at,
      run: async () => void (await expireDueAuthorizations(plan.at(at), systemContext('expiry-job'), loadReturnFacts)),
    });
  }
  return steps;
}

/** Goods that turn up at a dock with no RMA; half can be matched to the order line they came from. */
function planUnauthorizedArrival(plan: PlanContext, isDemo: boolean): Step[] {
  const { random, pool, world } = plan;
  const candidates = pool.findCandidates({
    createdDaysAgo: [1, 25],
    window: 'return',
    customer: (c) => (c === world.demoCustomer) === isDemo,
  });
  if (candidates.length === 0) return [];
  const candidate = random.pick(candidates);
  const { line } = candidate;
  const isMatched = random.chance(0.5);
  const quantity = random.int(1, Math.min(3, pool.remainingOf(line)));
  const serials = isMatched ? pool.reserve(line, quantity) : [];
  const at = pickMoment(random, candidate);
  const sites = world.sites.filter(
    (s) => s.entity === line.customer.entity.key && s.capabilities.includes('receiving'),
  );
  const request = {
    customerId: line.customer.id,
    siteId: random.pick(sites).id,
    note: random.pick(UNAUTHORIZED_NOTES),
    carrierReference: carrierReference(random, line),
    lines: [
      {
        productId: line.product.id,
        quantity,
        ...(isMatched ? { orderLineId: line.id } : {}),
        claimedCondition: random.pick(['used', 'unopened', 'opened_unused'] as const),
        serials,
        lots: isMatched ? line.lots.slice(0, 1) : [],
        reasonCode: 'UNKNOWN',
      },
    ],
  };
  const rma = { id: '' };
  const steps: Step[] = [
    {
      at,
      run: async () => {
        rma.id = (await recordUnauthorizedArrival(plan.at(at), context(plan.actors.warehouse), request)).id;
      },
    },
  ];
  // Customer service decides within days: most arrivals are accepted, some sent back, a few still open.
  const decision = random.pick(['accept', 'accept', 'accept', 'reject', 'open'] as const);
  if (decision === 'open') return steps;
  const decidedAt = laterMoment(random, at, random.int(1, 4), plan.now);
  const manager = context(plan.actors.cs_manager);
  const comment = random.pick(decision === 'accept' ? UNAUTHORIZED_ACCEPTED : UNAUTHORIZED_REFUSED);
  steps.push({
    at: decidedAt,
    run: async () => {
      const decide = decision === 'accept' ? approveRma : rejectRma;
      await decide(plan.at(decidedAt), manager, rma.id, comment, undefined, loadReturnFacts);
    },
  });
  return steps;
}

function carrierReference(random: Random, line: DemoOrderLine): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  if (line.customer.entity.key === 'US')
    return `1Z${random.pick(['A', 'E', 'W', 'X'])}${digits(3)}${random.pick(['R', 'V'])}${digits(11)}`;
  if (line.customer.entity.key === 'UK') return `RM${digits(9)}GB`;
  return `JJD00${digits(16)}`;
}

export function context(actor: Actor): RequestContext {
  return { actor, requestId: 'demo-data' };
}
