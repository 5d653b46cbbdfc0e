import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ApprovalRules } from '../../contracts/configuration.js';
import { CLAIMED_CONDITIONS, RETURN_TYPES } from '../../contracts/returns-vocabulary.js';
import { routeForApproval, type ApprovalRoutingInput } from './approval-routing.js';

const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'CHF'] as const;
const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
const CLASSES = ['hazmat', 'rx', 'controlled', 'flammable'] as const;

const rulesArb: fc.Arbitrary<ApprovalRules> = fc.record({
  valueThresholds: fc.dictionary(fc.constantFrom(...CURRENCIES), fc.integer({ min: 0, max: 10_000_000 })),
  defaultValueThresholdMinor: fc.integer({ min: 0, max: 10_000_000 }),
  tiersRequiringApproval: fc.subarray([...TIERS]),
  returnTypesRequiringApproval: fc.subarray([...RETURN_TYPES]),
  regulatedClassesRequiringApproval: fc.subarray([...CLASSES]),
  conditionsRequiringApproval: fc.subarray([...CLAIMED_CONDITIONS]),
});

const inputArb: fc.Arbitrary<ApprovalRoutingInput> = fc.record({
  returnType: fc.constantFrom(...RETURN_TYPES),
  customerTier: fc.constantFrom(...TIERS),
  currency: fc.constantFrom(...CURRENCIES),
  totalValueMinor: fc.integer({ min: 0, max: 20_000_000 }),
  lines: fc.array(
    fc.record({
      regulatedClass: fc.option(fc.constantFrom(...CLASSES), { nil: null }),
      claimedCondition: fc.constantFrom(...CLAIMED_CONDITIONS),
    }),
    { maxLength: 5 },
  ),
  rules: rulesArb,
  rulesVersion: fc.integer({ min: 1, max: 1000 }),
});

describe('approval routing (property)', () => {
  it('is monotonic in value: raising the total never turns needs_approval into auto_approve', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 20_000_000 }), (input, raise) => {
        const before = routeForApproval(input);
        const after = routeForApproval({ ...input, totalValueMinor: input.totalValueMinor + raise });
        if (before.decision === 'needs_approval') expect(after.decision).toBe('needs_approval');
        // Raising value can only add reasons, never remove the non-value ones.
        if (before.decision === 'needs_approval') {
          for (const r of before.reasons.filter((x) => !x.startsWith('value '))) expect(after.reasons).toContain(r);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('needs approval exactly when value exceeds the threshold or another rule triggers', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { rules } = input;
        const threshold = rules.valueThresholds[input.currency] ?? rules.defaultValueThresholdMinor;
        const expected =
          input.totalValueMinor > threshold ||
          rules.tiersRequiringApproval.includes(input.customerTier) ||
          rules.returnTypesRequiringApproval.includes(input.returnType) ||
          input.lines.some(
            (l) => l.regulatedClass !== null && rules.regulatedClassesRequiringApproval.includes(l.regulatedClass),
          ) ||
          input.lines.some((l) => rules.conditionsRequiringApproval.includes(l.claimedCondition));
        const routing = routeForApproval(input);
        expect(routing.decision).toBe(expected ? 'needs_approval' : 'auto_approve');
        expect(routing.reasons.length).toBeGreaterThan(0);
        expect(routing.approvalRulesVersion).toBe(input.rulesVersion);
      }),
      { numRuns: 500 },
    );
  });
});
