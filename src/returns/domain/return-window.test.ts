import { describe, it, expect } from 'vitest';
import type { ReturnPolicy } from '../../contracts/configuration.js';
import { resolveReturnWindowDays } from './return-window.js';

const policy: ReturnPolicy = {
  defaultReturnWindowDays: 30,
  windows: [
    { tier: '*', category: 'Consumables', days: 14 },
    { tier: 'gold', category: '*', days: 60 },
    { tier: 'gold', category: 'Networking', days: 45 },
    { tier: '*', category: 'Networking', days: 20 },
  ],
  authorizationValidDays: 30,
  windowExemptReturnTypes: ['warranty'],
};

describe('resolveReturnWindowDays', () => {
  it('lets a contracted customer window win over every policy window', () => {
    expect(resolveReturnWindowDays(policy, 'gold', 'Networking', 100)).toEqual({
      days: 100,
      source: 'customer_override',
      explanation: 'contracted for your account',
    });
  });

  it('honours a contracted window of 0 days rather than treating it as missing', () => {
    expect(resolveReturnWindowDays(policy, 'gold', 'Networking', 0).days).toBe(0);
  });

  it('prefers tier + category over tier alone and category alone', () => {
    expect(resolveReturnWindowDays(policy, 'gold', 'Networking', null)).toEqual({
      days: 45,
      source: 'tier_and_category',
      explanation: "gold tier, category 'Networking'",
    });
  });

  it('prefers tier alone over category alone, whatever the list order', () => {
    const r = resolveReturnWindowDays(policy, 'gold', 'Consumables', null);
    expect(r).toEqual({ days: 60, source: 'tier', explanation: 'gold tier' });
  });

  it('falls back to category alone', () => {
    expect(resolveReturnWindowDays(policy, 'silver', 'Consumables', null)).toEqual({
      days: 14,
      source: 'category',
      explanation: "category 'Consumables'",
    });
  });

  it('uses a * / * window before the policy default', () => {
    const withAny = { ...policy, windows: [...policy.windows, { tier: '*', category: '*', days: 21 }] };
    expect(resolveReturnWindowDays(withAny, 'silver', 'Cables', null).source).toBe('any');
    expect(resolveReturnWindowDays(withAny, 'silver', 'Cables', null).days).toBe(21);
  });

  it('falls back to the policy default', () => {
    expect(resolveReturnWindowDays(policy, 'silver', 'Cables', null)).toEqual({
      days: 30,
      source: 'policy_default',
      explanation: 'standard policy',
    });
  });

  it('matches tiers and categories regardless of case', () => {
    expect(resolveReturnWindowDays(policy, 'Gold', 'networking', null).days).toBe(45);
  });

  it('takes the first listed window when two are equally specific', () => {
    const dup = { ...policy, windows: [{ tier: 'gold', category: '*', days: 7 }, ...policy.windows] };
    expect(resolveReturnWindowDays(dup, 'gold', 'Cables', null).days).toBe(7);
  });

  it('does not treat a literal tier named * in the customer record as a wildcard match for others', () => {
    expect(resolveReturnWindowDays(policy, 'bronze', '*', null).source).toBe('policy_default');
  });
});
