import { describe, expect, it } from 'vitest';
import type { Customer, Product } from '../../../../src/contracts/masterdata.js';
import {
  buildArrivalSubmission,
  isArrivalDraft,
  lineErrorKey,
  newArrivalDraft,
  validateArrival,
  type ArrivalDraft,
  type ArrivalLineDraft,
} from './arrival-draft.js';

describe('isArrivalDraft', () => {
  it('accepts a draft the form wrote, through JSON as it is kept', () => {
    expect(isArrivalDraft(JSON.parse(JSON.stringify(newArrivalDraft('sit_1', 'UNKNOWN'))))).toBe(true);
  });

  it('refuses what an older or foreign writer left', () => {
    expect(isArrivalDraft(null)).toBe(false);
    expect(isArrivalDraft({ siteId: 's', carrierReference: '', note: '', customer: null })).toBe(false);
    expect(isArrivalDraft({ siteId: 's', carrierReference: '', note: '', customer: null, lines: [{ key: 1 }] })).toBe(
      false,
    );
  });
});

describe('buildArrivalSubmission', () => {
  const customer = { id: 'cus_1', name: 'Acme' } as Customer;
  const product = { id: 'prd_1', sku: 'DRL-1', isSerialized: true, isLotControlled: false } as Product;
  function draftWith(changes: Partial<ArrivalDraft>, line: Partial<ArrivalLineDraft> = {}): ArrivalDraft {
    const draft = newArrivalDraft('site_1', 'UNKNOWN');
    return { ...draft, note: 'a box', ...changes, lines: [{ ...draft.lines[0]!, ...line }] };
  }

  it('opens the return at once for a known customer with catalogue products', () => {
    const submission = buildArrivalSubmission(draftWith({ customer }, { product, serials: 'SN-1\nSN-2' }));
    expect(submission).toMatchObject({
      kind: 'return',
      body: { customerId: 'cus_1', lines: [{ productId: 'prd_1', serials: ['SN-1', 'SN-2'] }] },
    });
  });

  it('makes an arrival to identify when the sender is unknown, without the customer picked before', () => {
    const draft = draftWith({ customer, isSenderUnknown: true, sender: ' J. Smith, Leeds ' }, { product });
    const submission = buildArrivalSubmission(draft);
    expect(submission.kind).toBe('unidentified');
    expect(submission.body).not.toHaveProperty('customerId');
    expect(submission.body).toMatchObject({ sender: 'J. Smith, Leeds', lines: [{ productId: 'prd_1' }] });
    expect(validateArrival(submission, draft)).toEqual({});
  });

  it('describes an uncatalogued line instead of naming a product, and says what is missing', () => {
    const draft = draftWith({ customer }, { product, isUncatalogued: true, description: '', scannedCode: '123' });
    const submission = buildArrivalSubmission(draft);
    expect(submission).toMatchObject({ kind: 'unidentified', body: { customerId: 'cus_1' } });
    expect(submission.body.lines[0]).not.toHaveProperty('productId');
    const errors = validateArrival(submission, draft);
    expect(errors[lineErrorKey(draft.lines[0]!.key, 'description')]).toMatch(/Describe the goods/);
  });

  it('asks for the sender when it is marked unknown but left empty', () => {
    const draft = draftWith({ isSenderUnknown: true }, { product });
    expect(validateArrival(buildArrivalSubmission(draft), draft)['sender']).toMatch(/Describe the sender/);
  });
});
