import { describe, expect, it } from 'vitest';
import { summarizeAuditEvent } from './timeline-summary.js';

describe('timeline sentences', () => {
  it('quotes a decision comment', () => {
    expect(summarizeAuditEvent('rma.rejected', { status: 'rejected', comment: 'outside contract' })).toBe(
      'Rejected — “outside contract”',
    );
  });
  it('lists routing reasons', () => {
    expect(summarizeAuditEvent('rma.routed_for_approval', { reasons: ['value above limit', 'bronze tier'] })).toBe(
      'Sent for approval: value above limit; bronze tier',
    );
  });
  it('says where goods were received and how many units', () => {
    expect(
      summarizeAuditEvent('receipt.recorded', { siteCode: 'US-DAL', lines: [{ quantity: 2 }, { quantity: 1 }] }),
    ).toBe('Goods received at US-DAL: 3 units');
  });
  it('falls back to a readable form of unknown actions', () => {
    expect(summarizeAuditEvent('shipment.label_printed', null)).toBe('shipment: label printed');
  });
});
