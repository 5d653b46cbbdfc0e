import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conditionHolds, evaluateRules, type DispositionFacts } from './rules-engine.js';
import {
  BOOLEAN_FACTS,
  CONDITION_OPERATORS,
  FACT_NAMES,
  NUMBER_FACTS,
  TEXT_FACTS,
  type Condition,
  type DispositionRule,
  type DispositionRules,
} from '../../contracts/disposition-rules.js';
import { CLAIM_VERDICTS, GRADES } from '../../contracts/inspection-vocabulary.js';

// Small pools, so that conditions drawn at random hold about as often as they fail.
const WORDS = ['A', 'B', 'C', 'D', 'X', 'customer', 'supplier', 'hazmat', 'rx', 'Networking', 'warranty'] as const;
const DEFECTS = ['COSMETIC', 'DEAD_ON_ARRIVAL', 'MISSING_PARTS'] as const;
const word = fc.constantFrom(...WORDS);
const amount = fc.integer({ min: -50, max: 200 });

const factsArbitrary: fc.Arbitrary<DispositionFacts> = fc.record({
  grade: fc.constantFrom(...GRADES),
  reasonCode: word,
  reasonFault: word,
  returnType: word,
  claimedCondition: word,
  category: word,
  regulatedClass: fc.option(word, { nil: null }),
  claimVerdict: fc.constantFrom(...CLAIM_VERDICTS),
  defectCodes: fc.subarray([...DEFECTS]),
  noFaultFound: fc.boolean(),
  isSerialized: fc.boolean(),
  isTemperatureControlled: fc.boolean(),
  underWarranty: fc.boolean(),
  hasSupplier: fc.boolean(),
  supplierAcceptsReturns: fc.boolean(),
  withinVendorReturnWindow: fc.boolean(),
  unitValueMinor: amount,
  repairCostMinor: amount,
  refurbishCostMinor: amount,
  ageDays: fc.option(amount, { nil: null }),
  lotExpiresInDays: fc.option(amount, { nil: null }),
});

/** Conditions as a checked document has them… */
const suitedCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    fact: fc.constantFrom(...TEXT_FACTS),
    op: fc.constantFrom('eq' as const, 'ne' as const),
    value: word,
  }),
  fc.record({
    fact: fc.constantFrom(...TEXT_FACTS),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    value: fc.subarray([...WORDS], { minLength: 1 }),
  }),
  fc.record({
    fact: fc.constantFrom(...NUMBER_FACTS),
    op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
    value: amount,
  }),
  fc.record(
    {
      fact: fc.constantFrom(...NUMBER_FACTS),
      op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
      compareToFact: fc.constantFrom(...NUMBER_FACTS),
      factor: fc.constantFrom(0.5, 1, 2),
    },
    { requiredKeys: ['fact', 'op', 'compareToFact'] },
  ),
  fc.record({
    fact: fc.constant('defectCodes' as const),
    op: fc.constant('contains' as const),
    value: fc.constantFrom(...DEFECTS),
  }),
  fc.record({
    fact: fc.constant('defectCodes' as const),
    op: fc.constant('contains_any' as const),
    value: fc.subarray([...DEFECTS], { minLength: 1 }),
  }),
  fc.record({ fact: fc.constant('defectCodes' as const), op: fc.constant('is_empty' as const) }),
  fc.record({ fact: fc.constantFrom(...BOOLEAN_FACTS), op: fc.constantFrom('is_true' as const, 'is_false' as const) }),
  fc.record({
    fact: fc.constantFrom('regulatedClass' as const, 'ageDays' as const, 'lotExpiresInDays' as const),
    op: fc.constantFrom('is_null' as const, 'not_null' as const),
  }),
);

/** …and anything the schema lets through, which must not make the engine throw. */
const anyCondition: fc.Arbitrary<Condition> = fc.record(
  {
    fact: fc.constantFrom(...FACT_NAMES),
    op: fc.constantFrom(...CONDITION_OPERATORS),
    value: fc.oneof(word, amount, fc.boolean(), fc.array(word, { maxLength: 3 })),
    compareToFact: fc.constantFrom(...NUMBER_FACTS),
    factor: fc.constantFrom(0, 0.5, 3),
  },
  { requiredKeys: ['fact', 'op'] },
);

const rulesArbitrary: fc.Arbitrary<DispositionRules> = fc
  .array(
    fc.record({
      when: fc.array(fc.oneof({ weight: 4, arbitrary: suitedCondition }, { weight: 1, arbitrary: anyCondition }), {
        maxLength: 3,
      }),
      code: fc.constantFrom('RESTOCK', 'SCRAP', 'REFURBISH'),
      isActive: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((drafts) => ({
    costEstimates: [{ category: '*', repairBps: 3_000, refurbishBps: 2_000 }],
    rules: drafts.map((draft, i): DispositionRule => ({
      ...draft,
      id: `r${i}`,
      name: `Rule ${i}`,
      explanation: `Reason ${i}`,
    })),
    fallback: { code: 'QUARANTINE', explanation: 'No rule applied' },
  }));

const allHold = (rule: DispositionRule, facts: DispositionFacts) =>
  rule.when.every((condition) => conditionHolds(condition, facts));

describe('evaluateRules, for any rules and facts', () => {
  it('recommends the first active rule whose conditions all hold, else the fallback', () => {
    fc.assert(
      fc.property(rulesArbitrary, factsArbitrary, (rules, facts) => {
        const recommendation = evaluateRules(rules, facts);
        expect(evaluateRules(rules, facts)).toEqual(recommendation);

        const active = rules.rules.filter((rule) => rule.isActive);
        const winner = active.find((rule) => allHold(rule, facts));
        const skipped = winner ? active.slice(0, active.indexOf(winner)) : active;
        expect(recommendation.rulesSkipped.map((s) => s.ruleId)).toEqual(skipped.map((rule) => rule.id));
        expect(skipped.every((rule) => !allHold(rule, facts))).toBe(true);
        if (!winner) {
          expect(recommendation).toMatchObject({ code: 'QUARANTINE', ruleId: null, conditionsMet: [] });
          return;
        }
        expect(recommendation).toMatchObject({ code: winner.code, ruleId: winner.id, ruleName: winner.name });
        expect(recommendation.conditionsMet).toHaveLength(winner.when.length);
        for (const met of recommendation.conditionsMet) expect(recommendation.explanation).toContain(met);
      }),
      { numRuns: 500 },
    );
  });

  it('ne is the negation of eq, and not_in of in, whatever the facts', () => {
    fc.assert(
      fc.property(anyCondition, factsArbitrary, (condition, facts) => {
        const as = (op: Condition['op']) => conditionHolds({ ...condition, op }, facts);
        expect(as('ne')).toBe(!as('eq'));
        expect(as('not_in')).toBe(!as('in'));
      }),
    );
  });
});
