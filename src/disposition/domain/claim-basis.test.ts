import { describe, expect, it } from 'vitest';
import { claimBasisOf } from './claim-basis.js';

describe('claimBasisOf', () => {
  it('claims a warranty return under the warranty', () => {
    expect(claimBasisOf({ returnType: 'warranty' })).toBe('warranty');
  });
  it("claims a supplier's failure within the warranty under the warranty", () => {
    expect(claimBasisOf({ returnType: 'standard', reasonFault: 'supplier', underWarranty: true })).toBe('warranty');
  });
  it("claims under the return terms once the warranty ran out, or when the fault is not the supplier's", () => {
    expect(claimBasisOf({ returnType: 'standard', reasonFault: 'supplier', underWarranty: false })).toBe(
      'return_to_vendor',
    );
    expect(claimBasisOf({ returnType: 'standard', reasonFault: 'customer', underWarranty: true })).toBe(
      'return_to_vendor',
    );
    expect(claimBasisOf({ returnType: 'stock_rotation' })).toBe('return_to_vendor');
  });
});
