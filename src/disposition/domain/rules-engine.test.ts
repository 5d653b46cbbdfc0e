import { describe, expect, it } from 'vitest';
import {
  checkRules,
  conditionHolds,
  describeCondition,
  estimateCosts,
  evaluateRules,
  type DispositionFacts,
} from './rules-engine.js';
import type { Condition, DispositionRule, DispositionRules } from '../../contracts/disposition-rules.js';
import { DispositionRulesSchema } from '../../contracts/disposition-rules.js';
import { DEFAULT_DISPOSITION_RULES } from '../../configuration/index.js';

function makeFacts(overrides: Partial<DispositionFacts> = {}): DispositionFacts {
  return {
    grade: 'A',
    reasonCode: 'ORDERED_IN_ERROR',
    reasonFault: 'customer',
    returnType: 'standard',
    claimedCondition: 'unopened',
    category: 'Power Tools',
    regulatedClass: null,
    claimVerdict: 'confirmed',
    defectCodes: [],
    noFaultFound: false,
    isSerialized: true,
    isTemperatureControlled: false,
    underWarranty: true,
    hasSupplier: true,
    supplierAcceptsReturns: true,
    withinVendorReturnWindow: true,
    unitValueMinor: 12_000,
    repairCostMinor: 3_000,
    refurbishCostMinor: 2_000,
    ageDays: 40,
    lotExpiresInDays: null,
    ...overrides,
  };
}

function makeRule(id: string, when: Condition[], overrides: Partial<DispositionRule> = {}): DispositionRule {
  return { id, name: `Rule ${id}`, when, code: 'RESTOCK', explanation: `Because ${id}`, isActive: true, ...overrides };
}

function makeRules(rules: DispositionRule[], overrides: Partial<DispositionRules> = {}): DispositionRules {
  return {
    costEstimates: [{ category: '*', repairBps: 3_000, refurbishBps: 2_000 }],
    rules,
    fallback: { code: 'QUARANTINE', explanation: 'No rule applied: hold for a person to decide' },
    ...overrides,
  };
}

const holds = (condition: Condition, overrides: Partial<DispositionFacts> = {}) =>
  conditionHolds(condition, makeFacts(overrides));

