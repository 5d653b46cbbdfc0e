import { describe, expect, it } from 'vitest';
import { buildOutcomeBody, EMPTY_OUTCOME_DRAFT, validateOutcomeDraft } from './outcome-draft.js';

describe("a repair partner's outcome report", () => {
  it('asks for the outcome and the cost before anything is sent', () => {
    expect(validateOutcomeDraft(EMPTY_OUTCOME_DRAFT, 'USD')).toEqual({
      outcome: expect.any(String),
      actualCostMinor: expect.stringContaining('USD'),
    });
    expect(buildOutcomeBody(EMPTY_OUTCOME_DRAFT, 'USD')).toBeNull();
  });

  it('sends a repaired unit with its grade and the cost in minor units of the currency', () => {
    const draft = { outcome: 'repaired' as const, grade: 'A' as const, cost: '27.5', note: ' PSU replaced ' };
    expect(buildOutcomeBody(draft, 'USD')).toEqual({
      outcome: 'repaired',
      grade: 'A',
      actualCostMinor: 2750,
      note: 'PSU replaced',
    });
    expect(buildOutcomeBody({ ...draft, cost: '2750' }, 'JPY')).toMatchObject({ actualCostMinor: 2750 });
  });

  it('sends no grade for a unit beyond repair, and wants the reason', () => {
    const draft = { outcome: 'beyond_repair' as const, grade: 'B' as const, cost: '0', note: '' };
    expect(validateOutcomeDraft(draft, 'GBP')).toEqual({ note: expect.any(String) });
    expect(buildOutcomeBody({ ...draft, note: 'Board cracked' }, 'GBP')).toEqual({
      outcome: 'beyond_repair',
      actualCostMinor: 0,
      note: 'Board cracked',
    });
  });

  it('refuses amounts that are not money', () => {
    for (const cost of ['-5', '1.234', 'abc', '1e3'])
      expect(validateOutcomeDraft({ ...EMPTY_OUTCOME_DRAFT, outcome: 'repaired', cost }, 'USD')).toHaveProperty(
        'actualCostMinor',
      );
  });
});
