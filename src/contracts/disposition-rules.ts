// Disposition rules as data: an ordered list of rules, each a set of conditions on the facts of
// an inspected unit and the disposition code it leads to, with a sentence a person can read. The
// first active rule whose conditions all hold decides; the fallback decides when none does. Kept
// as a versioned configuration document (kind `disposition_rules`); the engine that applies it is
// disposition/domain/rules-engine.ts. What zod cannot say of a document (an operator that does
// not suit its fact, a grade that does not exist) is `checkRules` below: here, in the contracts,
// because configuration checks a document before publishing it and the engine applies it, and
// configuration may not import disposition.
import { z } from 'zod';
import { CLAIM_VERDICTS, GRADES } from './inspection-vocabulary.js';
import { CLAIMED_CONDITIONS, RETURN_TYPES } from './returns-vocabulary.js';

/** The facts a rule may test, by type. The disposition context gathers them for each inspection. */
export const TEXT_FACTS = [
  'grade',
  'reasonCode',
  'reasonFault',
  'returnType',
  'claimedCondition',
  'category',
  'regulatedClass',
  'claimVerdict',
] as const;
export const LIST_FACTS = ['defectCodes'] as const;
export const BOOLEAN_FACTS = [
  'noFaultFound',
  'isSerialized',
  'isTemperatureControlled',
  'underWarranty',
  'hasSupplier',
  'supplierAcceptsReturns',
  'withinVendorReturnWindow',
] as const;
export const NUMBER_FACTS = [
  'unitValueMinor',
  'repairCostMinor',
  'refurbishCostMinor',
  'ageDays',
  'lotExpiresInDays',
] as const;
export const FACT_NAMES = [...TEXT_FACTS, ...LIST_FACTS, ...BOOLEAN_FACTS, ...NUMBER_FACTS] as const;
export type FactName = (typeof FACT_NAMES)[number];

export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'contains_any',
  'is_empty',
  'is_true',
  'is_false',
  'is_null',
  'not_null',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/**
 * One test. `value` is compared with the fact; for numbers, `compareToFact` (times `factor`)
 * compares with another fact instead — "repair cost above half the unit's value" is
 * `{ fact: 'repairCostMinor', op: 'gt', compareToFact: 'unitValueMinor', factor: 0.5 }`.
 * Which operators suit which fact is checked when the document is published.
 */
export const ConditionSchema = z.strictObject({
  fact: z.enum(FACT_NAMES),
  op: z.enum(CONDITION_OPERATORS),
  value: z.union([z.string().max(80), z.number(), z.boolean(), z.array(z.string().max(80)).max(100)]).optional(),
  compareToFact: z.enum(NUMBER_FACTS).optional(),
  factor: z.number().min(0).max(1000).optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

const dispositionCode = z.string().regex(/^[A-Z0-9_]{2,40}$/, 'a disposition code: upper-case letters, digits and _');

export const DispositionRuleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(120),
  /** All must hold; none means the rule always applies (put it last). */
  when: z.array(ConditionSchema).max(20),
  code: dispositionCode,
  /** Where the units go; by default the disposition code's location kind's first location at the site. */
  locationCode: z.string().trim().min(1).max(40).optional(),
  /** Why, in words an inspector reads beside the recommendation. */
  explanation: z.string().trim().min(1).max(500),
  isActive: z.boolean().default(true),
});
export type DispositionRule = z.infer<typeof DispositionRuleSchema>;

export const DispositionRulesSchema = z.strictObject({
  /**
   * Repair and refurbishment cost estimates, in basis points of the unit's value, per product
   * category ('*' for any). They feed the rules' cost comparisons and a work order's estimate.
   */
  costEstimates: z
    .array(
      z.strictObject({
        category: z.string().min(1).max(80),
        repairBps: z.number().int().min(0).max(100_000),
        refurbishBps: z.number().int().min(0).max(100_000),
      }),
    )
    .min(1),
  rules: z.array(DispositionRuleSchema).max(500),
  fallback: z.strictObject({ code: dispositionCode, explanation: z.string().trim().min(1).max(500) }),
});
export type DispositionRules = z.infer<typeof DispositionRulesSchema>;

