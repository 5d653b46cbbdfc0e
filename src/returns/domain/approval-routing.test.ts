import { describe, it, expect } from 'vitest';
import type { ApprovalRules } from '../../contracts/configuration.js';
import { RoutingSchema } from '../../contracts/returns.js';
import { routeForApproval, type ApprovalRoutingInput } from './approval-routing.js';

const rules: ApprovalRules = {
  valueThresholds: { USD: 250000, JPY: 30000000 },
  defaultValueThresholdMinor: 100000,
  tiersRequiringApproval: ['bronze'],
  returnTypesRequiringApproval: ['regulated', 'warranty'],
  regulatedClassesRequiringApproval: ['hazmat', 'rx'],
  conditionsRequiringApproval: ['damaged_in_transit'],
};

function buildRouting(overrides: Partial<ApprovalRoutingInput> = {}): ApprovalRoutingInput {
  return {
    returnType: 'standard',
    customerTier: 'gold',
    currency: 'USD',
    totalValueMinor: 12000,
    lines: [{ regulatedClass: null, claimedCondition: 'unopened' }],
    rules,
    rulesVersion: 4,
    ...overrides,
  };
}

describe('routeForApproval', () => {
  it('auto-approves a small ordinary return and explains every rule it passed', () => {
    const routing = routeForApproval(buildRouting());
    expect(routing).toEqual({
      decision: 'auto_approve',
      reasons: [
        'value USD 120.00 is within the auto-approval limit of USD 2,500.00',
        'gold-tier customers do not need approval',
        'standard returns do not need approval',
        'no line carries a regulated class that needs approval',
        'no line claims a condition that needs approval',
      ],
      approvalRulesVersion: 4,
    });
    expect(() => RoutingSchema.parse(routing)).not.toThrow();
  });

  it('lets a value exactly at the limit through, and one minor unit more goes to approval', () => {
    expect(routeForApproval(buildRouting({ totalValueMinor: 250000 })).decision).toBe('auto_approve');
    expect(routeForApproval(buildRouting({ totalValueMinor: 250001 }))).toEqual({
      decision: 'needs_approval',
      reasons: ['value USD 2,500.01 is above the auto-approval limit of USD 2,500.00'],
      approvalRulesVersion: 4,
    });
  });

  it('uses the currency’s own minor units in the message', () => {
    const routing = routeForApproval(buildRouting({ currency: 'JPY', totalValueMinor: 30000001 }));
    expect(routing.reasons).toEqual(['value JPY 30,000,001 is above the auto-approval limit of JPY 30,000,000']);
  });

  it('falls back to the default threshold for an unlisted currency and says so', () => {
    const routing = routeForApproval(buildRouting({ currency: 'CHF', totalValueMinor: 100001 }));
    expect(routing.reasons).toEqual(['value CHF 1,000.01 is above the default auto-approval limit of CHF 1,000.00']);
  });

  it('does not treat inherited object properties as thresholds', () => {
    const routing = routeForApproval(buildRouting({ currency: 'constructor', totalValueMinor: 100001 }));
    expect(routing.decision).toBe('needs_approval');
  });

  it('routes a tier that requires approval, ignoring case', () => {
    const routing = routeForApproval(buildRouting({ customerTier: 'Bronze' }));
    expect(routing).toMatchObject({
      decision: 'needs_approval',
      reasons: ['returns from Bronze-tier customers need approval'],
    });
  });

  it('routes a return type that requires approval', () => {
    expect(routeForApproval(buildRouting({ returnType: 'warranty' })).reasons).toEqual([
      'warranty returns need approval',
    ]);
    expect(routeForApproval(buildRouting({ returnType: 'stock_rotation' })).decision).toBe('auto_approve');
  });

  it('names each regulated class and the lines carrying it', () => {
    const routing = routeForApproval(
      buildRouting({
        lines: [
          { regulatedClass: 'hazmat', claimedCondition: 'unopened' },
          { regulatedClass: 'flammable', claimedCondition: 'unopened' },
          { regulatedClass: 'hazmat', claimedCondition: 'used' },
          { regulatedClass: 'rx', claimedCondition: 'used' },
        ],
      }),
    );
    expect(routing.reasons).toEqual([
      "regulated class 'hazmat' (lines 1, 3) needs approval",
      "regulated class 'rx' (line 4) needs approval",
    ]);
  });

  it('names a claimed condition that requires approval', () => {
    const routing = routeForApproval(
      buildRouting({
        lines: [
          { regulatedClass: null, claimedCondition: 'used' },
          { regulatedClass: null, claimedCondition: 'damaged_in_transit' },
        ],
      }),
    );
    expect(routing.reasons).toEqual(["claimed condition 'damaged in transit' (line 2) needs approval"]);
  });

  it('lists every triggered reason, and only those, when several apply', () => {
    const routing = routeForApproval(
      buildRouting({
        returnType: 'regulated',
        customerTier: 'bronze',
        totalValueMinor: 999999,
        lines: [{ regulatedClass: 'rx', claimedCondition: 'damaged_in_transit' }],
      }),
    );
    expect(routing.decision).toBe('needs_approval');
    expect(routing.reasons).toEqual([
      'value USD 9,999.99 is above the auto-approval limit of USD 2,500.00',
      'returns from bronze-tier customers need approval',
      'regulated returns need approval',
      "regulated class 'rx' (line 1) needs approval",
      "claimed condition 'damaged in transit' (line 1) needs approval",
    ]);
  });

  it('records the rules version it was given', () => {
    expect(routeForApproval(buildRouting({ rulesVersion: 17 })).approvalRulesVersion).toBe(17);
  });
});
