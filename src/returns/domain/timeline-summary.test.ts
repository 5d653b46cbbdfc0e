import { describe, expect, it } from 'vitest';
import { summarizeAuditEvent, summarizeForCustomer } from './timeline-summary.js';

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

describe('timeline sentences for customers', () => {
  it('never passes on approval reasons, site codes or an approver’s remarks', () => {
    expect(summarizeForCustomer('rma.routed_for_approval', { reasons: ['value above the limit', 'bronze tier'] })).toBe(
      'Waiting for approval by the returns team',
    );
    expect(summarizeForCustomer('rma.approved', { comment: 'big account, let it through' })).toBe(
      'Approved: the goods can be sent back',
    );
    expect(summarizeForCustomer('receipt.recorded', { siteCode: 'US-DAL', lines: [{ quantity: 2 }] })).toBe(
      'Goods received: 2 units',
    );
  });
  it('says why a return was refused or cancelled, in the words given', () => {
    expect(summarizeForCustomer('rma.rejected', { comment: 'outside contract' })).toBe(
      'Not accepted — “outside contract”',
    );
    expect(summarizeForCustomer('rma.cancelled', { reason: 'found it' })).toBe('Cancelled — “found it”');
  });
  it('leaves out events it has no customer sentence for', () => {
    expect(summarizeForCustomer('shipment.label_printed', null)).toBeNull();
    expect(summarizeForCustomer('rma.internal_note', { note: 'watch this one' })).toBeNull();
  });
  it('says when goods came in but none matched the return, and where a parcel is', () => {
    expect(summarizeAuditEvent('receipt.recorded', { siteCode: 'US-DAL', lines: [] })).toBe(
      'Goods counted at US-DAL: none matched the return (see its receipt exceptions)',
    );
    expect(summarizeForCustomer('receipt.recorded', { lines: [] })).toBe('Goods arrived and are being checked');
    expect(
      summarizeForCustomer('shipment.state_changed', {
        state: 'out_for_delivery',
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
      }),
    ).toBe('Parcel out for delivery: UPS 1Z999AA10123456784');
  });
});