// ——— Checking a document beyond its shape ———

export type FactType = 'text' | 'list' | 'boolean' | 'number';

export function factTypeOf(fact: FactName): FactType {
  if ((TEXT_FACTS as readonly string[]).includes(fact)) return 'text';
  if ((LIST_FACTS as readonly string[]).includes(fact)) return 'list';
  if ((BOOLEAN_FACTS as readonly string[]).includes(fact)) return 'boolean';
  return 'number';
}

/** Facts that may be unknown: goods of no regulated class, a unit without a date, a lot without expiry. */
export const NULLABLE_FACTS = ['regulatedClass', 'ageDays', 'lotExpiresInDays'] as const satisfies readonly FactName[];

/** Whose fault a return reason says it is (the reason codes' `fault`). */
export const REASON_FAULTS = ['customer', 'distributor', 'supplier', 'carrier', 'none'] as const;

/** Operators that compare numbers, with `value` or with another fact (`compareToFact × factor`). */
export const NUMERIC_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const satisfies readonly ConditionOperator[];
/** Operators that test the fact alone. */
export const VALUELESS_OPERATORS = [
  'is_empty',
  'is_true',
  'is_false',
  'is_null',
  'not_null',
] as const satisfies readonly ConditionOperator[];

/** The operators that suit a fact: by its type, and is_null / not_null only when it may be unknown. */
export function operatorsFor(fact: FactName): ConditionOperator[] {
  const type = factTypeOf(fact);
  return CONDITION_OPERATORS.filter(
    (op) =>
      OPERATOR_FACT_TYPES[op].includes(type) &&
      ((op !== 'is_null' && op !== 'not_null') || isOneOf(NULLABLE_FACTS, fact)),
  );
}

const OPERATOR_FACT_TYPES: Record<ConditionOperator, readonly FactType[]> = {
  eq: ['text', 'number', 'boolean'],
  ne: ['text', 'number', 'boolean'],
  in: ['text'],
  not_in: ['text'],
  gt: ['number'],
  gte: ['number'],
  lt: ['number'],
  lte: ['number'],
  contains: ['list'],
  contains_any: ['list'],
  is_empty: ['list'],
  is_true: ['boolean'],
  is_false: ['boolean'],
  is_null: ['text', 'number'],
  not_null: ['text', 'number'],
};

/** Text facts whose values are a fixed list: a rule naming anything else would never match. */
const ENUMERATED_FACTS: Partial<Record<FactName, readonly string[]>> = {
  grade: GRADES,
  claimVerdict: CLAIM_VERDICTS,
  returnType: RETURN_TYPES,
  claimedCondition: CLAIMED_CONDITIONS,
  reasonFault: REASON_FAULTS,
};

