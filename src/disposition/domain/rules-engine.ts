// The disposition rules engine: which disposition code the rules recommend for an inspected unit,
// and why, in words an inspector reads beside the recommendation. Pure: the facts are gathered by
// the caller, the rules are the `disposition_rules` configuration in force.
//
// The first ACTIVE rule whose conditions all hold decides; inactive rules are ignored; when none
// holds the fallback decides. Operators (which suit which fact is enforced by `checkRules` when a
// document is published; here an unsuited one simply does not hold, it never throws):
// - eq / ne: the fact equals (does not equal) `value` — text, number and boolean facts;
// - in / not_in: the fact is (is not) one of `value`, a list of strings — text facts;
// - gt / gte / lt / lte: numbers, against `value`, or against another fact `compareToFact`
//   multiplied by `factor` (1 when absent): "repair cost lt 0.5 × unit value";
// - contains: the list fact holds `value`; contains_any: it shares any of the strings in `value`;
//   is_empty: it holds nothing;
// - is_true / is_false: boolean facts;
// - is_null / not_null: facts that may be unknown (regulatedClass, ageDays, lotExpiresInDays).
// An unknown fact (null) equals nothing and is in no list, so `eq` and `in` do not hold and `ne`
// and `not_in` do; a number comparison with an unknown on either side does not hold.
import type { ClaimVerdict, Grade } from '../../contracts/inspection-vocabulary.js';
import type {
  BOOLEAN_FACTS,
  Condition,
  ConditionOperator,
  DispositionRule,
  DispositionRules,
  FactName,
  NULLABLE_FACTS,
} from '../../contracts/disposition-rules.js';
import { factTypeOf } from '../../contracts/disposition-rules.js';

export { checkRules, type RuleProblem } from '../../contracts/disposition-rules.js';

/** What the rules may test of an inspected unit: exactly the facts of FACT_NAMES. */
export interface DispositionFacts {
  grade: Grade;
  reasonCode: string;
  reasonFault: string;
  returnType: string;
  claimedCondition: string;
  category: string;
  regulatedClass: string | null;
  claimVerdict: ClaimVerdict;
  defectCodes: readonly string[];
  noFaultFound: boolean;
  isSerialized: boolean;
  isTemperatureControlled: boolean;
  underWarranty: boolean;
  hasSupplier: boolean;
  supplierAcceptsReturns: boolean;
  withinVendorReturnWindow: boolean;
  unitValueMinor: number;
  repairCostMinor: number;
  refurbishCostMinor: number;
  ageDays: number | null;
  lotExpiresInDays: number | null;
}

// The facts above and the contract's fact names are the same set (a compile error otherwise).
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _factsMatchContract: SameKeys<keyof DispositionFacts, FactName> = true;

export interface SkippedRule {
  ruleId: string;
  ruleName: string;
  /** The rule's first condition that did not hold, in words, with the fact's actual value. */
  failed: string;
}

export interface Recommendation {
  code: string;
  /** Null when no rule applied and the fallback recommends. */
  ruleId: string | null;
  ruleName: string;
  /** The rule's explanation followed by the conditions that held. */
  explanation: string;
  /** Each condition of the deciding rule, in words, with the fact's actual value. */
  conditionsMet: string[];
  /** The active rules before the deciding one, each with the condition that failed. */
  rulesSkipped: SkippedRule[];
  locationCode?: string;
}

export const FALLBACK_RULE_NAME = 'Fallback';

export function evaluateRules(rules: DispositionRules, facts: DispositionFacts): Recommendation {
  const rulesSkipped: SkippedRule[] = [];
  for (const rule of rules.rules) {
    if (!rule.isActive) continue;
    const failing = rule.when.find((condition) => !conditionHolds(condition, facts));
    if (failing) {
      rulesSkipped.push({ ruleId: rule.id, ruleName: rule.name, failed: describeCondition(failing, facts) });
      continue;
    }
    return recommend(rule, facts, rulesSkipped);
  }
  return {
    code: rules.fallback.code,
    ruleId: null,
    ruleName: FALLBACK_RULE_NAME,
    explanation: rules.fallback.explanation,
    conditionsMet: [],
    rulesSkipped,
  };
}

function recommend(rule: DispositionRule, facts: DispositionFacts, rulesSkipped: SkippedRule[]): Recommendation {
  const conditionsMet = rule.when.map((condition) => describeCondition(condition, facts));
  const sentence = rule.explanation.replace(/[.\s]+$/, '');
  // "Restock as new: grade is A; …", unless the sentence has its own colon.
  const separator = sentence.includes(':') ? ' — ' : ': ';
  return {
    code: rule.code,
    ruleId: rule.id,
    ruleName: rule.name,
    explanation: conditionsMet.length > 0 ? `${sentence}${separator}${conditionsMet.join('; ')}` : sentence,
    conditionsMet,
    rulesSkipped,
    ...(rule.locationCode === undefined ? {} : { locationCode: rule.locationCode }),
  };
}

type FactValue = string | number | boolean | null | readonly string[];

const isList = (value: unknown): value is readonly string[] => Array.isArray(value);

