import { describe, expect, it } from 'vitest';
import { outcomeOfEnter } from './open-on-enter.js';

const answer = (term: string, matches: string[], total = matches.length) => ({ term, matches, total });

describe('outcomeOfEnter', () => {
  it('opens the only match of the look-up for exactly the typed text', () => {
    expect(outcomeOfEnter(' 4006381333931 ', answer('4006381333931', ['ord_1']))).toEqual({
      kind: 'open',
      match: 'ord_1',
    });
  });

  it('waits when the look-up has not answered for this text yet (a scan is faster than the search)', () => {
    expect(outcomeOfEnter('SKU-1', null)).toEqual({ kind: 'wait' });
    expect(outcomeOfEnter('SKU-12', answer('SKU-1', ['a']))).toEqual({ kind: 'wait' });
  });

  it('stays on the results when there are none or several, even if only one is shown', () => {
    expect(outcomeOfEnter('x', answer('x', []))).toEqual({ kind: 'stay' });
    expect(outcomeOfEnter('x', answer('x', ['a', 'b']))).toEqual({ kind: 'stay' });
    expect(outcomeOfEnter('x', answer('x', ['a'], 7))).toEqual({ kind: 'stay' });
  });

  it('does nothing for an empty box', () => {
    expect(outcomeOfEnter('  ', answer('', ['a']))).toEqual({ kind: 'stay' });
  });
});
