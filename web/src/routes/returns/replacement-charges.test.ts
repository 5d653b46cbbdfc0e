import { describe, expect, it } from 'vitest';
import type { ReplacementOrderView } from '../../api/replacements.js';
import { formatDate } from '../../ui/dates.js';
import { depositWords, differenceTaxWords, differenceWords } from './replacement-charges.js';

const order = (changes: Partial<ReplacementOrderView>) =>
  ({
    kind: 'advance',
    status: 'requested',
    currency: 'USD',
    depositStatus: 'pending',
    depositMinor: 12_000,
    depositDays: 30,
    depositDueOn: null,
    differenceStatus: 'none',
    differenceMinor: 0,
    differenceTaxMinor: 0,
    ...changes,
  }) as ReplacementOrderView;

describe('what a replacement charges, in words', () => {
  it('tells the deposit from the request on, and its last day once it ships', () => {
    expect(depositWords(order({}))).toBe(
      'Deposit USD 120.00, charged when it ships, released when the return arrives, invoiced if it has not arrived within 30 days of shipping',
    );
    const held = order({ status: 'shipped', depositStatus: 'held', depositDueOn: '2026-12-26' });
    expect(depositWords(held)).toBe(
      `Deposit USD 120.00 charged, released when the return arrives, invoiced if it has not arrived by ${formatDate('2026-12-26')}`,
    );
    expect(depositWords(order({ depositStatus: 'released' }))).toBe('Deposit USD 120.00 released: the return arrived');
    expect(depositWords(order({ status: 'cancelled' }))).toBeNull();
    expect(depositWords(order({ kind: 'replacement', depositStatus: 'none' }))).toBeNull();
  });

  it('tells an exchange’s difference: to invoice or credit, then invoiced or credited', () => {
    const exchange = { kind: 'exchange' as const, depositStatus: 'none' as const, depositMinor: 0 };
    expect(differenceWords(order({ ...exchange, differenceStatus: 'pending', differenceMinor: 5_400 }))).toBe(
      'Price difference USD 54.00, invoiced when it ships',
    );
    const invoiced = order({
      ...exchange,
      differenceStatus: 'invoiced',
      differenceMinor: 1_200,
      differenceTaxMinor: 96,
    });
    expect(differenceWords(invoiced)).toBe('Price difference invoiced: USD 12.00');
    expect(differenceTaxWords(invoiced)).toBe('Tax included: USD 0.96');
    const credited = order({
      ...exchange,
      differenceStatus: 'credited',
      differenceMinor: -1_296,
      differenceTaxMinor: -96,
    });
    expect(differenceWords(credited)).toBe('Price difference credited: USD 12.96');
    expect(differenceTaxWords(credited)).toBe('Tax included: USD 0.96');
    expect(differenceWords(order({ ...exchange }))).toBe('Same price: no difference to invoice or credit');
    expect(differenceTaxWords(order({ ...exchange }))).toBeNull();
    expect(differenceWords(order({}))).toBeNull();
  });
});
