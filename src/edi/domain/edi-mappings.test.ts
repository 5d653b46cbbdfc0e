// The 180/997/812 mappings, pure: what a 180 asks for, how the partner's codes become ours (and
// what is refused, with which RDR03), what we write back and that it reads back the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseX12, writeX12, type Segment, type TransactionSet } from '../x12/index.js';
import { readReturnRequest180 } from './inbound-180.js';
import { DEFAULT_PARTNER_MAPPINGS, itemReferenceOf, mapReturnRequestLines } from './map-return-request.js';
import { returnAuthorization180, type AnsweredLine } from './return-authorization-180.js';
import { acknowledgment997 } from './acknowledgment-997.js';
import { adjustment812, impliedTwoDecimals, toDecimal } from './adjustment-812.js';
import { clean, envelope, OUTBOUND_DELIMITERS } from './outbound-envelope.js';
import { chooseOrderLine } from './choose-order-line.js';
import { responseReasonOfCheck } from './x12-codes.js';

const set = (body: Segment[]): TransactionSet => ({
  code: '180',
  controlNumber: '0001',
  startIndex: 0,
  segments: [
    { id: 'ST', elements: ['180', '0001'] },
    ...body,
    { id: 'SE', elements: [String(body.length + 2), '0001'] },
  ],
  trailer: { id: 'SE', elements: [String(body.length + 2), '0001'] },
});

const parties = {
  senderQualifier: 'ZZ',
  senderId: 'BOOMERANG',
  senderGroupId: 'BOOMERANG',
  receiverQualifier: '01',
  receiverId: '007061617',
  receiverGroupId: '007061617',
  version: '004010',
  usage: 'P' as const,
};

describe('reading a 180', () => {
  it('header PO and RDR apply to lines that have none of their own; NTEs become the note', () => {
    const { request, problems } = readReturnRequest180(
      set([
        { id: 'BGN', elements: ['00', 'REF-9', '20261126'] },
        { id: 'RDR', elements: ['CR', 'DR'] },
        { id: 'PRF', elements: ['PO-1'] },
        { id: 'NTE', elements: ['ADD', 'two boxes'] },
        { id: 'BLI', elements: ['VN', 'SKU-1', '3', 'EA', 'UCP', '12.50'] },
        { id: 'PID', elements: ['F', '', '', '', 'Drill'] },
        { id: 'N9', elements: ['SE', 'SN-1'] },
        { id: 'N9', elements: ['SE', 'SN-2'] },
        { id: 'N9', elements: ['LT', 'LOT-7'] },
        { id: 'BLI', elements: ['UP', '012345678905', '1', 'EA'] },
        { id: 'RDR', elements: ['MW', 'DM'] },
        { id: 'PRF', elements: ['PO-2'] },
      ]),
    );
    expect(problems).toEqual([]);
    expect(request).toMatchObject({ purpose: '00', reference: 'REF-9', poNumber: 'PO-1', note: 'two boxes' });
    expect(request.lines).toEqual([
      expect.objectContaining({
        lineIndex: 0,
        itemId: 'SKU-1',
        quantity: 3,
        unitPrice: 12.5,
        poNumber: 'PO-1',
        disposition: 'CR',
        reason: 'DR',
        description: 'Drill',
      }),
      expect.objectContaining({ lineIndex: 1, itemQualifier: 'UP', poNumber: 'PO-2', disposition: 'MW', reason: 'DM' }),
    ]);
  });

  it('names what is missing or wrong', () => {
    const { problems } = readReturnRequest180(
      set([
        { id: 'BLI', elements: ['VN', 'SKU-1', '2.5', 'EA'] },
        { id: 'BLI', elements: ['', '', '0', 'EA'] },
      ]),
    );
    expect(problems).toEqual([
      'transaction set 0001: BGN is missing',
      'line 1 (BLI): BLI03 "2.5" is not a whole quantity of at least 1',
      'line 2 (BLI): BLI01 and BLI02 must name the item',
      'line 2 (BLI): BLI03 "0" is not a whole quantity of at least 1',
    ]);
    expect(readReturnRequest180(set([{ id: 'BGN', elements: ['00', 'R'] }])).problems).toEqual([
      'transaction set 0001: no BLI line',
    ]);
  });
});

