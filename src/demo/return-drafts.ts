// Drafts a believable return for a wanted routing outcome: an auto-authorizable one, or one that
// a manager must approve for a given reason (value, bronze tier, regulated goods, warranty, damage).
// The draft only proposes; the real use case (or its preview) decides.
import type { ApprovalRules } from '../contracts/configuration.js';
import type { CreateRmaRequest } from '../contracts/returns.js';
import type { ReturnType } from '../contracts/returns-vocabulary.js';
import type { Random } from './random.js';
import type { DemoCustomer, DemoOrderLine } from './demo-model.js';
import { pickMoment, type Candidate, type CandidateQuery, type ReturnPool } from './return-pool.js';
import { NOTES_BY_REASON } from './demo-returns-vocabulary.js';
import {
  draftLine,
  isPharma,
  isPlain,
  returnTypeFor,
  thresholdFor,
  valueOf,
  type DraftLine,
  type Trigger,
} from './return-line-drafts.js';

export { APPROVAL_TRIGGERS, valueOf, type Trigger } from './return-line-drafts.js';

export interface DraftReturn {
  customer: DemoCustomer;
  createdAt: string;
  returnType: ReturnType;
  note: string;
  customerReference: string;
  lines: DraftLine[];
}

export interface DraftSpec {
  trigger: Trigger;
  createdDaysAgo: readonly [number, number];
  customer?: (customer: DemoCustomer) => boolean;
}

/** Candidates for the trigger, tried in random order until one makes a sensible return; null if none. */
export async function draftReturn(
  random: Random,
  pool: ReturnPool,
  rules: ApprovalRules,
  spec: DraftSpec,
  isUsable: (draft: DraftReturn) => Promise<boolean> = () => Promise.resolve(true),
): Promise<DraftReturn | null> {
  for (const query of queriesFor(random, spec, pool, rules)) {
    const candidates = pool.findCandidates(query);
    for (let attempt = 0; attempt < 40 && candidates.length > 0; attempt += 1) {
      const [candidate] = candidates.splice(random.int(0, candidates.length - 1), 1);
      const draft = draftFromCandidate(random, pool, rules, spec.trigger, query, candidate!);
      if (draft && (await isUsable(draft))) return draft;
    }
  }
  return null;
}

function draftFromCandidate(
  random: Random,
  pool: ReturnPool,
  rules: ApprovalRules,
  trigger: Trigger,
  query: CandidateQuery,
  candidate: Candidate,
): DraftReturn | null {
  const createdAt = pickMoment(random, candidate);
  const returnType = returnTypeFor(random, trigger, candidate.line);
  const first = draftLine(random, pool, rules, trigger, returnType, candidate.line);
  if (!first) return null;
  const lines = [first];
  // Now and then a second line from the same order, as when a job's leftovers go back together.
  const sibling =
    (trigger === 'none' || trigger === 'tier') && random.chance(0.2)
      ? pickSibling(random, pool, query, candidate.line, createdAt)
      : undefined;
  const second = sibling ? draftLine(random, pool, rules, trigger, returnType, sibling) : null;
  const total = lines.reduce(
    (sum, l) => sum + valueOf(l.line, l.quantity),
    second ? valueOf(second.line, second.quantity) : 0,
  );
  if (second && (trigger !== 'none' || total <= thresholdFor(rules, candidate.line.customer.entity.currency)))
    lines.push(second);
  return {
    customer: candidate.line.customer,
    createdAt,
    returnType,
    note: random.pick(NOTES_BY_REASON[first.reasonCode] ?? ['']),
    customerReference: random.chance(0.5) ? `RET-${random.int(10_000, 99_999)}` : '',
    lines,
  };
}

export function toCreateRequest(draft: DraftReturn): CreateRmaRequest {
  return {
    customerId: draft.customer.id,
    returnType: draft.returnType,
    note: draft.note,
    customerReference: draft.customerReference,
    lines: draft.lines.map((l) => ({
      orderLineId: l.line.id,
      quantity: l.quantity,
      reasonCode: l.reasonCode,
      claimedCondition: l.claimedCondition,
      note: '',
      serials: l.serials,
      lots: l.lots,
    })),
  };
}

function queriesFor(random: Random, spec: DraftSpec, pool: ReturnPool, rules: ApprovalRules): CandidateQuery[] {
  const base = { createdDaysAgo: spec.createdDaysAgo, customer: spec.customer };
  const notBronze = (c: DemoCustomer) => c.tier !== 'bronze' && (spec.customer?.(c) ?? true);
  switch (spec.trigger) {
    case 'none':
      return [
        {
          ...base,
          window: 'return',
          customer: notBronze,
          line: (l) => isPlain(l) && l.product.category !== 'Pharmaceuticals',
        },
      ];
    case 'tier':
      return [
        {
          ...base,
          window: 'return',
          customer: (c) => c.tier === 'bronze' && (spec.customer?.(c) ?? true),
          line: isPlain,
        },
      ];
    case 'damaged':
      return [{ ...base, window: 'return', customer: notBronze, line: isPlain }];
    case 'value':
      return [
        {
          ...base,
          window: 'return',
          line: (l) => isPlain(l) && valueOf(l, pool.remainingOf(l)) > thresholdFor(rules, l.customer.entity.currency),
        },
      ];
    case 'warranty':
      return [
        { ...base, window: 'warranty', line: (l) => l.product.warrantyMonths > 0 && l.product.regulatedClass === null },
      ];
    case 'regulated': {
      // Hazmat goes back as a regulated return within the return window; medicines only under a
      // recall, because their return window is 0 days.
      const hazmat: CandidateQuery = {
        ...base,
        window: 'return',
        line: (l) => l.product.regulatedClass === 'hazmat' && l.product.isReturnable,
      };
      const medicine: CandidateQuery = { ...base, window: 'none', line: isPharma };
      return random.chance(0.6) ? [hazmat, medicine] : [medicine, hazmat];
    }
  }
}

function pickSibling(
  random: Random,
  pool: ReturnPool,
  query: CandidateQuery,
  line: DemoOrderLine,
  createdAt: string,
): DemoOrderLine | undefined {
  const day = createdAt.slice(0, 10);
  const siblings = pool
    .siblingsOf(line)
    .filter((s) => (query.line?.(s) ?? true) && pool.windowEndOf(s, query.window) >= day);
  return siblings.length > 0 ? random.pick(siblings) : undefined;
}
