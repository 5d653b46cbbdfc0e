import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecideClaimInput } from '../../contracts/recovery.js';
import { decideClaim, type ClaimLineToDecide } from './claim-decision.js';

const LINES: ClaimLineToDecide[] = [
  { id: 'a', claimedMinor: 10_200 },
  { id: 'b', claimedMinor: 15_300 },
];

const input = (overrides: Partial<DecideClaimInput>): DecideClaimInput => ({
  decision: 'accept',
  note: '',
  lines: [],
  ...overrides,
});

const accepted = (outcome: ReturnType<typeof decideClaim>) => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
  return {
    status: outcome.status,
    acceptedMinor: outcome.acceptedMinor,
    byLine: Object.fromEntries(outcome.acceptedByLine),
  };
};
const refusal = (outcome: ReturnType<typeof decideClaim>) => {
  if (outcome.ok) throw new Error(`accepted as ${outcome.status}`);
  return outcome.errors.map((e) => e.path);
};

describe('decideClaim', () => {
  it('accepts in full: every line at what was claimed, no note needed', () => {
    expect(accepted(decideClaim(LINES, input({ decision: 'accept' })))).toEqual({
      status: 'accepted',
      acceptedMinor: 25_500,
      byLine: { a: 10_200, b: 15_300 },
    });
  });

  it('refuses line amounts on a full acceptance or a rejection', () => {
    expect(
      refusal(decideClaim(LINES, input({ decision: 'accept', lines: [{ lineId: 'a', acceptedMinor: 1 }] }))),
    ).toEqual(['lines']);
    expect(
      refusal(
        decideClaim(LINES, input({ decision: 'reject', note: 'no', lines: [{ lineId: 'a', acceptedMinor: 0 }] })),
      ),
    ).toEqual(['lines']);
  });

  it('rejects with a reason: nothing accepted on any line', () => {
    expect(accepted(decideClaim(LINES, input({ decision: 'reject', note: 'water damage' })))).toEqual({
      status: 'rejected',
      acceptedMinor: 0,
      byLine: { a: 0, b: 0 },
    });
  });

  it('asks why for a rejection or a partial acceptance (a blank note is no reason)', () => {
    expect(refusal(decideClaim(LINES, input({ decision: 'reject' })))).toEqual(['note']);
    expect(refusal(decideClaim(LINES, input({ decision: 'reject', note: '   ' })))).toEqual(['note']);
    expect(
      refusal(decideClaim(LINES, input({ decision: 'partially_accept', lines: [{ lineId: 'a', acceptedMinor: 1 }] }))),
    ).toEqual(['note']);
  });

  it('accepts in part line by line; lines not named are accepted in full', () => {
    expect(
      accepted(
        decideClaim(
          LINES,
          input({ decision: 'partially_accept', note: 'crushed', lines: [{ lineId: 'a', acceptedMinor: 8000 }] }),
        ),
      ),
    ).toEqual({ status: 'partially_accepted', acceptedMinor: 23_300, byLine: { a: 8000, b: 15_300 } });
    // A line may be refused outright while another stands.
    expect(
      accepted(
        decideClaim(
          LINES,
          input({ decision: 'partially_accept', note: 'one is ours', lines: [{ lineId: 'b', acceptedMinor: 0 }] }),
        ),
      ),
    ).toMatchObject({ acceptedMinor: 10_200, byLine: { a: 10_200, b: 0 } });
  });

  it('refuses a line not on the claim, a line named twice, or more than was claimed', () => {
    const partial = (lines: DecideClaimInput['lines']) =>
      refusal(decideClaim(LINES, input({ decision: 'partially_accept', note: 'why', lines })));
    expect(partial([{ lineId: 'z', acceptedMinor: 1 }])).toEqual(['lines.0.lineId']);
    expect(
      partial([
        { lineId: 'a', acceptedMinor: 1 },
        { lineId: 'a', acceptedMinor: 2 },
      ]),
    ).toEqual(['lines.1.lineId']);
    expect(
      partial([
        { lineId: 'a', acceptedMinor: 1 },
        { lineId: 'b', acceptedMinor: 15_301 },
      ]),
    ).toEqual(['lines.1.acceptedMinor']);
  });

  it('refuses a "partial" acceptance that cuts nothing or accepts nothing', () => {
    const partial = (lines: DecideClaimInput['lines']) =>
      decideClaim(LINES, input({ decision: 'partially_accept', note: 'why', lines }));
    expect(refusal(partial([]))).toEqual(['lines']);
    expect(refusal(partial([{ lineId: 'a', acceptedMinor: 10_200 }]))).toEqual(['lines']);
    expect(
      refusal(
        partial([
          { lineId: 'a', acceptedMinor: 0 },
          { lineId: 'b', acceptedMinor: 0 },
        ]),
      ),
    ).toEqual(['lines']);
  });

  it('property: what is accepted never exceeds what was claimed, and the status says what the amounts are', () => {
    const claim = fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('l1', 'l2', 'l3', 'l4', 'l5'),
        claimedMinor: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      { minLength: 1, maxLength: 5, selector: (line) => line.id },
    );
    // Answers drawn mostly from the claim's own lines, with amounts around what each claimed; now
    // and then a line of another claim, a blank note, or amounts where none belong.
    const amountsFor = (lines: ClaimLineToDecide[]): fc.Arbitrary<DecideClaimInput['lines']> =>
      fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.record({ lineId: fc.constant('other'), acceptedMinor: fc.nat(10) }) },
          {
            weight: 9,
            arbitrary: fc.constantFrom(...lines).chain((line) =>
              fc.record({
                lineId: fc.constant(line.id),
                acceptedMinor: fc.oneof(
                  fc.integer({ min: 0, max: line.claimedMinor }),
                  fc.constantFrom(0, line.claimedMinor, line.claimedMinor + 1),
                ),
              }),
            ),
          },
        ),
        { maxLength: 5 },
      );
    const note = fc.constantFrom('', '  ', 'short delivery', 'short delivery', 'short delivery');
    const answerTo = (lines: ClaimLineToDecide[]): fc.Arbitrary<DecideClaimInput> =>
      fc.oneof(
        fc.record({
          decision: fc.constantFrom('accept' as const, 'reject' as const),
          note,
          lines: fc.oneof(
            { weight: 4, arbitrary: fc.constant<DecideClaimInput['lines']>([]) },
            { weight: 1, arbitrary: amountsFor(lines) },
          ),
        }),
        fc.record({ decision: fc.constant('partially_accept' as const), note, lines: amountsFor(lines) }),
      );
    const claimAndAnswer = claim.chain((lines) => fc.tuple(fc.constant(lines), answerTo(lines)));
    fc.assert(
      fc.property(claimAndAnswer, ([lines, decision]) => {
        const outcome = decideClaim(lines, decision);
        const claimed = lines.reduce((sum, line) => sum + line.claimedMinor, 0);
        const overclaimed = decision.lines.some((a) => {
          const line = lines.find((l) => l.id === a.lineId);
          return line !== undefined && a.acceptedMinor > line.claimedMinor;
        });
        if (!outcome.ok) {
          expect(outcome.errors.length).toBeGreaterThan(0);
          expect(outcome.message).not.toBe('');
          return;
        }
        // Refused whenever an amount named exceeds its line's claim.
        expect(overclaimed).toBe(false);
        expect(outcome.status).toBe(
          { accept: 'accepted', partially_accept: 'partially_accepted', reject: 'rejected' }[decision.decision],
        );
        // Every line has an amount, within 0 and its claim, and they add up.
        expect([...outcome.acceptedByLine.keys()].sort()).toEqual(lines.map((l) => l.id).sort());
        for (const line of lines) {
          const amount = outcome.acceptedByLine.get(line.id)!;
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(amount).toBeLessThanOrEqual(line.claimedMinor);
        }
        const total = [...outcome.acceptedByLine.values()].reduce((sum, amount) => sum + amount, 0);
        expect(outcome.acceptedMinor).toBe(total);
        expect(outcome.acceptedMinor).toBeLessThanOrEqual(claimed);
        if (outcome.status === 'accepted') expect(outcome.acceptedMinor).toBe(claimed);
        if (outcome.status === 'rejected') expect(outcome.acceptedMinor).toBe(0);
        if (outcome.status === 'partially_accepted') {
          expect(outcome.acceptedMinor).toBeGreaterThan(0);
          expect(outcome.acceptedMinor).toBeLessThan(claimed);
        }
        // Only a full acceptance goes without a reason.
        if (outcome.status !== 'accepted') expect(decision.note.trim()).not.toBe('');
        // Named line amounts stand as given.
        if (outcome.status === 'partially_accepted')
          for (const a of decision.lines) expect(outcome.acceptedByLine.get(a.lineId)).toBe(a.acceptedMinor);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: an accepted-in-full claim and a rejection are always possible with a reason', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (amounts) => {
        const lines = amounts.map((claimedMinor, i) => ({ id: `l${i}`, claimedMinor }));
        expect(decideClaim(lines, input({ decision: 'accept' })).ok).toBe(true);
        expect(decideClaim(lines, input({ decision: 'reject', note: 'no' })).ok).toBe(true);
      }),
    );
  });
});