describe("mapping a partner's codes", () => {
  const line = (overrides: Record<string, unknown> = {}) => ({
    lineIndex: 0,
    itemQualifier: 'VN',
    itemId: 'SKU-1',
    quantity: 2,
    unit: 'EA',
    unitPrice: null,
    poNumber: 'PO-1',
    disposition: 'CR',
    reason: 'DR',
    description: '',
    note: '',
    serials: [],
    lots: [],
    ...overrides,
  });

  it('maps through the tables, and refuses what they do not know with the code spelt out', () => {
    const { mapped, refused } = mapReturnRequestLines(
      [
        line(),
        line({ lineIndex: 1, disposition: 'KA' }),
        line({ lineIndex: 2, reason: 'EW' }),
        line({ lineIndex: 3, itemQualifier: 'IN', itemId: 'X' }),
        line({ lineIndex: 4, unit: 'CA' }),
        line({ lineIndex: 5, poNumber: null }),
      ],
      DEFAULT_PARTNER_MAPPINGS,
    );
    expect(mapped).toEqual([
      expect.objectContaining({
        lineIndex: 0,
        item: { kind: 'sku', code: 'SKU-1' },
        returnType: 'standard',
        reasonCode: 'DEFECTIVE',
        claimedCondition: 'defective',
      }),
    ]);
    expect(refused.map((r) => [r.lineIndex, r.responseReason])).toEqual([
      [1, 'MI'],
      [2, 'MI'],
      [3, 'UI'],
      [4, 'QD'],
      [5, 'NR'],
    ]);
    expect(refused[0]!.message).toBe(
      'line 2: RDR01 KA (keep with an allowance) is not a return we take from this partner',
    );
  });

  it('a cross-reference names our SKU; an unknown partner number names nothing', () => {
    const mappings = {
      ...DEFAULT_PARTNER_MAPPINGS,
      items: { qualifiers: { IN: 'cross_reference' as const }, crossReference: { '123': 'SKU-9' } },
    };
    expect(itemReferenceOf({ itemQualifier: 'IN', itemId: '123' }, mappings)).toEqual({ kind: 'sku', code: 'SKU-9' });
    expect(itemReferenceOf({ itemQualifier: 'IN', itemId: '124' }, mappings)).toBeNull();
    expect(itemReferenceOf({ itemQualifier: 'VN', itemId: '123' }, mappings)).toBeNull();
  });

  it('our refusals in RDR03 terms', () => {
    expect(responseReasonOfCheck('return_window')).toBe('RT');
    expect(responseReasonOfCheck('quantity_returnable')).toBe('QD');
    expect(responseReasonOfCheck('order_line_not_found')).toBe('NR');
    expect(responseReasonOfCheck('anything_else')).toBe('MI');
  });
});

describe('choosing the order line a partner line returns', () => {
  const lines = [
    { orderLineId: 'a', productId: 'p', returnable: 2 },
    { orderLineId: 'b', productId: 'p', returnable: 5 },
    { orderLineId: 'c', productId: 'q', returnable: 9 },
  ];
  it('the one with room and the most left; else the most left; none for another product', () => {
    expect(chooseOrderLine(lines, ['p'], 2)?.orderLineId).toBe('b');
    expect(chooseOrderLine(lines, ['p'], 6)?.orderLineId).toBe('b');
    expect(chooseOrderLine(lines, ['r'], 1)).toBeNull();
  });
});