const factOf = (facts: DispositionFacts, fact: FactName): FactValue => facts[fact] ?? null;

/** Whether one condition holds for these facts. Total: a condition that makes no sense does not hold. */
export function conditionHolds(condition: Condition, facts: DispositionFacts): boolean {
  const actual = factOf(facts, condition.fact);
  const { value } = condition;
  switch (condition.op) {
    case 'eq':
      return !Array.isArray(actual) && actual !== null && actual === value;
    case 'ne':
      return !conditionHolds({ ...condition, op: 'eq' }, facts);
    case 'in':
      return typeof actual === 'string' && Array.isArray(value) && value.includes(actual);
    case 'not_in':
      return !conditionHolds({ ...condition, op: 'in' }, facts);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const left = typeof actual === 'number' ? actual : null;
      const right = comparedNumber(condition, facts);
      return left !== null && right !== null && compare(condition.op, left, right);
    }
    case 'contains':
      return Array.isArray(actual) && typeof value === 'string' && actual.includes(value);
    case 'contains_any':
      return Array.isArray(actual) && Array.isArray(value) && value.some((item) => actual.includes(item));
    case 'is_empty':
      return Array.isArray(actual) && actual.length === 0;
    case 'is_true':
      return actual === true;
    case 'is_false':
      return actual === false;
    case 'is_null':
      return actual === null;
    case 'not_null':
      return actual !== null;
  }
}

/** The number a comparison is against: `value`, or `compareToFact × factor`; null when unknown. */
function comparedNumber(condition: Condition, facts: DispositionFacts): number | null {
  if (condition.compareToFact !== undefined) {
    const other = factOf(facts, condition.compareToFact);
    return typeof other === 'number' ? other * (condition.factor ?? 1) : null;
  }
  return typeof condition.value === 'number' ? condition.value : null;
}

function compare(op: 'gt' | 'gte' | 'lt' | 'lte', left: number, right: number): boolean {
  switch (op) {
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
  }
}

// ——— In words ———

const LABELS: Record<FactName, string> = {
  grade: 'grade',
  reasonCode: 'reason',
  reasonFault: 'fault',
  returnType: 'return type',
  claimedCondition: 'claimed condition',
  category: 'category',
  regulatedClass: 'regulated class',
  claimVerdict: 'customer’s claim',
  defectCodes: 'defects',
  noFaultFound: 'no fault found',
  isSerialized: 'serialized',
  isTemperatureControlled: 'temperature-controlled',
  underWarranty: 'under warranty',
  hasSupplier: 'has a supplier',
  supplierAcceptsReturns: 'supplier accepts returns',
  withinVendorReturnWindow: 'within the supplier’s return window',
  unitValueMinor: 'unit value',
  repairCostMinor: 'repair cost',
  refurbishCostMinor: 'refurbishment cost',
  ageDays: 'age',
  lotExpiresInDays: 'time to lot expiry',
};

/** A boolean fact when true, and when false. */
const BOOLEAN_WORDS: Record<(typeof BOOLEAN_FACTS)[number], readonly [string, string]> = {
  noFaultFound: ['no fault found', 'a fault found'],
  isSerialized: ['serialized', 'not serialized'],
  isTemperatureControlled: ['temperature-controlled', 'not temperature-controlled'],
  underWarranty: ['under warranty', 'not under warranty'],
  hasSupplier: ['has a supplier', 'no supplier'],
  supplierAcceptsReturns: ['supplier accepts returns', 'supplier does not accept returns'],
  withinVendorReturnWindow: ['within the supplier’s return window', 'outside the supplier’s return window'],
};

/** A nullable fact when unknown, and when known. */
const NULL_WORDS: Record<(typeof NULLABLE_FACTS)[number], readonly [string, string]> = {
  regulatedClass: ['no regulated class', 'has a regulated class'],
  ageDays: ['age not known', 'age known'],
  lotExpiresInDays: ['no lot expiry date', 'lot has an expiry date'],
};

