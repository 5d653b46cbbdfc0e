import { describe, expect, it } from 'vitest';
import { CreateTradingPartnerBodySchema, TradingPartnerSchema } from '../../../../src/contracts/edi.js';
import {
  buildPartnerBody,
  draftOf,
  EMPTY_PARTNER_DRAFT,
  fieldOfPath,
  validatePartnerDraft,
  type PartnerDraft,
} from './partner-draft.js';

const filled: PartnerDraft = {
  ...EMPTY_PARTNER_DRAFT,
  code: 'ACME-EDI',
  name: ' Acme ',
  customerId: 'cus_1',
  interchangeId: 'ACME',
  groupId: 'ACME',
  ourInterchangeId: 'BOOMERANG',
  ourGroupId: 'BOOMERANG',
  qualifiers: [{ key: 'a', code: 'IN', kind: 'cross_reference' }],
  crossReference: [{ key: 'b', partnerItem: ' 12345 ', sku: 'SKU-1' }],
  reasons: [{ key: 'c', code: 'DR', reasonCode: 'DEFECTIVE', claimedCondition: 'defective' }],
  dispositions: [{ key: 'd', code: 'CR', returnType: 'standard' }],
};

describe('trading-partner draft', () => {
  it('asks for the ids, a known version and sensible mapping rows', () => {
    expect(validatePartnerDraft(EMPTY_PARTNER_DRAFT, true)).toEqual({
      code: 'Up to 40 letters, digits, - and _.',
      name: 'Enter the partner’s name.',
      interchangeId: 'Enter their interchange id (ISA06).',
      groupId: 'Enter their group id (GS02).',
      ourInterchangeId: 'Enter our interchange id (ISA08).',
      ourGroupId: 'Enter our group id (GS03).',
    });
    expect(validatePartnerDraft(filled, true)).toEqual({});
    const errors = validatePartnerDraft(
      {
        ...filled,
        x12Version: '4010',
        inboundDirectory: 'relative/path',
        qualifiers: [{ key: 'a', code: 'IN', kind: 'sku' }],
        reasons: [...filled.reasons, { key: 'e', code: 'DR', reasonCode: '', claimedCondition: 'unopened' }],
      },
      true,
    );
    expect(errors.x12Version).toBe('A version such as 004010 or 005010.');
    expect(errors.inboundDirectory).toMatch(/absolute path/);
    expect(errors.mappings).toContain('The reason code DR is listed twice.');
    expect(errors.mappings).toContain('Each reason needs our reason code.');
    expect(errors.mappings).toContain('Cross-references are read only for an item qualifier');
  });

  it('builds a body the API takes, and reads a saved partner back into the same rows', () => {
    const body = CreateTradingPartnerBodySchema.parse(buildPartnerBody(filled));
    expect(body).toMatchObject({
      name: 'Acme',
      supplierId: null,
      mappings: {
        items: { qualifiers: { IN: 'cross_reference' }, crossReference: { '12345': 'SKU-1' } },
        reasons: { DR: { reasonCode: 'DEFECTIVE', claimedCondition: 'defective' } },
        dispositions: { CR: 'standard' },
      },
    });
    const saved = TradingPartnerSchema.parse({
      ...body,
      id: 'tpr_1',
      customerName: 'Acme',
      supplierName: null,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      version: 1,
    });
    expect(buildPartnerBody(draftOf(saved))).toEqual(body);
  });

  it('puts a server error on the field its path starts with', () => {
    expect(fieldOfPath('mappings.reasons.DR.reasonCode')).toBe('mappings');
    expect(fieldOfPath('interchangeId')).toBe('interchangeId');
    expect(fieldOfPath('somethingElse')).toBeNull();
  });
});
