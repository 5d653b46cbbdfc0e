import { describe, expect, it } from 'vitest';
import { isArrivalDraft, newArrivalDraft } from './arrival-draft.js';

describe('isArrivalDraft', () => {
  it('accepts a draft the form wrote, through JSON as it is kept', () => {
    expect(isArrivalDraft(JSON.parse(JSON.stringify(newArrivalDraft('sit_1', 'UNKNOWN'))))).toBe(true);
  });

  it('refuses what an older or foreign writer left', () => {
    expect(isArrivalDraft(null)).toBe(false);
    expect(isArrivalDraft({ siteId: 's', carrierReference: '', note: '', customer: null })).toBe(false);
    expect(isArrivalDraft({ siteId: 's', carrierReference: '', note: '', customer: null, lines: [{ key: 1 }] })).toBe(
      false,
    );
  });
});