const RELATIONS = { gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most' } as const;

const isBooleanFact = (fact: FactName): fact is keyof typeof BOOLEAN_WORDS => fact in BOOLEAN_WORDS;
const isNullableFact = (fact: FactName): fact is keyof typeof NULL_WORDS => fact in NULL_WORDS;
const isRelation = (op: ConditionOperator): op is keyof typeof RELATIONS => op in RELATIONS;

function formatValue(fact: FactName, value: FactValue | undefined): string {
  if (value === null || value === undefined) return factTypeOf(fact) === 'number' ? 'not known' : 'none';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  const number = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (fact === 'ageDays' || fact === 'lotExpiresInDays') return `${number} ${value === 1 ? 'day' : 'days'}`;
  return number;
}

const formatFactor = (factor: number | undefined) =>
  factor === undefined || factor === 1 ? '' : `${factor.toLocaleString('en-US', { maximumFractionDigits: 4 })} × `;

/**
 * A condition in words. Without facts, what the rule asks ("repair cost is less than 0.5 × unit
 * value"); with facts, what the facts are in its terms, whether it holds or not ("repair cost
 * 3,000 is less than 0.5 × unit value 12,000", "grade is C, not one of A, B").
 */
export function describeCondition(condition: Condition, facts?: DispositionFacts): string {
  return facts ? describeAgainst(condition, facts) : describeRequirement(condition);
}

function describeRequirement({ fact, op, value, compareToFact, factor }: Condition): string {
  const label = LABELS[fact];
  const shown = formatValue(fact, value);
  if (isBooleanFact(fact) && (op === 'is_true' || op === 'is_false' || op === 'eq' || op === 'ne')) {
    const wantsTrue = op === 'is_true' || (op === 'eq' && value === true) || (op === 'ne' && value === false);
    return BOOLEAN_WORDS[fact][wantsTrue ? 0 : 1];
  }
  if (isNullableFact(fact) && (op === 'is_null' || op === 'not_null'))
    return NULL_WORDS[fact][op === 'is_null' ? 0 : 1];
  if (isRelation(op)) {
    const target = compareToFact === undefined ? shown : `${formatFactor(factor)}${LABELS[compareToFact]}`;
    return `${label} is ${RELATIONS[op]} ${target}`;
  }
  switch (op) {
    case 'eq':
      return `${label} is ${shown}`;
    case 'ne':
      return `${label} is not ${shown}`;
    case 'in':
      return `${label} is one of ${shown}`;
    case 'not_in':
      return `${label} is not one of ${shown}`;
    case 'contains':
      return `${label} include ${shown}`;
    case 'contains_any':
      return `${label} include any of ${shown}`;
    case 'is_empty':
      return `no ${label} recorded`;
    // Unsuited to the fact (checkRules refuses these): said plainly rather than guessed at.
    case 'is_true':
    case 'is_false':
    case 'is_null':
    case 'not_null':
      return `${label} ${op.replace('_', ' ')}${value === undefined ? '' : ` ${shown}`}`;
  }
}

function describeAgainst(condition: Condition, facts: DispositionFacts): string {
  const { fact, op, value, compareToFact, factor } = condition;
  const label = LABELS[fact];
  const actual = factOf(facts, fact);
  const shownActual = formatValue(fact, actual);
  const holds = conditionHolds(condition, facts);
  if (isBooleanFact(fact)) return BOOLEAN_WORDS[fact][actual === true ? 0 : 1];
  if (isRelation(op)) {
    if (actual === null) return `${label} is not known`;
    const other = compareToFact === undefined ? null : factOf(facts, compareToFact);
    if (compareToFact !== undefined && other === null) return `${LABELS[compareToFact]} is not known`;
    const target =
      compareToFact === undefined
        ? formatValue(fact, value)
        : `${formatFactor(factor)}${LABELS[compareToFact]} ${formatValue(compareToFact, other)}`;
    return `${label} ${shownActual} is ${holds ? '' : 'not '}${RELATIONS[op]} ${target}`;
  }
  switch (op) {
    case 'is_null':
    case 'not_null':
      if (actual === null && isNullableFact(fact)) return NULL_WORDS[fact][0];
      return `${label} is ${shownActual}`;
    case 'eq':
    case 'ne':
      return actual === value
        ? `${label} is ${shownActual}`
        : `${label} is ${shownActual}, not ${formatValue(fact, value)}`;
    case 'in':
    case 'not_in': {
      const isListed = conditionHolds({ ...condition, op: 'in' }, facts);
      return `${label} is ${shownActual}, ${isListed ? '' : 'not '}one of ${formatValue(fact, value)}`;
    }
    case 'contains':
      return holds
        ? `${label} include ${formatValue(fact, value)}`
        : `${label} do not include ${formatValue(fact, value)} (recorded: ${shownActual})`;
    case 'contains_any': {
      if (!holds) return `${label} include none of ${formatValue(fact, value)}`;
      const wanted: readonly string[] = isList(value) ? value : [];
      const found = isList(actual) ? actual.filter((code) => wanted.includes(code)) : [];
      return `${label} include ${found.join(', ')}, one of ${formatValue(fact, value)}`;
    }
    case 'is_empty':
      return holds ? `no ${label} recorded` : `${label} recorded: ${shownActual}`;
    case 'is_true':
    case 'is_false':
      return `${label} is ${shownActual}`;
  }
}

// ——— Cost estimates ———

/**
 * Repair and refurbishment cost of a unit from the rules' estimates: the category's own line, else
 * the '*' line (rounded to the minor unit). A document without either (checkRules refuses one)
 * estimates the unit's whole value, so no repair looks worthwhile on a guess.
 */
export function estimateCosts(
  rules: DispositionRules,
  category: string,
  unitValueMinor: number,
): { repairCostMinor: number; refurbishCostMinor: number } {
  const estimate =
    rules.costEstimates.find((line) => line.category === category) ??
    rules.costEstimates.find((line) => line.category === '*');
  const share = (bps: number) => Math.round((unitValueMinor * bps) / 10_000);
  return {
    repairCostMinor: share(estimate?.repairBps ?? 10_000),
    refurbishCostMinor: share(estimate?.refurbishBps ?? 10_000),
  };
}