describe('operators', () => {
  it('eq and ne on text, number and boolean facts', () => {
    expect(holds({ fact: 'grade', op: 'eq', value: 'A' })).toBe(true);
    expect(holds({ fact: 'grade', op: 'eq', value: 'B' })).toBe(false);
    expect(holds({ fact: 'grade', op: 'ne', value: 'B' })).toBe(true);
    expect(holds({ fact: 'grade', op: 'ne', value: 'A' })).toBe(false);
    expect(holds({ fact: 'unitValueMinor', op: 'eq', value: 12_000 })).toBe(true);
    expect(holds({ fact: 'unitValueMinor', op: 'ne', value: 12_000 })).toBe(false);
    expect(holds({ fact: 'underWarranty', op: 'eq', value: true })).toBe(true);
    expect(holds({ fact: 'underWarranty', op: 'ne', value: true })).toBe(false);
  });

  it('eq does not hold and ne holds when the fact is unknown', () => {
    expect(holds({ fact: 'regulatedClass', op: 'eq', value: 'hazmat' })).toBe(false);
    expect(holds({ fact: 'regulatedClass', op: 'ne', value: 'hazmat' })).toBe(true);
    expect(holds({ fact: 'ageDays', op: 'eq', value: 0 }, { ageDays: null })).toBe(false);
    expect(holds({ fact: 'ageDays', op: 'ne', value: 0 }, { ageDays: null })).toBe(true);
  });

  it('in and not_in, with an unknown fact in no list', () => {
    expect(holds({ fact: 'grade', op: 'in', value: ['A', 'B'] })).toBe(true);
    expect(holds({ fact: 'grade', op: 'in', value: ['C', 'D'] })).toBe(false);
    expect(holds({ fact: 'grade', op: 'not_in', value: ['C', 'D'] })).toBe(true);
    expect(holds({ fact: 'grade', op: 'not_in', value: ['A'] })).toBe(false);
    expect(holds({ fact: 'regulatedClass', op: 'in', value: ['hazmat', 'rx'] })).toBe(false);
    expect(holds({ fact: 'regulatedClass', op: 'not_in', value: ['hazmat', 'rx'] })).toBe(true);
  });

  it('gt, gte, lt and lte against a value, at and around the boundary', () => {
    const at = (op: 'gt' | 'gte' | 'lt' | 'lte', value: number) => holds({ fact: 'unitValueMinor', op, value });
    expect([at('gt', 11_999), at('gt', 12_000)]).toEqual([true, false]);
    expect([at('gte', 12_000), at('gte', 12_001)]).toEqual([true, false]);
    expect([at('lt', 12_001), at('lt', 12_000)]).toEqual([true, false]);
    expect([at('lte', 12_000), at('lte', 11_999)]).toEqual([true, false]);
  });

  it('compares with another fact times a factor, 1 when absent', () => {
    const halfValue: Condition = { fact: 'repairCostMinor', op: 'lt', compareToFact: 'unitValueMinor', factor: 0.5 };
    expect(holds(halfValue, { repairCostMinor: 5_999 })).toBe(true);
    expect(holds(halfValue, { repairCostMinor: 6_000 })).toBe(false);
    const twiceRepair: Condition = { fact: 'unitValueMinor', op: 'gt', compareToFact: 'repairCostMinor', factor: 2 };
    expect(holds(twiceRepair, { repairCostMinor: 5_999 })).toBe(true);
    expect(holds(twiceRepair, { repairCostMinor: 6_000 })).toBe(false);
    const same: Condition = { fact: 'refurbishCostMinor', op: 'lte', compareToFact: 'repairCostMinor' };
    expect(holds(same, { refurbishCostMinor: 3_000 })).toBe(true);
    expect(holds(same, { refurbishCostMinor: 3_001 })).toBe(false);
  });

  it('a number comparison with an unknown on either side does not hold, and never throws', () => {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      expect(holds({ fact: 'lotExpiresInDays', op, value: 30 }, { lotExpiresInDays: null })).toBe(false);
      expect(holds({ fact: 'unitValueMinor', op, compareToFact: 'ageDays' }, { ageDays: null })).toBe(false);
    }
  });

  it('contains, contains_any and is_empty on the defect list', () => {
    const defects = { defectCodes: ['COSMETIC', 'MISSING_PARTS'] };
    expect(holds({ fact: 'defectCodes', op: 'contains', value: 'COSMETIC' }, defects)).toBe(true);
    expect(holds({ fact: 'defectCodes', op: 'contains', value: 'WATER_DAMAGE' }, defects)).toBe(false);
    expect(holds({ fact: 'defectCodes', op: 'contains_any', value: ['WATER_DAMAGE', 'MISSING_PARTS'] }, defects)).toBe(
      true,
    );
    expect(holds({ fact: 'defectCodes', op: 'contains_any', value: ['WATER_DAMAGE'] }, defects)).toBe(false);
    expect(holds({ fact: 'defectCodes', op: 'is_empty' })).toBe(true);
    expect(holds({ fact: 'defectCodes', op: 'is_empty' }, defects)).toBe(false);
  });

  it('is_true and is_false', () => {
    expect(holds({ fact: 'underWarranty', op: 'is_true' })).toBe(true);
    expect(holds({ fact: 'underWarranty', op: 'is_true' }, { underWarranty: false })).toBe(false);
    expect(holds({ fact: 'noFaultFound', op: 'is_false' })).toBe(true);
    expect(holds({ fact: 'noFaultFound', op: 'is_false' }, { noFaultFound: true })).toBe(false);
  });

  it('is_null and not_null', () => {
    expect(holds({ fact: 'regulatedClass', op: 'is_null' })).toBe(true);
    expect(holds({ fact: 'regulatedClass', op: 'is_null' }, { regulatedClass: 'rx' })).toBe(false);
    expect(holds({ fact: 'lotExpiresInDays', op: 'not_null' }, { lotExpiresInDays: 0 })).toBe(true);
    expect(holds({ fact: 'lotExpiresInDays', op: 'not_null' })).toBe(false);
  });

  it('an operator that does not suit its fact does not hold rather than throw', () => {
    expect(holds({ fact: 'grade', op: 'gt', value: 1 })).toBe(false);
    expect(holds({ fact: 'category', op: 'contains', value: 'Power' })).toBe(false);
    expect(holds({ fact: 'grade', op: 'in', value: 'A' })).toBe(false);
    expect(holds({ fact: 'defectCodes', op: 'is_true' })).toBe(false);
  });
});

