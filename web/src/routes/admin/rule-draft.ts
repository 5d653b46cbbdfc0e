// The disposition rules as the editor holds them, and back: values are typed as text (a list is
// comma-separated), so a half-typed rule stays on screen. Turning a draft into a document does not
// judge it: what is wrong (an empty value, text where a number belongs) goes to the server as
// typed, and checkRules answers with the path and the words to show beside the field.
import {
  factTypeOf,
  operatorsFor,
  VALUELESS_OPERATORS,
  NUMERIC_OPERATORS,
  type Condition,
  type ConditionOperator,
  type DispositionRule,
  type DispositionRules,
  type FactName,
} from '../../../../src/contracts/disposition-rules.js';
import { newRowKey } from '../../ui/editable-rows.js';

type NumberFact = NonNullable<Condition['compareToFact']>;

export interface ConditionDraft {
  key: string;
  fact: FactName;
  op: ConditionOperator;
  /** The value as typed: a list comma-separated, a yes/no as 'true'/'false'. */
  value: string;
  /** Compare with another number fact (times `factor`) instead of a value. */
  compareToFact: NumberFact | '';
  factor: string;
}

export interface RuleDraft {
  key: string;
  id: string;
  name: string;
  code: string;
  explanation: string;
  locationCode: string;
  isActive: boolean;
  when: ConditionDraft[];
}

export interface CostEstimateDraft {
  key: string;
  category: string;
  /** Percent of the unit's value, as typed (the document keeps basis points). */
  repairPercent: string;
  refurbishPercent: string;
}

/** Facts in a person's words, for the fact picker and the sample's facts. */
export const FACT_LABELS: Record<FactName, string> = {
  grade: 'Grade',
  reasonCode: 'Return reason',
  reasonFault: 'Whose fault (by the reason)',
  returnType: 'Return type',
  claimedCondition: 'Claimed condition',
  category: 'Product category',
  regulatedClass: 'Regulated class',
  claimVerdict: 'Customer’s claim',
  defectCodes: 'Defects found',
  noFaultFound: 'No fault found',
  isSerialized: 'Serialized',
  isTemperatureControlled: 'Temperature-controlled',
  underWarranty: 'Under warranty',
  hasSupplier: 'Has a supplier',
  supplierAcceptsReturns: 'Supplier accepts returns',
  withinVendorReturnWindow: 'Within the supplier’s return window',
  unitValueMinor: 'Unit value (minor units)',
  repairCostMinor: 'Repair cost (minor units)',
  refurbishCostMinor: 'Refurbishment cost (minor units)',
  ageDays: 'Age (days since delivery)',
  lotExpiresInDays: 'Days to lot expiry',
};

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  eq: 'is',
  ne: 'is not',
  in: 'is one of',
  not_in: 'is none of',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  contains: 'include',
  contains_any: 'include any of',
  is_empty: 'none recorded',
  is_true: 'yes',
  is_false: 'no',
  is_null: 'is not known',
  not_null: 'is known',
};

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export const takesNoValue = (op: ConditionOperator) => isOneOf(VALUELESS_OPERATORS, op);
export const comparesNumbers = (op: ConditionOperator) => isOneOf(NUMERIC_OPERATORS, op);
/** Operators whose value is a list of terms. */
export const takesList = (op: ConditionOperator) => op === 'in' || op === 'not_in' || op === 'contains_any';

export const splitTerms = (text: string) =>
  text
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '');

function valueText(value: Condition['value']): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function conditionToDraft(condition: Condition, key = newRowKey()): ConditionDraft {
  return {
    key,
    fact: condition.fact,
    op: condition.op,
    value: valueText(condition.value),
    compareToFact: condition.compareToFact ?? '',
    factor: condition.factor === undefined ? '' : String(condition.factor),
  };
}

