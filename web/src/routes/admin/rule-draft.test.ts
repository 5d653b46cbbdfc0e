import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPOSITION_RULES } from '../../../../src/configuration/domain/default-disposition-rules.js';
import { checkRules } from '../../../../src/contracts/disposition-rules.js';
import {
  conditionFromDraft,
  conditionToDraft,
  costEstimatesToDrafts,
  moveRow,
  newConditionDraft,
  newRuleDraft,
  percentToBps,
  ruleToDraft,
  rulesDocument,
  withFact,
} from './rule-draft.js';

describe('the disposition rules editor’s drafts', () => {
  it('the shipped rules come back unchanged from the editor when nothing is edited', () => {
    const rules = DEFAULT_DISPOSITION_RULES.rules.map((rule) => ruleToDraft(rule));
    const costs = costEstimatesToDrafts(DEFAULT_DISPOSITION_RULES);
    const document = rulesDocument(rules, costs, DEFAULT_DISPOSITION_RULES.fallback);
    expect(document).toEqual(DEFAULT_DISPOSITION_RULES);
  });

  it('values typed as text become the types the facts need', () => {
    const typed = (fact: string, op: string, value: string) =>
      conditionFromDraft({ ...newConditionDraft(), fact: fact as never, op: op as never, value });
    expect(typed('grade', 'in', 'A, B ,')).toEqual({ fact: 'grade', op: 'in', value: ['A', 'B'] });
    expect(typed('unitValueMinor', 'gte', ' 10000 ')).toEqual({ fact: 'unitValueMinor', op: 'gte', value: 10000 });
    expect(typed('underWarranty', 'eq', 'false')).toEqual({ fact: 'underWarranty', op: 'eq', value: false });
    expect(typed('defectCodes', 'contains', 'CRACKED')).toEqual({
      fact: 'defectCodes',
      op: 'contains',
      value: 'CRACKED',
    });
    expect(typed('regulatedClass', 'not_null', 'left over')).toEqual({ fact: 'regulatedClass', op: 'not_null' });
  });

  it('what is wrong is sent as typed, so checkRules names it at its path', () => {
    const rule = ruleToDraft({
      id: 'r',
      name: 'R',
      code: 'SCRAP',
      explanation: 'x',
      isActive: true,
      when: [
        { fact: 'unitValueMinor', op: 'gt', value: 1 },
        { fact: 'ageDays', op: 'lt', value: 1 },
      ],
    });
    rule.when[0] = { ...rule.when[0]!, value: 'lots' };
    rule.when[1] = { ...rule.when[1]!, value: '' };
    const document = rulesDocument([rule], costEstimatesToDrafts(DEFAULT_DISPOSITION_RULES), {
      code: 'QUARANTINE',
      explanation: 'hold',
    });
    expect(checkRules(document).map((problem) => problem.path)).toEqual([
      'rules.0.when.0.value',
      'rules.0.when.1.value',
    ]);
  });

  it('comparing with another fact keeps the factor; a factor that is not a number is NaN (the schema refuses it)', () => {
    const draft = conditionToDraft({ fact: 'repairCostMinor', op: 'lt', compareToFact: 'unitValueMinor', factor: 0.5 });
    expect(draft).toMatchObject({ compareToFact: 'unitValueMinor', factor: '0.5' });
    expect(conditionFromDraft(draft)).toEqual({
      fact: 'repairCostMinor',
      op: 'lt',
      compareToFact: 'unitValueMinor',
      factor: 0.5,
    });
    expect(conditionFromDraft({ ...draft, factor: 'half' }).factor).toBeNaN();
  });

  it('changing the fact keeps an operator that suits it and clears the value', () => {
    const draft = { ...newConditionDraft(), fact: 'grade' as const, op: 'in' as const, value: 'A, B' };
    expect(withFact(draft, 'category')).toMatchObject({ fact: 'category', op: 'in', value: '' });
    expect(withFact(draft, 'underWarranty')).toMatchObject({ fact: 'underWarranty', op: 'eq', value: '' });
    expect(withFact(draft, 'unitValueMinor')).toMatchObject({ op: 'eq' });
  });

  it('percentages become basis points; anything else is NaN', () => {
    expect(percentToBps('35')).toBe(3500);
    expect(percentToBps('12.5')).toBe(1250);
    expect(percentToBps('1.234')).toBeNaN();
    expect(percentToBps('')).toBeNaN();
  });

  it('rules move one place at a time and stay put at the ends; a new rule gets an unused id', () => {
    const rows = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    expect(moveRow(rows, 'c', -1).map((row) => row.key)).toEqual(['a', 'c', 'b']);
    expect(moveRow(rows, 'a', -1).map((row) => row.key)).toEqual(['a', 'b', 'c']);
    expect(moveRow(rows, 'c', 1).map((row) => row.key)).toEqual(['a', 'b', 'c']);
    const existing = [ruleToDraft({ ...DEFAULT_DISPOSITION_RULES.rules[0]!, id: 'rule-2' })];
    expect(newRuleDraft(existing).id).toBe('rule-3');
  });
});