describe('choosing the rule', () => {
  const isGradeA: Condition = { fact: 'grade', op: 'eq', value: 'A' };
  const isGradeB: Condition = { fact: 'grade', op: 'eq', value: 'B' };

  it('the first active rule whose conditions all hold decides, in order', () => {
    const rules = makeRules([
      makeRule('first', [isGradeA, { fact: 'underWarranty', op: 'is_false' }], { code: 'SCRAP' }),
      makeRule('second', [isGradeA], { code: 'RESTOCK' }),
      makeRule('third', [], { code: 'REFURBISH' }),
    ]);
    const recommendation = evaluateRules(rules, makeFacts());
    expect(recommendation).toMatchObject({ code: 'RESTOCK', ruleId: 'second', ruleName: 'Rule second' });
  });

  it('ignores inactive rules, and does not list them as skipped', () => {
    const rules = makeRules([
      makeRule('off', [isGradeA], { code: 'SCRAP', isActive: false }),
      makeRule('on', [isGradeA], { code: 'RESTOCK' }),
    ]);
    const recommendation = evaluateRules(rules, makeFacts());
    expect(recommendation.ruleId).toBe('on');
    expect(recommendation.rulesSkipped).toEqual([]);
  });

  it('falls back when no rule applies, naming each rule skipped and its first failed condition', () => {
    const rules = makeRules([
      makeRule('b-only', [isGradeB, { fact: 'underWarranty', op: 'is_false' }]),
      makeRule('dear', [isGradeA, { fact: 'unitValueMinor', op: 'gt', value: 50_000 }]),
    ]);
    expect(evaluateRules(rules, makeFacts())).toEqual({
      code: 'QUARANTINE',
      ruleId: null,
      ruleName: 'Fallback',
      explanation: 'No rule applied: hold for a person to decide',
      conditionsMet: [],
      rulesSkipped: [
        { ruleId: 'b-only', ruleName: 'Rule b-only', failed: 'grade is A, not B' },
        { ruleId: 'dear', ruleName: 'Rule dear', failed: 'unit value 12,000 is not more than 50,000' },
      ],
    });
  });

  it('explains the decision with the rule’s words and the values that made each condition hold', () => {
    const rules = makeRules([
      makeRule(
        'restock',
        [
          isGradeA,
          { fact: 'reasonCode', op: 'eq', value: 'ORDERED_IN_ERROR' },
          { fact: 'unitValueMinor', op: 'gt', compareToFact: 'repairCostMinor', factor: 2 },
        ],
        { explanation: 'Restock as new.', locationCode: 'A-01' },
      ),
    ]);
    const recommendation = evaluateRules(rules, makeFacts());
    expect(recommendation.explanation).toBe(
      'Restock as new: grade is A; reason is ORDERED_IN_ERROR; unit value 12,000 is more than 2 × repair cost 3,000',
    );
    expect(recommendation.conditionsMet).toHaveLength(3);
    expect(recommendation.locationCode).toBe('A-01');
  });

  it('a rule without conditions always applies, explained by its sentence alone', () => {
    const recommendation = evaluateRules(makeRules([makeRule('always', [])]), makeFacts());
    expect(recommendation).toMatchObject({ ruleId: 'always', explanation: 'Because always', conditionsMet: [] });
    expect(recommendation).not.toHaveProperty('locationCode');
  });
});

