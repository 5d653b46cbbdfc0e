import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareQueueOrder, priorityOf, slaStateOf, type QueueEntry, type SlaState } from './queue-priority.js';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

/** A unit received `age` hours ago with a `sla`-hour SLA: by default €120, bronze, not regulated. */
function entry(overrides: Partial<QueueEntry> & { age?: number; sla?: number } = {}): QueueEntry {
  const { age = 1, sla = 48, ...rest } = overrides;
  const receivedAt = hoursAgo(age);
  return {
    isRegulated: false,
    valueAtRiskMinor: 12_000,
    minorPerMajor: 100,
    customerTier: 'bronze',
    receivedAt,
    slaDueAt: new Date(Date.parse(receivedAt) + sla * 3_600_000).toISOString(),
    ...rest,
  };
}

const scoreOf = (e: QueueEntry) => {
  const p = priorityOf(e, NOW);
  return p.priority - (e.isRegulated ? 1_000_000 : 0) - { breached: 2, due_soon: 1, on_time: 0 }[p.slaState] * 10_000;
};

describe('slaStateOf', () => {
  const received = hoursAgo(0);
  it('is on time with a quarter of the SLA or more left, due soon with less, breached once past due', () => {
    // A 48-hour SLA received now: due soon from the 36th hour, breached after the 48th.
    const due = hoursFromNow(48);
    expect(slaStateOf(received, due, NOW)).toBe('on_time');
    expect(slaStateOf(received, due, new Date(NOW.getTime() + 36 * 3_600_000 - 1))).toBe('on_time');
    expect(slaStateOf(received, due, new Date(NOW.getTime() + 36 * 3_600_000))).toBe('on_time');
    expect(slaStateOf(received, due, new Date(NOW.getTime() + 36 * 3_600_000 + 1))).toBe('due_soon');
    expect(slaStateOf(received, due, new Date(NOW.getTime() + 48 * 3_600_000))).toBe('due_soon');
    expect(slaStateOf(received, due, new Date(NOW.getTime() + 48 * 3_600_000 + 1))).toBe('breached');
  });

  it('agrees with the SLA-breaches list: breached exactly when the due time is before now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: -1000, max: 1000 }), (slaHours, minutes) => {
        const due = new Date(NOW.getTime() + minutes * 60_000).toISOString();
        const receivedAt = new Date(Date.parse(due) - slaHours * 3_600_000).toISOString();
        expect(slaStateOf(receivedAt, due, NOW) === 'breached').toBe(due < NOW.toISOString());
      }),
    );
  });
});

describe('priorityOf: the score', () => {
  it('gives 50 points per SLA elapsed, up to 150', () => {
    const base = { valueAtRiskMinor: 0, sla: 10 };
    expect(scoreOf(entry({ ...base, age: 8 }))).toBe(40);
    expect(scoreOf(entry({ ...base, age: 0 }))).toBe(0);
    expect(scoreOf(entry({ ...base, age: 20 }))).toBe(100);
    expect(scoreOf(entry({ ...base, age: 30 }))).toBe(150);
    expect(scoreOf(entry({ ...base, age: 300 }))).toBe(150);
  });

  it('gives 10 points per factor of ten of value in major units (€120 ≈ 21, €12,000 ≈ 41, ¥12,000 as €12,000)', () => {
    const aged = { age: 0 };
    expect(scoreOf(entry({ ...aged, valueAtRiskMinor: 12_000 }))).toBeCloseTo(20.8, 1);
    expect(scoreOf(entry({ ...aged, valueAtRiskMinor: 1_200_000 }))).toBeCloseTo(40.8, 1);
    expect(scoreOf(entry({ ...aged, valueAtRiskMinor: 12_000, minorPerMajor: 1 }))).toBeCloseTo(40.8, 1);
    expect(scoreOf(entry({ ...aged, valueAtRiskMinor: 0 }))).toBe(0);
  });

  it('gives platinum 30, gold 20, silver 10, bronze and unknown tiers 0', () => {
    const plain = { age: 0, valueAtRiskMinor: 0 };
    expect(scoreOf(entry({ ...plain, customerTier: 'platinum' }))).toBe(30);
    expect(scoreOf(entry({ ...plain, customerTier: 'gold' }))).toBe(20);
    expect(scoreOf(entry({ ...plain, customerTier: 'silver' }))).toBe(10);
    expect(scoreOf(entry({ ...plain, customerTier: 'bronze' }))).toBe(0);
    expect(scoreOf(entry({ ...plain, customerTier: 'diamond' }))).toBe(0);
  });

  it('says why, in the order that applies', () => {
    const p = priorityOf(entry({ isRegulated: true, age: 50, sla: 48, customerTier: 'gold' }), NOW);
    expect(p.slaState).toBe('breached');
    expect(p.reasons).toEqual(['regulated goods first', 'SLA breached', '104 % of SLA elapsed', 'gold customer']);
    expect(priorityOf(entry({ age: 40, sla: 48 }), NOW).reasons).toContain('SLA due soon');
  });
});