describe('what we write', () => {
  const answered = (overrides: Partial<AnsweredLine> = {}): AnsweredLine => ({
    itemQualifier: 'VN',
    itemId: 'SKU-1',
    quantity: 2,
    unit: 'EA',
    poNumber: 'PO-1',
    answer: 'authorized',
    reason: 'DR',
    responseReason: null,
    message: '',
    ...overrides,
  });

  it('an answering 180 reads back to the same lines, and an envelope parses with no problem', () => {
    const body = returnAuthorization180({
      purpose: '11',
      reference: 'REF*9~',
      rmaNumber: 'RMA-0000001',
      date: '20261126',
      time: '1000',
      poNumber: null,
      lines: [answered(), answered({ answer: 'refused', responseReason: 'QD', message: 'line 2: only 1 left' })],
    });
    const text = writeX12(
      envelope(parties, [{ code: '180', body }], { date: '20261126', time: '1000' }, 42),
      OUTBOUND_DELIMITERS,
    );
    const parsed = parseX12(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.segments[0]!.elements[12]).toBe('000000042');
    expect(parsed.segments[0]!.elements[5]).toHaveLength(15);
    const [read] = parsed.interchanges[0]!.groups[0]!.transactionSets;
    const { request } = readReturnRequest180(read!);
    expect(request.reference).toBe('REF 9');
    expect(request.lines.map((l) => [l.disposition, l.reason, l.quantity])).toEqual([
      ['RA', 'DR', 2],
      ['RD', null, 2],
    ]);
    expect(read!.segments.find((s) => s.id === 'N9')?.elements).toEqual(['RZ', 'RMA-0000001']);
  });

  it('a 997 accepts, partly accepts or rejects', () => {
    const sets = [
      { code: '180', controlNumber: '1', errors: [], setErrorCode: null },
      { code: '180', controlNumber: '2', errors: [], setErrorCode: '4' },
    ];
    const ak9 = (segments: Segment[]) => segments.find((s) => s.id === 'AK9')!.elements;
    expect(
      ak9(acknowledgment997({ functionalId: 'AN', controlNumber: '7', declaredSets: 2, sets, groupErrorCode: null })),
    ).toEqual(['P', '2', '2', '1']);
    expect(
      ak9(
        acknowledgment997({
          functionalId: 'AN',
          controlNumber: '7',
          declaredSets: 1,
          sets: [sets[0]!],
          groupErrorCode: null,
        }),
      ),
    ).toEqual(['A', '1', '1', '1']);
    expect(
      ak9(acknowledgment997({ functionalId: 'AN', controlNumber: '7', declaredSets: 3, sets, groupErrorCode: '5' })),
    ).toEqual(['R', '3', '2', '1', '5']);
  });

  it("an 812 in the currency's own decimals, CDD04 with two implied", () => {
    const body = adjustment812({
      number: 'CM-0000001',
      date: '20261126',
      creditOrDebit: 'C',
      totalMinor: 12_345,
      currency: 'USD',
      minorUnits: 2,
      poNumber: 'PO-1',
      references: [{ qualifier: 'RZ', value: 'RMA-1' }],
      parties: [{ code: 'BY', name: 'Acme*Retail' }],
      lines: [
        {
          reasonCode: '72',
          creditOrDebit: 'C',
          lineId: '1',
          amountMinor: 12_345,
          quantity: 3,
          unitPriceMinor: 4_115,
          itemQualifier: 'VN',
          itemId: 'SKU-1',
        },
      ],
    });
    expect(body.find((s) => s.id === 'BCD')!.elements).toEqual([
      '20261126',
      'CM-0000001',
      'I',
      '123.45',
      'C',
      '',
      '',
      '',
      '',
      'PO-1',
      '00',
    ]);
    expect(body.find((s) => s.id === 'N1')!.elements).toEqual(['BY', 'Acme Retail']);
    expect(body.find((s) => s.id === 'CDD')!.elements.slice(0, 11)).toEqual([
      '72',
      'C',
      '1',
      '12345',
      'Y',
      '',
      '3',
      'EA',
      '',
      'UCP',
      '41.15',
    ]);
    expect(toDecimal(-5, 2)).toBe('-0.05');
    expect(toDecimal(1234, 0)).toBe('1234');
    expect(impliedTwoDecimals(1234, 0)).toBe('123400');
    expect(impliedTwoDecimals(12_345, 3)).toBe('1235');
  });

  it('no text of ours can end an element or a segment early (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const cleaned = clean(text);
        expect(cleaned).not.toMatch(/[*~:^>|\r\n]/);
        expect(cleaned.length).toBeLessThanOrEqual(80);
      }),
    );
  });

  it('an envelope refuses mixed functional groups', () => {
    expect(() => envelope(parties, [], { date: '20261126', time: '1000' }, 1)).toThrow();
    expect(() =>
      envelope(
        parties,
        [
          { code: '180', body: [] },
          { code: '812', body: [] },
        ],
        { date: '20261126', time: '1000' },
        1,
      ),
    ).toThrow(/one kind/);
  });
});