describe('conditions in words', () => {
  it('says what a rule asks', () => {
    expect(describeCondition({ fact: 'repairCostMinor', op: 'lt', compareToFact: 'unitValueMinor', factor: 0.5 })).toBe(
      'repair cost is less than 0.5 × unit value',
    );
    expect(describeCondition({ fact: 'grade', op: 'in', value: ['D', 'X'] })).toBe('grade is one of D, X');
    expect(describeCondition({ fact: 'category', op: 'not_in', value: ['Consumables'] })).toBe(
      'category is not one of Consumables',
    );
    expect(describeCondition({ fact: 'lotExpiresInDays', op: 'lt', value: 30 })).toBe(
      'time to lot expiry is less than 30 days',
    );
    expect(describeCondition({ fact: 'underWarranty', op: 'is_false' })).toBe('not under warranty');
    expect(describeCondition({ fact: 'regulatedClass', op: 'not_null' })).toBe('has a regulated class');
    expect(describeCondition({ fact: 'defectCodes', op: 'contains_any', value: ['A1', 'B2'] })).toBe(
      'defects include any of A1, B2',
    );
    expect(describeCondition({ fact: 'defectCodes', op: 'is_empty' })).toBe('no defects recorded');
  });

  it('says what the facts are in the condition’s terms, whether it holds or not', () => {
    const facts = makeFacts({ grade: 'C', defectCodes: ['COSMETIC'], regulatedClass: 'hazmat', ageDays: 1 });
    const say = (condition: Condition) => describeCondition(condition, facts);
    expect(say({ fact: 'grade', op: 'in', value: ['A', 'B'] })).toBe('grade is C, not one of A, B');
    expect(say({ fact: 'grade', op: 'not_in', value: ['A', 'B'] })).toBe('grade is C, not one of A, B');
    expect(say({ fact: 'grade', op: 'in', value: ['C', 'D'] })).toBe('grade is C, one of C, D');
    expect(say({ fact: 'regulatedClass', op: 'not_null' })).toBe('regulated class is hazmat');
    expect(say({ fact: 'lotExpiresInDays', op: 'is_null' })).toBe('no lot expiry date');
    expect(say({ fact: 'ageDays', op: 'gte', value: 30 })).toBe('age 1 day is not at least 30 days');
    expect(say({ fact: 'lotExpiresInDays', op: 'lt', value: 30 })).toBe('time to lot expiry is not known');
    expect(say({ fact: 'defectCodes', op: 'contains', value: 'WATER_DAMAGE' })).toBe(
      'defects do not include WATER_DAMAGE (recorded: COSMETIC)',
    );
    expect(say({ fact: 'defectCodes', op: 'contains_any', value: ['COSMETIC', 'DENT'] })).toBe(
      'defects include COSMETIC, one of COSMETIC, DENT',
    );
    expect(say({ fact: 'defectCodes', op: 'is_empty' })).toBe('defects recorded: COSMETIC');
    expect(say({ fact: 'supplierAcceptsReturns', op: 'is_false' })).toBe('supplier accepts returns');
  });
});

