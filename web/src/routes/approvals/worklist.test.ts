import { describe, expect, it } from 'vitest';
import { describeAge, matchesValueFilter, nextAfter, sortParamOf, summarizeBulk } from './worklist.js';

describe('matchesValueFilter', () => {
  const usd = { currency: 'USD', totalValueMinor: 25_000 };
  const jpy = { currency: 'JPY', totalValueMinor: 25_000 };
  const none = { currency: '', minValue: '', maxValue: '' };

  it('keeps everything when no filter is set', () => {
    expect(matchesValueFilter(usd, none)).toBe(true);
  });

  it('keeps only the chosen currency', () => {
    expect(matchesValueFilter(usd, { ...none, currency: 'EUR' })).toBe(false);
    expect(matchesValueFilter(usd, { ...none, currency: 'USD' })).toBe(true);
  });

  it('reads the range in each currency’s own major units (yen have none after the point)', () => {
    expect(matchesValueFilter(usd, { ...none, minValue: '250' })).toBe(true);
    expect(matchesValueFilter(usd, { ...none, minValue: '250.01' })).toBe(false);
    expect(matchesValueFilter(usd, { ...none, maxValue: '249.99' })).toBe(false);
    expect(matchesValueFilter(jpy, { ...none, minValue: '25000', maxValue: '25000' })).toBe(true);
  });
});

describe('describeAge', () => {
  const created = '2026-12-01T00:00:00Z';
  const at = (iso: string) => Date.parse(iso);
  it('counts minutes, hours, then days and hours', () => {
    expect(describeAge(created, at('2026-12-01T00:45:00Z'))).toBe('45 min');
    expect(describeAge(created, at('2026-12-01T05:10:00Z'))).toBe('5 h');
    expect(describeAge(created, at('2026-12-04T04:00:00Z'))).toBe('3 d 4 h');
    expect(describeAge(created, at('2026-12-03T00:00:00Z'))).toBe('2 d');
    expect(describeAge(created, at('2026-11-30T00:00:00Z'))).toBe('0 min');
  });
});

describe('nextAfter', () => {
  it('moves to the following item, wraps to the first other one, and ends with none', () => {
    expect(nextAfter(['a', 'b', 'c'], 'b')).toBe('c');
    expect(nextAfter(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextAfter(['a', 'b'], 'x')).toBe('a');
    expect(nextAfter(['a'], 'a')).toBeNull();
  });
});

describe('sortParamOf', () => {
  it('defaults to oldest first', () => {
    expect(sortParamOf('value')).toBe('-value');
    expect(sortParamOf('whatever')).toBe('created');
  });
});

describe('summarizeBulk', () => {
  it('counts what was approved and what was not', () => {
    const ok = { rmaId: 'r1', rmaNumber: 'RMA-1', kind: 'approved' as const };
    const failed = { rmaId: 'r2', rmaNumber: 'RMA-2', kind: 'failed' as const, message: 'changed' };
    expect(summarizeBulk([ok, ok])).toBe('2 of 2 approved.');
    expect(summarizeBulk([ok, failed])).toBe('1 of 2 approved; 1 not approved (see below).');
  });
});
