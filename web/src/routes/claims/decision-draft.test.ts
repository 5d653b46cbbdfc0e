import { describe, expect, it } from 'vitest';
import type { SupplierClaimView } from '../../api/supplier-claims.js';
import {
  acceptedTotal,
  buildDecisionBody,
  decisionErrorsFromProblem,
  emptyDecisionDraft,
  validateDecision,
} from './decision-draft.js';

type Claim = Pick<SupplierClaimView, 'currency' | 'claimedMinor' | 'lines'>;
const line = (id: string, claimedMinor: number) => ({ id, claimedMinor }) as SupplierClaimView['lines'][number];
const claim: Claim = { currency: 'EUR', claimedMinor: 15_000, lines: [line('a', 10_000), line('b', 5_000)] };

describe('the supplier’s answer to a claim', () => {
  it('starts with nothing chosen and every line at what was claimed', () => {
    const draft = emptyDecisionDraft(claim);
    expect(draft.amounts).toEqual({ a: '100.00', b: '50.00' });
    expect(validateDecision(draft, claim)).toEqual({ decision: 'Choose the supplier’s answer.' });
  });

  it('accepts in full without a note or amounts', () => {
    const draft = { ...emptyDecisionDraft(claim), decision: 'accept' as const };
    expect(validateDecision(draft, claim)).toEqual({});
    expect(buildDecisionBody(draft, claim)).toEqual({ decision: 'accept', note: '', lines: [] });
  });

  it('asks why for a rejection, and names no amounts', () => {
    const draft = { ...emptyDecisionDraft(claim), decision: 'reject' as const };
    expect(validateDecision(draft, claim)).toEqual({ note: 'Say why the claim is rejected.' });
    const reasoned = { ...draft, note: '  Outside the warranty ' };
    expect(validateDecision(reasoned, claim)).toEqual({});
    expect(buildDecisionBody(reasoned, claim)).toEqual({ decision: 'reject', note: 'Outside the warranty', lines: [] });
  });

  it('checks a partial acceptance line by line: a valid amount, at most the claimed, really partial', () => {
    const base = { ...emptyDecisionDraft(claim), decision: 'partially_accept' as const, note: 'Line b was used' };
    expect(validateDecision(base, claim)).toEqual({
      form: 'These amounts accept the whole claim: accept it in full instead.',
    });
    expect(validateDecision({ ...base, amounts: { a: 'ten', b: '60' } }, claim).lines).toEqual({
      a: 'Enter an amount such as 12.50.',
      b: 'At most the EUR 50.00 claimed.',
    });
    expect(validateDecision({ ...base, amounts: { a: '0', b: '0.00' } }, claim).form).toMatch(/reject the claim/);
    const cut = { ...base, amounts: { a: '100', b: '12.5' } };
    expect(validateDecision(cut, claim)).toEqual({});
    expect(acceptedTotal(cut, claim)).toBe(11_250);
    expect(buildDecisionBody(cut, claim)).toEqual({
      decision: 'partially_accept',
      note: 'Line b was used',
      lines: [
        { lineId: 'a', acceptedMinor: 10_000 },
        { lineId: 'b', acceptedMinor: 1_250 },
      ],
    });
  });

  it('places the server’s refusal beside the note and the line it names', () => {
    expect(
      decisionErrorsFromProblem(
        [
          { path: 'lines.1.acceptedMinor', message: 'at most 5000' },
          { path: 'note', message: 'a reason is required' },
        ],
        'say why',
        claim,
      ),
    ).toEqual({ note: 'A reason is required', lines: { b: 'At most 5000' } });
    expect(
      decisionErrorsFromProblem([{ path: 'lines', message: 'nothing was cut' }], 'accept it instead', claim),
    ).toEqual({ form: 'Accept it instead' });
  });
});