export interface RuleProblem {
  /** Where in the document, e.g. `rules.3.when.0.value`. */
  path: string;
  message: string;
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The mistakes in a disposition rules document that its schema lets through: an operator that
 * does not suit its fact's type, a value missing, superfluous or of the wrong type, a value a
 * fact can never have, duplicate rule ids, a rule that hides the ones after it, and cost
 * estimates without a '*' line. Codes, categories and regulated classes are checked against what
 * exists when the document is published (configuration's vocabulary check).
 */
export function checkRules(rules: DispositionRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const firstIndexOf = new Map<string, number>();
  rules.rules.forEach((rule, i) => {
    const earlier = firstIndexOf.get(rule.id);
    if (earlier === undefined) firstIndexOf.set(rule.id, i);
    else problems.push({ path: `rules.${i}.id`, message: `rule id “${rule.id}” is already used by rule ${earlier}` });
    rule.when.forEach((condition, j) => problems.push(...checkCondition(condition, `rules.${i}.when.${j}`)));
    const activeAfter = rules.rules.slice(i + 1).filter((later) => later.isActive).length;
    if (rule.isActive && rule.when.length === 0 && activeAfter > 0)
      problems.push({
        path: `rules.${i}.when`,
        message: `rule “${rule.id}” has no conditions, so it always applies and the ${activeAfter} active rule(s) after it are never reached: put it last, or make it the fallback`,
      });
  });
  const categories = rules.costEstimates.map((estimate) => estimate.category);
  categories.forEach((category, k) => {
    if (categories.indexOf(category) !== k)
      problems.push({ path: `costEstimates.${k}.category`, message: `category “${category}” has two cost estimates` });
  });
  if (!categories.includes('*'))
    problems.push({
      path: 'costEstimates',
      message: 'add a cost estimate for category * (any category without its own line)',
    });
  return problems;
}

function checkCondition(condition: Condition, path: string): RuleProblem[] {
  const { fact, op } = condition;
  if (!operatorsFor(fact).includes(op)) {
    const why =
      op === 'is_null' || op === 'not_null' ? `${fact} is always known` : `${fact} is a ${factTypeOf(fact)} fact`;
    return [{ path: `${path}.op`, message: `${op} does not apply: ${why} (use ${operatorsFor(fact).join(', ')})` }];
  }
  if (isOneOf(VALUELESS_OPERATORS, op)) return checkValueless(condition, path);
  if (isOneOf(NUMERIC_OPERATORS, op)) return checkNumeric(condition, path);
  return checkValued(condition, path);
}

function checkValueless({ op, value, compareToFact, factor }: Condition, path: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (value !== undefined) problems.push({ path: `${path}.value`, message: `${op} takes no value` });
  if (compareToFact !== undefined)
    problems.push({ path: `${path}.compareToFact`, message: `${op} compares with nothing` });
  if (factor !== undefined) problems.push({ path: `${path}.factor`, message: `${op} takes no factor` });
  return problems;
}

function checkNumeric({ op, value, compareToFact, factor }: Condition, path: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (value !== undefined && compareToFact !== undefined)
    problems.push({ path: `${path}.compareToFact`, message: `${op} takes a value or compareToFact, not both` });
  else if (value === undefined && compareToFact === undefined)
    problems.push({ path: `${path}.value`, message: `${op} needs a number value, or compareToFact` });
  else if (value !== undefined && typeof value !== 'number')
    problems.push({ path: `${path}.value`, message: `${op} compares numbers: the value must be a number` });
  if (factor !== undefined && compareToFact === undefined)
    problems.push({ path: `${path}.factor`, message: 'a factor multiplies compareToFact, and there is none' });
  return problems;
}

function checkValued(condition: Condition, path: string): RuleProblem[] {
  const { fact, op, value } = condition;
  const problems: RuleProblem[] = [];
  if (condition.compareToFact !== undefined)
    problems.push({
      path: `${path}.compareToFact`,
      message: 'compareToFact applies only to gt, gte, lt and lte on number facts',
    });
  if (condition.factor !== undefined)
    problems.push({ path: `${path}.factor`, message: 'a factor applies only with compareToFact' });
  if (value === undefined) return [...problems, { path: `${path}.value`, message: `${op} needs a value` }];
  const type = factTypeOf(fact);
  const wants: 'string' | 'number' | 'boolean' | 'strings' =
    op === 'in' || op === 'not_in' || op === 'contains_any'
      ? 'strings'
      : op === 'contains' || type === 'text'
        ? 'string'
        : type === 'number'
          ? 'number'
          : 'boolean';
  if (wants === 'strings') {
    if (!Array.isArray(value)) return [...problems, { path: `${path}.value`, message: `${op} needs a list of values` }];
    if (value.length === 0) return [...problems, { path: `${path}.value`, message: `${op} needs at least one value` }];
    return [...problems, ...value.flatMap((item, k) => checkTerm(fact, item, `${path}.value.${k}`))];
  }
  if (typeof value !== wants)
    return [...problems, { path: `${path}.value`, message: `${fact} ${op} needs a ${wants} value` }];
  return [
    ...problems,
    ...(typeof value === 'string' && op !== 'contains' ? checkTerm(fact, value, `${path}.value`) : []),
  ];
}

function checkTerm(fact: FactName, term: string, path: string): RuleProblem[] {
  const known = ENUMERATED_FACTS[fact];
  if (!known || known.includes(term)) return [];
  return [{ path, message: `${fact} is never “${term}”: it is one of ${known.join(', ')}` }];
}
