import { describe, expect, it } from 'vitest';
import { decideUciLine, isoOfUciDate, nonProductKindOf, penceOf, type UciRow } from './uci-mapping.js';
import { matchShipment, type SaleLine } from './uci-import.js';

const row = (overrides: Partial<UciRow>): UciRow => ({
  invoiceNo: '536365',
  stockCode: '85123A',
  description: 'WHITE HANGING HEART T-LIGHT HOLDER',
  quantity: 6,
  invoiceDate: '2010-12-01 08:26:00',
  unitPrice: '2.55',
  customerId: '17850',
  country: 'United Kingdom',
  ...overrides,
});

describe('the UCI mapping', () => {
  it('makes a sales invoice line a sale at whole pence, a guest sale under the guest account', () => {
    expect(decideUciLine(row({}))).toEqual({ kind: 'sale', customerId: '17850', unitPriceMinor: 255, isCharge: false });
    expect(decideUciLine(row({ customerId: '' }))).toMatchObject({ kind: 'sale', customerId: 'UCI-GUEST' });
    expect(decideUciLine(row({ stockCode: 'POST', unitPrice: '18' }))).toMatchObject({
      kind: 'sale',
      unitPriceMinor: 1800,
      isCharge: true,
    });
  });

  it('refuses fractions of a penny and skips guest lines at price 0 (stock found, not sold)', () => {
    expect(decideUciLine(row({ unitPrice: '0.001' }))).toMatchObject({ kind: 'refused', field: 'UnitPrice' });
    expect(decideUciLine(row({ customerId: '', unitPrice: '0.0' }))).toMatchObject({ kind: 'skipped' });
    expect(decideUciLine(row({ unitPrice: '0.0' }))).toMatchObject({ kind: 'sale', unitPriceMinor: 0 });
  });

  it('makes a customer cancellation of a product a return candidate', () => {
    // C536391,22556,PLASTERS IN TIN CIRCUS PARADE ,-12,2010-12-01 10:24:00,1.65,17548
    expect(
      decideUciLine(row({ invoiceNo: 'C536391', stockCode: '22556', quantity: -12, customerId: '17548' })),
    ).toEqual({ kind: 'return_candidate', customerId: '17548', quantity: 12 });
  });

  it('skips fees and price adjustments with what they are, and guest cancellations', () => {
    for (const [code, kind] of [
      ['D', 'discount'],
      ['M', 'manual adjustment'],
      ['POST', 'postage'],
      ['DOT', 'dotcom postage'],
      ['C2', 'carriage'],
      ['BANK CHARGES', 'bank charges'],
      ['AMAZONFEE', 'Amazon fee'],
      ['CRUK', 'CRUK commission'],
      ['PADS', 'pads to match all cushions (a price adjustment)'],
      ['S', 'samples'],
    ]) {
      const decision = decideUciLine(row({ invoiceNo: 'C536379', stockCode: code, quantity: -1 }));
      expect(decision).toEqual({
        kind: 'skipped',
        reason: `price adjustment or fee (${code}: ${kind}): no goods came back`,
      });
    }
    expect(decideUciLine(row({ invoiceNo: 'C537251', quantity: -2, customerId: '' }))).toMatchObject({
      kind: 'skipped',
      reason: expect.stringContaining('guest cancellation'),
    });
    expect(nonProductKindOf('85123A')).toBeNull();
  });

  it('makes damage notes write-offs and other negative adjustments skipped count corrections', () => {
    const adjustment = (description: string) =>
      decideUciLine(row({ invoiceNo: '536589', quantity: -10, unitPrice: '0.0', customerId: '', description }));
    for (const note of ['damaged', 'Wet pallet-thrown away', 'Unsaleable, destroyed.', 'mouldy', 'crushed boxes'])
      expect(adjustment(note)).toEqual({ kind: 'write_off_note', quantity: 10, note });
    for (const note of ['', 'check', '?', 'sold as set on dotcom', 'wrong code', 'lost'])
      expect(adjustment(note)).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('count correction') });
  });

  it('skips bad-debt adjustment invoices', () => {
    expect(decideUciLine(row({ invoiceNo: 'A563185', stockCode: 'B', unitPrice: '11062.06' }))).toMatchObject({
      kind: 'skipped',
    });
  });

  it('reads pence and dates as written', () => {
    expect([penceOf('2.55'), penceOf('0.5'), penceOf('18'), penceOf('0.650'), penceOf('0.001'), penceOf('-1')]).toEqual(
      [255, 50, 1800, 65, null, null],
    );
    expect(isoOfUciDate('2011-12-09 12:50:00')).toBe('2011-12-09T12:50:00.000Z');
    expect(isoOfUciDate('2011-12-09 12:50')).toBe('2011-12-09T12:50:00.000Z');
  });
});

describe('matching a cancellation to a shipment', () => {
  const sale = (at: string, quantity: number, returned = 0): SaleLine => ({
    line: 0,
    orderLineId: `sol_${at}`,
    customer: '17548',
    stockCode: '22556',
    at,
    quantity,
    returned,
  });
  const earlier = sale('2010-12-01T09:00:00.000Z', 24);
  const later = sale('2010-12-05T09:00:00.000Z', 12);
  const after = sale('2010-12-09T09:00:00.000Z', 100);
  const shipments = [earlier, later, after];

  it('takes the latest earlier shipment with enough left, never a later one', () => {
    expect(matchShipment(shipments, { at: '2010-12-06T10:00:00.000Z', quantity: 12 })).toBe(later);
    expect(matchShipment(shipments, { at: '2010-12-06T10:00:00.000Z', quantity: 20 })).toBe(earlier);
  });

  it('falls back to the one with most left, for the step to refuse as more than shipped', () => {
    expect(matchShipment(shipments, { at: '2010-12-06T10:00:00.000Z', quantity: 50 })).toBe(earlier);
    expect(matchShipment(shipments, { at: '2010-11-30T10:00:00.000Z', quantity: 1 })).toBeUndefined();
    expect(matchShipment(undefined, { at: '2010-12-06T10:00:00.000Z', quantity: 1 })).toBeUndefined();
  });

  it('does not give one order line to two lines of a cancellation', () => {
    expect(matchShipment(shipments, { at: '2010-12-06T10:00:00.000Z', quantity: 6 }, new Set([later]))).toBe(earlier);
  });
});
