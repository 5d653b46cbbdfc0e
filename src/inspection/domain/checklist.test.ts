import { describe, expect, it } from 'vitest';
import type { InspectionChecklists } from '../../contracts/configuration.js';
import { applyAnswers, checklistFor, unansweredItems } from './checklist.js';

const CHECKLISTS: InspectionChecklists = {
  checklists: [
    {
      category: '*',
      items: [
        { id: 'looks_ok', label: 'Looks fine', kind: 'check', required: true },
        { id: 'manual', label: 'Manual present', kind: 'check', required: false },
      ],
    },
    {
      category: 'Batteries',
      items: [
        { id: 'no_swelling', label: 'No swelling', kind: 'check', required: true },
        { id: 'voltage', label: 'Voltage', kind: 'measurement', unit: 'V', min: 11.5, max: 13, required: true },
        { id: 'weight', label: 'Weight', kind: 'measurement', unit: 'kg', required: false },
      ],
    },
  ],
  defectCodes: [{ code: 'COSMETIC', label: 'Cosmetic', description: '', isActive: true }],
};
const batteries = checklistFor(CHECKLISTS, 'Batteries');

describe('checklistFor', () => {
  it("takes the category's own checklist, else the '*' one", () => {
    expect(batteries.category).toBe('Batteries');
    expect(checklistFor(CHECKLISTS, 'Lighting').category).toBe('*');
    expect(checklistFor(CHECKLISTS, null).category).toBe('*');
  });

  it("falls back to the first when there is no '*' list", () => {
    const onlyBatteries = { ...CHECKLISTS, checklists: [CHECKLISTS.checklists[1]!] };
    expect(checklistFor(onlyBatteries, 'Lighting').category).toBe('Batteries');
  });
});

describe('applyAnswers', () => {
  it('lays the answers over the items, in the checklist order, keeping units and ranges', () => {
    const { results, unknownIds } = applyAnswers(batteries, [
      { id: 'voltage', value: 12.4 },
      { id: 'no_swelling', passed: true },
    ]);
    expect(unknownIds).toEqual([]);
    expect(results).toEqual([
      {
        id: 'no_swelling',
        label: 'No swelling',
        kind: 'check',
        unit: null,
        min: null,
        max: null,
        required: true,
        passed: true,
        value: null,
        outOfRange: false,
      },
      {
        id: 'voltage',
        label: 'Voltage',
        kind: 'measurement',
        unit: 'V',
        min: 11.5,
        max: 13,
        required: true,
        passed: null,
        value: 12.4,
        outOfRange: false,
      },
      expect.objectContaining({ id: 'weight', value: null, outOfRange: false, required: false }),
    ]);
  });

  it('flags a failed check and a measurement outside its range (the bounds themselves are inside)', () => {
    const flagged = (answers: Parameters<typeof applyAnswers>[1]) =>
      applyAnswers(batteries, answers)
        .results.filter((r) => r.outOfRange)
        .map((r) => r.id);
    expect(flagged([{ id: 'no_swelling', passed: false }])).toEqual(['no_swelling']);
    expect(flagged([{ id: 'voltage', value: 11.4 }])).toEqual(['voltage']);
    expect(flagged([{ id: 'voltage', value: 13.1 }])).toEqual(['voltage']);
    expect(flagged([{ id: 'voltage', value: 11.5 }])).toEqual([]);
    expect(flagged([{ id: 'voltage', value: 13 }])).toEqual([]);
    expect(flagged([{ id: 'weight', value: -5 }])).toEqual([]); // no range: anything goes
    expect(flagged([])).toEqual([]); // unanswered is not out of range
  });

  it("reads only the answer of the item's kind: a value for a check, or passed for a measurement, is no answer", () => {
    const { results } = applyAnswers(batteries, [
      { id: 'no_swelling', value: 1 },
      { id: 'voltage', passed: true },
    ]);
    expect(results[0]).toMatchObject({ passed: null, value: null });
    expect(results[1]).toMatchObject({ passed: null, value: null });
    expect(unansweredItems(results).map((r) => r.id)).toEqual(['no_swelling', 'voltage']);
  });

  it('names answers to items not on the checklist', () => {
    const { unknownIds } = applyAnswers(batteries, [
      { id: 'no_swelling', passed: true },
      { id: 'looks_ok', passed: true },
      { id: 'made_up', value: 3 },
    ]);
    expect(unknownIds).toEqual(['looks_ok', 'made_up']);
  });
});

describe('unansweredItems', () => {
  it('lists required items without an answer; optional ones never stop completion', () => {
    const none = applyAnswers(batteries, []).results;
    expect(unansweredItems(none).map((r) => r.id)).toEqual(['no_swelling', 'voltage']);
    const required = applyAnswers(batteries, [
      { id: 'no_swelling', passed: false },
      { id: 'voltage', value: 0 },
    ]).results;
    // A failed check and an out-of-range reading are answers.
    expect(unansweredItems(required)).toEqual([]);
    const cleared = applyAnswers(batteries, [
      { id: 'no_swelling', passed: null },
      { id: 'voltage', value: null },
    ]).results;
    expect(unansweredItems(cleared)).toHaveLength(2);
  });
});