describe('cost estimates', () => {
  const rules = makeRules([], {
    costEstimates: [
      { category: '*', repairBps: 3_500, refurbishBps: 2_500 },
      { category: 'Networking', repairBps: 2_500, refurbishBps: 1_501 },
    ],
  });

  it('uses the category’s own line, else the * line', () => {
    expect(estimateCosts(rules, 'Networking', 10_000)).toEqual({ repairCostMinor: 2_500, refurbishCostMinor: 1_501 });
    expect(estimateCosts(rules, 'Lighting', 10_000)).toEqual({ repairCostMinor: 3_500, refurbishCostMinor: 2_500 });
  });

  it('rounds to the nearest minor unit', () => {
    // 999 × 1,501 / 10,000 = 149.9499 → 150; 999 × 2,500 / 10,000 = 249.75 → 250; 3 × 2,500 / 10,000 = 0.75 → 1
    expect(estimateCosts(rules, 'Networking', 999)).toEqual({ repairCostMinor: 250, refurbishCostMinor: 150 });
    expect(estimateCosts(rules, 'Networking', 3)).toEqual({ repairCostMinor: 1, refurbishCostMinor: 0 });
  });

  it('without a matching line estimates the whole value (no repair looks worthwhile on a guess)', () => {
    const partial = makeRules([], { costEstimates: [{ category: 'HVAC', repairBps: 1_000, refurbishBps: 1_000 }] });
    expect(estimateCosts(partial, 'Lighting', 4_321)).toEqual({ repairCostMinor: 4_321, refurbishCostMinor: 4_321 });
  });
});