describe('the queue order (priority descending, then received first)', () => {
  const sorted = (entries: Array<QueueEntry & { id: string }>) =>
    entries
      .map((e) => ({ id: e.id, receivedAt: e.receivedAt, priority: priorityOf(e, NOW).priority }))
      .sort(compareQueueOrder)
      .map((e) => e.id);

  it('puts regulated goods first, whatever their SLA, value or tier', () => {
    const regulated = { ...entry({ isRegulated: true, age: 0, valueAtRiskMinor: 0 }), id: 'regulated' };
    const breached = {
      ...entry({ age: 500, sla: 24, valueAtRiskMinor: 10 ** 12, customerTier: 'platinum' }),
      id: 'breached',
    };
    expect(sorted([breached, regulated])).toEqual(['regulated', 'breached']);
  });

  it('then breached before due soon before on time, whatever the score', () => {
    const onTime = { ...entry({ age: 1, sla: 48, valueAtRiskMinor: 10 ** 14, customerTier: 'platinum' }), id: 'on' };
    const dueSoon = { ...entry({ age: 40, sla: 48, valueAtRiskMinor: 0 }), id: 'soon' };
    const breached = { ...entry({ age: 49, sla: 48, valueAtRiskMinor: 0 }), id: 'late' };
    expect(sorted([onTime, dueSoon, breached])).toEqual(['late', 'soon', 'on']);
  });

  it('then the score: value and tier, then ties by received first, then id', () => {
    const receivedAt = hoursAgo(2);
    const same = { ...entry(), receivedAt, slaDueAt: hoursFromNow(46) };
    const gold = { ...same, customerTier: 'gold', id: 'gold' };
    const rich = { ...same, valueAtRiskMinor: 10_000_000, id: 'rich' };
    const plain = { ...same, id: 'plain' };
    const twin = { ...same, id: 'a-twin' };
    expect(sorted([plain, gold, twin, rich])).toEqual(['rich', 'gold', 'a-twin', 'plain']);
    // Same score, one received a second earlier (the age points round to the same tenth): it goes first.
    const earlier = { ...same, receivedAt: hoursAgo(2 + 1 / 3600), slaDueAt: same.slaDueAt, id: 'z-earlier' };
    expect(priorityOf(earlier, NOW).priority).toBe(priorityOf(plain, NOW).priority);
    expect(sorted([plain, earlier])).toEqual(['z-earlier', 'plain']);
  });

  const arbitraryEntry = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    isRegulated: fc.boolean(),
    valueAtRiskMinor: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    minorPerMajor: fc.constantFrom(1, 100, 1000),
    customerTier: fc.constantFrom('platinum', 'gold', 'silver', 'bronze', 'other'),
    ageMinutes: fc.integer({ min: 0, max: 60 * 24 * 30 }),
    slaHours: fc.integer({ min: 1, max: 24 * 90 }),
  });
  const RANK: Record<SlaState, number> = { breached: 2, due_soon: 1, on_time: 0 };

  it('the priority number sorts exactly as the documented order: regulated, then SLA state, then score, then received', () => {
    fc.assert(
      fc.property(arbitraryEntry, arbitraryEntry, (x, y) => {
        const toEntry = (a: typeof x) => {
          const receivedAt = new Date(NOW.getTime() - a.ageMinutes * 60_000).toISOString();
          const e: QueueEntry = {
            ...a,
            receivedAt,
            slaDueAt: new Date(Date.parse(receivedAt) + a.slaHours * 3_600_000).toISOString(),
          };
          const p = priorityOf(e, NOW);
          return { e, id: a.id, receivedAt, priority: p.priority, state: p.slaState, score: scoreOf(e) };
        };
        const a = toEntry(x);
        const b = toEntry(y);
        // The score stays inside its band, so it can never outweigh the SLA state or regulation.
        for (const s of [a, b]) expect(s.score).toBeGreaterThanOrEqual(0);
        for (const s of [a, b]) expect(s.score).toBeLessThan(10_000);
        const documented =
          Number(b.e.isRegulated) - Number(a.e.isRegulated) ||
          RANK[b.state] - RANK[a.state] ||
          b.score - a.score ||
          a.receivedAt.localeCompare(b.receivedAt) ||
          a.id.localeCompare(b.id);
        expect(Math.sign(compareQueueOrder(a, b))).toBe(Math.sign(documented));
      }),
      { numRuns: 500 },
    );
  });

  it('an older unit of the same kind never ranks below a newer one', () => {
    fc.assert(
      fc.property(arbitraryEntry, fc.integer({ min: 1, max: 60 * 24 * 10 }), (a, older) => {
        const receivedAt = new Date(NOW.getTime() - a.ageMinutes * 60_000).toISOString();
        const young: QueueEntry = {
          ...a,
          receivedAt,
          slaDueAt: new Date(Date.parse(receivedAt) + a.slaHours * 3_600_000).toISOString(),
        };
        const oldReceived = new Date(Date.parse(receivedAt) - older * 60_000).toISOString();
        const old: QueueEntry = {
          ...young,
          receivedAt: oldReceived,
          slaDueAt: new Date(Date.parse(oldReceived) + a.slaHours * 3_600_000).toISOString(),
        };
        const rows = [
          { id: 'young', receivedAt: young.receivedAt, priority: priorityOf(young, NOW).priority },
          { id: 'old', receivedAt: old.receivedAt, priority: priorityOf(old, NOW).priority },
        ].sort(compareQueueOrder);
        expect(rows[0]!.id).toBe('old');
      }),
    );
  });
});
