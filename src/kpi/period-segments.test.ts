import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodSegments } from './kpi-queries.js';

const months = (from: string, to: string) => {
  const out: string[] = [];
  for (
    let [y, m] = from.split('-').map(Number) as [number, number];
    `${y}-${String(m).padStart(2, '0')}` <= to;
    m === 12 ? ((y += 1), (m = 1)) : (m += 1)
  )
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
};

describe('periodSegments', () => {
  it('reads whole years from their rows and the months around them from theirs', () => {
    expect(periodSegments({ from: '2023-12', to: '2026-11' })).toEqual({
      months: [
        ['2023-12', '2023-12'],
        ['2026-01', '2026-11'],
      ],
      years: ['2024', '2025'],
    });
    expect(periodSegments({ from: '2025-12', to: '2026-11' })).toEqual({ months: [['2025-12', '2026-11']], years: [] });
    expect(periodSegments({ from: '2024-01', to: '2024-12' })).toEqual({ months: [], years: ['2024'] });
  });

  it('covers every month of the range exactly once', () => {
    const month = fc
      .record({ y: fc.integer({ min: 2018, max: 2027 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(month, month, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const { months: ranges, years } = periodSegments({ from, to });
        const covered = [
          ...ranges.flatMap(([f, t]) => months(f, t)),
          ...years.flatMap((y) => months(`${y}-01`, `${y}-12`)),
        ];
        expect(covered.sort()).toEqual(months(from, to));
      }),
    );
  });
});