describe('checking a rules document', () => {
  const withCondition = (condition: Record<string, unknown>) =>
    makeRules([makeRule('a', []), makeRule('b', [condition as Condition])]);
  const check = (condition: Record<string, unknown>) =>
    checkRules(withCondition(condition)).filter((problem) => problem.path.startsWith('rules.1'));

  it('passes the default rules, which also satisfy the schema', () => {
    expect(DispositionRulesSchema.safeParse(DEFAULT_DISPOSITION_RULES).success).toBe(true);
    expect(checkRules(DEFAULT_DISPOSITION_RULES)).toEqual([]);
  });

  it('passes each operator used as intended', () => {
    const good: Condition[] = [
      { fact: 'grade', op: 'eq', value: 'A' },
      { fact: 'unitValueMinor', op: 'ne', value: 0 },
      { fact: 'hasSupplier', op: 'eq', value: true },
      { fact: 'claimVerdict', op: 'in', value: ['confirmed', 'not_assessed'] },
      { fact: 'category', op: 'not_in', value: ['Consumables'] },
      { fact: 'repairCostMinor', op: 'lt', compareToFact: 'unitValueMinor', factor: 0.5 },
      { fact: 'ageDays', op: 'gte', value: 365 },
      { fact: 'defectCodes', op: 'contains', value: 'COSMETIC' },
      { fact: 'defectCodes', op: 'contains_any', value: ['COSMETIC'] },
      { fact: 'defectCodes', op: 'is_empty' },
      { fact: 'noFaultFound', op: 'is_true' },
      { fact: 'isSerialized', op: 'is_false' },
      { fact: 'regulatedClass', op: 'is_null' },
      { fact: 'lotExpiresInDays', op: 'not_null' },
    ];
    expect(checkRules(makeRules([makeRule('all', good)]))).toEqual([]);
  });

  it('refuses an operator that does not suit the fact’s type', () => {
    expect(check({ fact: 'grade', op: 'gt', value: 'B' })).toEqual([
      {
        path: 'rules.1.when.0.op',
        message: 'gt does not apply: grade is a text fact (use eq, ne, in, not_in)',
      },
    ]);
    expect(check({ fact: 'category', op: 'contains', value: 'Tools' })[0]?.path).toBe('rules.1.when.0.op');
    expect(check({ fact: 'defectCodes', op: 'eq', value: 'COSMETIC' })[0]?.path).toBe('rules.1.when.0.op');
    expect(check({ fact: 'underWarranty', op: 'in', value: ['true'] })[0]?.path).toBe('rules.1.when.0.op');
  });

  it('refuses is_null and not_null on a fact that is always known', () => {
    expect(check({ fact: 'grade', op: 'is_null' })).toEqual([
      {
        path: 'rules.1.when.0.op',
        message: 'is_null does not apply: grade is always known (use eq, ne, in, not_in)',
      },
    ]);
    expect(check({ fact: 'unitValueMinor', op: 'not_null' })[0]?.path).toBe('rules.1.when.0.op');
  });

  it('refuses a missing value, and a value where none is taken', () => {
    expect(check({ fact: 'grade', op: 'eq' })).toEqual([{ path: 'rules.1.when.0.value', message: 'eq needs a value' }]);
    expect(check({ fact: 'underWarranty', op: 'is_true', value: true })).toEqual([
      { path: 'rules.1.when.0.value', message: 'is_true takes no value' },
    ]);
    expect(check({ fact: 'defectCodes', op: 'is_empty', compareToFact: 'ageDays' })[0]?.path).toBe(
      'rules.1.when.0.compareToFact',
    );
  });

  it('a numeric comparison takes a number value or compareToFact, not both nor neither', () => {
    expect(check({ fact: 'ageDays', op: 'gt' })[0]?.path).toBe('rules.1.when.0.value');
    expect(check({ fact: 'ageDays', op: 'gt', value: 3, compareToFact: 'unitValueMinor' })[0]?.path).toBe(
      'rules.1.when.0.compareToFact',
    );
    expect(check({ fact: 'ageDays', op: 'gt', value: '30' })).toEqual([
      { path: 'rules.1.when.0.value', message: 'gt compares numbers: the value must be a number' },
    ]);
    expect(check({ fact: 'ageDays', op: 'gt', value: 30, factor: 2 })[0]?.path).toBe('rules.1.when.0.factor');
  });

  it('compareToFact and factor only with a numeric comparison', () => {
    expect(check({ fact: 'unitValueMinor', op: 'eq', compareToFact: 'repairCostMinor' }).map((p) => p.path)).toEqual([
      'rules.1.when.0.compareToFact',
      'rules.1.when.0.value',
    ]);
    expect(check({ fact: 'grade', op: 'eq', value: 'A', factor: 2 })[0]?.path).toBe('rules.1.when.0.factor');
  });

  it('refuses a value of the wrong type', () => {
    expect(check({ fact: 'grade', op: 'in', value: 'A' })).toEqual([
      { path: 'rules.1.when.0.value', message: 'in needs a list of values' },
    ]);
    expect(check({ fact: 'grade', op: 'in', value: [] })[0]?.message).toBe('in needs at least one value');
    expect(check({ fact: 'unitValueMinor', op: 'eq', value: '100' })[0]?.message).toBe(
      'unitValueMinor eq needs a number value',
    );
    expect(check({ fact: 'underWarranty', op: 'eq', value: 'yes' })[0]?.message).toBe(
      'underWarranty eq needs a boolean value',
    );
    expect(check({ fact: 'defectCodes', op: 'contains', value: ['A'] })[0]?.path).toBe('rules.1.when.0.value');
    expect(check({ fact: 'category', op: 'eq', value: 3 })[0]?.path).toBe('rules.1.when.0.value');
  });

  it('refuses a value the fact can never have', () => {
    expect(check({ fact: 'grade', op: 'eq', value: 'E' })).toEqual([
      { path: 'rules.1.when.0.value', message: 'grade is never “E”: it is one of A, B, C, D, X' },
    ]);
    expect(check({ fact: 'claimVerdict', op: 'in', value: ['confirmed', 'refuted'] })[0]?.path).toBe(
      'rules.1.when.0.value.1',
    );
    expect(check({ fact: 'returnType', op: 'ne', value: 'rma' })).toHaveLength(1);
    expect(check({ fact: 'claimedCondition', op: 'not_in', value: ['broken'] })).toHaveLength(1);
    expect(check({ fact: 'reasonFault', op: 'eq', value: 'vendor' })[0]?.message).toBe(
      'reasonFault is never “vendor”: it is one of customer, distributor, supplier, carrier, none',
    );
    expect(check({ fact: 'reasonCode', op: 'eq', value: 'ANY_CODE' })).toEqual([]);
  });

  it('refuses duplicate rule ids', () => {
    const rules = makeRules([makeRule('same', [{ fact: 'grade', op: 'eq', value: 'A' }]), makeRule('same', [])]);
    expect(checkRules(rules)).toEqual([{ path: 'rules.1.id', message: 'rule id “same” is already used by rule 0' }]);
  });

  it('refuses an active rule without conditions before other active rules', () => {
    const rules = makeRules([
      makeRule('always', []),
      makeRule('never-reached', [{ fact: 'grade', op: 'eq', value: 'A' }]),
      makeRule('off', [], { isActive: false }),
    ]);
    expect(checkRules(rules).map((problem) => problem.path)).toEqual(['rules.0.when']);
    expect(checkRules(makeRules([makeRule('off', [], { isActive: false }), makeRule('last', [])]))).toEqual([]);
  });

  it('requires one cost estimate per category, and a * line', () => {
    const rules = makeRules([], {
      costEstimates: [
        { category: 'HVAC', repairBps: 1, refurbishBps: 1 },
        { category: 'HVAC', repairBps: 2, refurbishBps: 2 },
      ],
    });
    expect(checkRules(rules).map((problem) => problem.path)).toEqual(['costEstimates.1.category', 'costEstimates']);
  });
});

