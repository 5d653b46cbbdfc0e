// The return's progress under random, partial and mixed outcomes: every unit is counted exactly
// once, the whole return agrees with its lines, and more facts never move a stage backwards.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROGRESS_STAGES, type ProgressStage } from '../../contracts/returns-vocabulary.js';
import {
  countUnits,
  deriveLineProgress,
  deriveReturnProgress,
  InconsistentFactsError,
  type LineFacts,
  type ProgressUnits,
} from './return-progress.js';

const CODES = ['restock', 'refurbish', 'repair', 'return_to_vendor', 'scrap'] as const;
const rank = (stage: ProgressStage) => PROGRESS_STAGES.indexOf(stage);

/** A line with facts a real pipeline could produce: each stage takes from what the previous one has. */
const line = fc
  .record({
    quantity: fc.integer({ min: 1, max: 12 }),
    shipped: fc.nat({ max: 14 }),
    receivedShare: fc.nat({ max: 100 }),
    inspectedShare: fc.nat({ max: 100 }),
    dispositions: fc.array(fc.record({ code: fc.constantFrom(...CODES), share: fc.nat({ max: 100 }) }), {
      maxLength: 4,
    }),
    settledShare: fc.nat({ max: 100 }),
  })
  .map(({ quantity, shipped, receivedShare, inspectedShare, dispositions, settledShare }) => {
    const received = Math.floor((shipped * receivedShare) / 100);
    const inspected = Math.floor((received * inspectedShare) / 100);
    const dispositioned: Record<string, number> = {};
    let left = inspected;
    for (const d of dispositions) {
      const n = Math.floor((left * d.share) / 100);
      dispositioned[d.code] = (dispositioned[d.code] ?? 0) + n;
      left -= n;
    }
    const total = Math.max(quantity, shipped);
    const facts: LineFacts = {
      inTransit: shipped - received,
      received,
      inspected,
      dispositioned,
      settled: Math.floor((total * settledShare) / 100),
    };
    return { quantity, facts };
  });

function bucketSum(units: ProgressUnits): number {
  const dispositioned = Object.values(units.dispositioned).reduce((a, b) => a + b, 0);
  return units.expected + units.inTransit + units.awaitingInspection + units.awaitingDisposition + dispositioned;
}

/** One more thing happening to one unit: shipped, received, inspected, dispositioned or settled. */
function advance(facts: LineFacts, quantity: number, step: number, code: string): LineFacts {
  const units = countUnits(quantity, facts);
  const options: Array<() => LineFacts> = [];
  if (units.expected > 0) options.push(() => ({ ...facts, inTransit: facts.inTransit + 1 }));
  if (facts.inTransit > 0)
    options.push(() => ({ ...facts, inTransit: facts.inTransit - 1, received: facts.received + 1 }));
  if (units.awaitingInspection > 0) options.push(() => ({ ...facts, inspected: facts.inspected + 1 }));
  if (units.awaitingDisposition > 0)
    options.push(() => ({
      ...facts,
      dispositioned: { ...facts.dispositioned, [code]: (facts.dispositioned[code] ?? 0) + 1 },
    }));
  if (facts.settled < units.total) options.push(() => ({ ...facts, settled: facts.settled + 1 }));
  return options.length === 0 ? facts : options[step % options.length]!();
}

describe('return progress (property)', () => {
  it('counts every unit of a line exactly once, in buckets that are never negative', () => {
    fc.assert(
      fc.property(line, ({ quantity, facts }) => {
        const units = countUnits(quantity, facts);
        expect(units.total).toBe(Math.max(quantity, facts.inTransit + facts.received));
        expect(bucketSum(units)).toBe(units.total);
        for (const n of [units.expected, units.inTransit, units.awaitingInspection, units.awaitingDisposition])
          expect(n).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('makes the whole return the sum of its lines, staged between its least and most advanced line', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const { progress, lines: perLine } = deriveReturnProgress('authorized', lines);
        expect(progress.units.total).toBe(perLine.reduce((s, l) => s + l.units.total, 0));
        expect(progress.units.settled).toBe(perLine.reduce((s, l) => s + l.units.settled, 0));
        expect(bucketSum(progress.units)).toBe(progress.units.total);
        for (const code of CODES)
          expect(progress.units.dispositioned[code] ?? 0).toBe(
            perLine.reduce((s, l) => s + (l.units.dispositioned[code] ?? 0), 0),
          );
        const ranks = perLine.map((l) => rank(l.stage));
        expect(rank(progress.stage)).toBeGreaterThanOrEqual(Math.min(...ranks));
        expect(rank(progress.stage)).toBeLessThanOrEqual(Math.max(...ranks));
        if (new Set(ranks).size === 1) expect(progress.stage).toBe(perLine[0]!.stage);
        expect(progress.stage === 'complete').toBe(perLine.every((l) => l.stage === 'complete'));
      }),
      { numRuns: 1000 },
    );
  });

  it('never moves a line or the return backwards as facts accumulate', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ line: fc.nat(), step: fc.nat(), code: fc.constantFrom(...CODES) }), { maxLength: 60 }),
        (start, events) => {
          const lines = start.map((l) => ({ ...l }));
          let before = deriveReturnProgress('authorized', lines);
          for (const event of events) {
            const target = lines[event.line % lines.length]!;
            target.facts = advance(target.facts, target.quantity, event.step, event.code);
            const after = deriveReturnProgress('authorized', lines);
            expect(rank(after.progress.stage)).toBeGreaterThanOrEqual(rank(before.progress.stage));
            after.lines.forEach((l, i) => expect(rank(l.stage)).toBeGreaterThanOrEqual(rank(before.lines[i]!.stage)));
            before = after;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is complete exactly when every unit is dispositioned and settled', () => {
    fc.assert(
      fc.property(line, ({ quantity, facts }) => {
        const { stage, units } = deriveLineProgress('authorized', quantity, facts);
        const isAllDispositioned = Object.values(units.dispositioned).reduce((a, b) => a + b, 0) === units.total;
        expect(stage === 'complete').toBe(isAllDispositioned && units.settled >= units.total);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses facts that contradict each other instead of showing a wrong picture', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 1, max: 5 }), ({ quantity, facts }, extra) => {
        expect(() => countUnits(quantity, { ...facts, inspected: facts.received + extra })).toThrow(
          InconsistentFactsError,
        );
        expect(() =>
          countUnits(quantity, { ...facts, settled: Math.max(quantity, facts.inTransit + facts.received) + extra }),
        ).toThrow(InconsistentFactsError);
        expect(() => countUnits(quantity, { ...facts, dispositioned: { scrap: facts.inspected + extra } })).toThrow(
          InconsistentFactsError,
        );
      }),
    );
  });
});