/** A number as typed, or the text itself when it is not one (checkRules then says a number is needed). */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function conditionFromDraft(draft: ConditionDraft): Condition {
  const { fact, op } = draft;
  if (takesNoValue(op)) return { fact, op };
  if (comparesNumbers(op) && draft.compareToFact !== '') {
    const factor = draft.factor.trim();
    return {
      fact,
      op,
      compareToFact: draft.compareToFact,
      // A factor that is not a number cannot be sent as one: NaN is refused by the schema beside it.
      ...(factor === '' ? {} : { factor: /^\d+(\.\d+)?$/.test(factor) ? Number(factor) : Number.NaN }),
    };
  }
  if (takesList(op)) return { fact, op, value: splitTerms(draft.value) };
  const text = draft.value.trim();
  if (text === '') return { fact, op };
  const type = factTypeOf(fact);
  if (type === 'boolean') return { fact, op, value: text === 'true' ? true : text === 'false' ? false : text };
  if (type === 'number') return { fact, op, value: numberOrText(text) };
  return { fact, op, value: text };
}

/** A fact changed: keep the operator if it suits the new fact, else its first; the value starts over. */
export function withFact(draft: ConditionDraft, fact: FactName): ConditionDraft {
  const ops = operatorsFor(fact);
  return {
    ...draft,
    fact,
    op: ops.includes(draft.op) ? draft.op : (ops[0] ?? 'eq'),
    value: '',
    compareToFact: '',
    factor: '',
  };
}

export function ruleToDraft(rule: DispositionRule, key = newRowKey()): RuleDraft {
  return {
    key,
    id: rule.id,
    name: rule.name,
    code: rule.code,
    explanation: rule.explanation,
    locationCode: rule.locationCode ?? '',
    isActive: rule.isActive,
    when: rule.when.map((condition) => conditionToDraft(condition)),
  };
}

export function ruleFromDraft(draft: RuleDraft): DispositionRule {
  const locationCode = draft.locationCode.trim();
  return {
    id: draft.id.trim(),
    name: draft.name.trim(),
    when: draft.when.map(conditionFromDraft),
    code: draft.code,
    ...(locationCode === '' ? {} : { locationCode }),
    explanation: draft.explanation.trim(),
    isActive: draft.isActive,
  };
}

/** A new rule: one condition to start from, and an id no other rule has. */
export function newRuleDraft(existing: readonly RuleDraft[]): RuleDraft {
  const ids = new Set(existing.map((rule) => rule.id));
  let n = existing.length + 1;
  while (ids.has(`rule-${n}`)) n += 1;
  return {
    key: newRowKey(),
    id: `rule-${n}`,
    name: '',
    code: '',
    explanation: '',
    locationCode: '',
    isActive: true,
    when: [newConditionDraft()],
  };
}

export function newConditionDraft(): ConditionDraft {
  return { key: newRowKey(), fact: 'grade', op: 'eq', value: '', compareToFact: '', factor: '' };
}

const percentText = (bps: number) => String(bps / 100);

/** Basis points from a percentage as typed (up to two decimals); NaN when it is not one. */
export function percentToBps(text: string): number {
  const trimmed = text.trim();
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN;
}

export function costEstimatesToDrafts(rules: DispositionRules): CostEstimateDraft[] {
  return rules.costEstimates.map((estimate) => ({
    key: newRowKey(),
    category: estimate.category,
    repairPercent: percentText(estimate.repairBps),
    refurbishPercent: percentText(estimate.refurbishBps),
  }));
}

export function rulesDocument(
  rules: readonly RuleDraft[],
  costEstimates: readonly CostEstimateDraft[],
  fallback: { code: string; explanation: string },
): DispositionRules {
  return {
    costEstimates: costEstimates.map((estimate) => ({
      category: estimate.category.trim(),
      repairBps: percentToBps(estimate.repairPercent),
      refurbishBps: percentToBps(estimate.refurbishPercent),
    })),
    rules: rules.map(ruleFromDraft),
    fallback: { code: fallback.code, explanation: fallback.explanation.trim() },
  };
}

/** Moves the row `key` one place up (-1) or down (+1); at either end nothing moves. */
export function moveRow<Row extends { key: string }>(rows: readonly Row[], key: string, by: -1 | 1): Row[] {
  const from = rows.findIndex((row) => row.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** The first error at a path or below it (`rules.2.when.0.value.1` is shown beside `rules.2.when.0.value`). */
export function errorUnder(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