describe('the default rules', () => {
  const recommend = (overrides: Partial<DispositionFacts>) =>
    evaluateRules(DEFAULT_DISPOSITION_RULES, makeFacts(overrides));

  it('dispose of hazardous goods that cannot be sold, and hold other regulated goods not as new', () => {
    expect(recommend({ regulatedClass: 'hazmat', grade: 'D' }).code).toBe('HAZARDOUS_DISPOSAL');
    expect(recommend({ regulatedClass: 'rx', grade: 'B' }).code).toBe('QUARANTINE');
    expect(recommend({ regulatedClass: 'rx', grade: 'A' }).code).toBe('RESTOCK');
  });

  it('scrap expired lots and sell short-dated ones through the outlet', () => {
    expect(recommend({ lotExpiresInDays: -1 }).code).toBe('SCRAP');
    expect(recommend({ lotExpiresInDays: 12 }).code).toBe('SECONDARY_CHANNEL');
    expect(recommend({ lotExpiresInDays: 30 }).code).toBe('RESTOCK');
  });

  it('send defective goods to the supplier while they pay, else repair while it is worth it', () => {
    const defective = { grade: 'D' as const, reasonFault: 'supplier' };
    expect(recommend(defective).code).toBe('RETURN_TO_VENDOR');
    const outOfWindow = { ...defective, withinVendorReturnWindow: false };
    expect(recommend({ ...outOfWindow, repairCostMinor: 3_000 }).code).toBe('REPAIR_INTERNAL');
    expect(recommend({ ...outOfWindow, repairCostMinor: 5_000 }).code).toBe('REPAIR_EXTERNAL');
    expect(recommend({ ...outOfWindow, repairCostMinor: 9_000 }).code).toBe('SECONDARY_CHANNEL');
    expect(recommend({ ...outOfWindow, repairCostMinor: 9_000, unitValueMinor: 9_500 }).code).toBe('SCRAP');
  });

  it('refurbish cosmetic damage when it pays, restock opened goods, hold recalls', () => {
    expect(recommend({ grade: 'C', refurbishCostMinor: 2_000 }).code).toBe('REFURBISH');
    expect(recommend({ grade: 'C', refurbishCostMinor: 8_000 }).code).toBe('SECONDARY_CHANNEL');
    expect(recommend({ grade: 'B' }).code).toBe('RESTOCK');
    expect(recommend({ grade: 'B', category: 'Consumables' }).code).toBe('SECONDARY_CHANNEL');
    expect(recommend({ returnType: 'warranty', claimVerdict: 'contradicted', grade: 'C' }).code).toBe(
      'RETURN_TO_CUSTOMER',
    );
    expect(recommend({ returnType: 'recall', supplierAcceptsReturns: false })).toMatchObject({
      code: 'QUARANTINE',
      ruleId: 'recall-hold',
    });
  });
});
