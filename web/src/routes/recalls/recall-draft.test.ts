import { describe, expect, it } from 'vitest';
import { buildRecall, lotsOf, validateRecall } from './recall-draft.js';

describe('recall draft', () => {
  it('reads lots one per line, or separated by commas, semicolons or spaces, once each', () => {
    expect(lotsOf('L2401-1042\nL2402-1042, L2401-1042;L2403-1042  \n\n')).toEqual([
      'L2401-1042',
      'L2402-1042',
      'L2403-1042',
    ]);
    expect(lotsOf('  \n ,')).toEqual([]);
  });

  it('says what is missing: the product, a lot, the reason; and refuses more than 50 lots', () => {
    expect(validateRecall(buildRecall({ productId: '', lotsText: '', reason: ' ' }))).toEqual({
      productId: expect.any(String),
      lots: expect.any(String),
      reason: expect.any(String),
    });
    const many = Array.from({ length: 51 }, (_, i) => `L${i}`).join('\n');
    expect(validateRecall(buildRecall({ productId: 'prd_1', lotsText: many, reason: 'x' })).lots).toMatch(/51/);
    expect(validateRecall(buildRecall({ productId: 'prd_1', lotsText: 'L1', reason: 'seal failure' }))).toEqual({});
  });
});
