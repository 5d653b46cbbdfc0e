import { describe, expect, it } from 'vitest';
import { describeConfigChanges } from './config-diff.js';

describe('changes between configuration versions', () => {
  it('names a changed number, and a changed return window by its tier and category', () => {
    const before = {
      defaultReturnWindowDays: 30,
      windows: [
        { tier: 'gold', category: '*', days: 60 },
        { tier: '*', category: 'Consumables', days: 14 },
      ],
    };
    const after = {
      defaultReturnWindowDays: 45,
      windows: [
        { tier: 'gold', category: '*', days: 50 },
        { tier: 'platinum', category: 'Power Tools', days: 90 },
      ],
    };
    expect(describeConfigChanges(before, after)).toEqual([
      { kind: 'changed', path: 'default return window days', before: '30', after: '45' },
      { kind: 'changed', path: 'windows › gold · any › days', before: '60', after: '50' },
      {
        kind: 'added',
        path: 'windows › platinum · Power Tools',
        after: 'tier: platinum, category: Power Tools, days: 90',
      },
      { kind: 'removed', path: 'windows › any · Consumables', before: 'tier: *, category: Consumables, days: 14' },
    ]);
  });

  it('matches coded entries by code, so a relabel is one change', () => {
    const before = { codes: [{ code: 'DEFECTIVE', label: 'Defective', isActive: true }] };
    const after = {
      codes: [
        { code: 'WRONG_ITEM', label: 'Wrong item', isActive: true },
        { code: 'DEFECTIVE', label: 'Faulty', isActive: true },
      ],
    };
    expect(describeConfigChanges(before, after)).toEqual([
      { kind: 'added', path: 'codes › WRONG_ITEM', after: 'code: WRONG_ITEM, label: Wrong item, is active: true' },
      { kind: 'changed', path: 'codes › DEFECTIVE › label', before: 'Defective', after: 'Faulty' },
    ]);
  });

  it('says which plain values joined or left a list, and nothing for an unchanged document', () => {
    expect(describeConfigChanges({ tiers: ['bronze'] }, { tiers: ['bronze', 'silver'] })).toEqual([
      { kind: 'added', path: 'tiers', after: 'silver' },
    ]);
    expect(describeConfigChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
