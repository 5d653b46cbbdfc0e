// The credit memo as a document, read back the way the return label's test reads it: the text each
// TJ operator of the uncompressed PDF draws — the number, every line's SKU and the totals.
import { describe, expect, it } from 'vitest';
import type { CreditMemo } from '../../contracts/settlement.js';
import { printable, renderCreditMemoPdf } from './credit-memo-pdf.js';

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads the document as Latin-1); undefined codes stay as they are.
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const winAnsi = (bytes: Buffer) =>
  Array.from(bytes, (byte) =>
    byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte),
  ).join('');

/** The text each TJ operator of the (uncompressed) pages draws: PDFKit writes it as hex, split at kerning. */
function drawnText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)].map((match) =>
    [...match[1]!.matchAll(/<([0-9a-f]*)>/g)].map((hex) => winAnsi(Buffer.from(hex[1]!, 'hex'))).join(''),
  );
}

const line = (overrides: Partial<CreditMemo['lines'][number]>): CreditMemo['lines'][number] => ({
  id: 'cml_1',
  rmaLineId: 'rml_1',
  orderLineId: 'sol_1',
  inspectionId: 'ins_1',
  basis: 'inspection',
  reserve: null,
  productId: 'prd_1',
  productSku: 'DRL-18V',
  quantity: 2,
  unitPriceMinor: 10_000,
  priceMinor: 20_000,
  taxMinor: 1_600,
  restockingFeeMinor: 3_000,
  deductionMinor: 0,
  totalMinor: 18_600,
  explanation: "2 × 10000 = 20000; tax 1600; restocking fee 15 % (customer's fault) −3000",
  ...overrides,
});

const MEMO: CreditMemo = {
  id: 'cm_01',
  creditMemoNumber: 'CM-0000042',
  rmaId: 'rma_01',
  rmaNumber: 'RMA-000123',
  customerId: 'cus_01',
  customerName: 'Acme Hardware & Supply Co.',
  legalEntityId: 'le_01',
  currency: 'USD',
  status: 'issued',
  priceMinor: 125_000,
  taxMinor: 9_600,
  restockingFeeMinor: 3_000,
  deductionMinor: 42_000,
  totalMinor: 89_600,
  needsFinanceApproval: false,
  policyVersion: 1,
  createdAt: '2026-11-25T09:00:00.000Z',
  approvedAt: '2026-11-25T12:00:00.000Z',
  approvedBy: 'manager@test.local',
  issuedAt: '2026-11-26T10:00:00.000Z',
  issuedBy: 'finance@test.local',
  issueEntryId: 'je_01',
  appliedAt: null,
  voidedAt: null,
  voidReason: null,
  version: 4,
  lines: [
    line({}),
    line({
      id: 'cml_2',
      inspectionId: 'ins_2',
      productId: 'prd_2',
      productSku: 'SAW-7IN',
      quantity: 3,
      unitPriceMinor: 35_000,
      priceMinor: 105_000,
      taxMinor: 8_000,
      restockingFeeMinor: 0,
      deductionMinor: 42_000,
      totalMinor: 71_000,
      explanation: '3 × 35000 = 105000; tax 8000; deduction 40 % (claim contradicted, found grade C) −42000',
    }),
  ],
};

const ISSUER = { name: 'Boomerang Distribution Inc.', code: 'LE-US' };

describe('renderCreditMemoPdf', () => {
  it('draws the memo number, each line’s SKU and amounts, and the total credited', async () => {
    const pdf = await renderCreditMemoPdf({ memo: MEMO, issuer: ISSUER }, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = drawnText(pdf);
    expect(text).toContain('Credit memo CM-0000042');
    expect(text).toContain('Boomerang Distribution Inc. (LE-US)');
    expect(text).toContain('Acme Hardware & Supply Co.');
    expect(text).toContain('Return RMA-000123');
    expect(text).toContain('Issued: 2026-11-26    Status: issued');
    expect(text).toEqual(expect.arrayContaining(['DRL-18V', 'SAW-7IN']));
    // Line amounts: price, tax, fee and deduction (negative), the line's credit.
    expect(text).toEqual(expect.arrayContaining(['USD 200.00', 'USD 16.00', 'USD -30.00', 'USD 186.00']));
    expect(text).toEqual(expect.arrayContaining(['USD 1,050.00', 'USD 80.00', 'USD -420.00', 'USD 710.00']));
    // The totals, each label with its amount.
    expect(text).toEqual(
      expect.arrayContaining([
        'Total credited',
        'USD 896.00',
        'Tax given back',
        'USD 96.00',
        'Deduction (inspection)',
        'USD -420.00',
      ]),
    );
    // How each line was computed, in words the standard font can print (the minus sign as a hyphen).
    const words = text.join(' ');
    expect(words).toContain("2 × 10000 = 20000; tax 1600; restocking fee 15 % (customer's fault) -3000");
    expect(words).toContain('deduction 40 % (claim contradicted, found grade C) -42000');
    expect(pdf.toString('latin1')).not.toContain('2212');
  });

  it('prints names in other scripts folded to what the standard font has, never as stray bytes', async () => {
    const memo = { ...MEMO, customerName: 'Škoda Müller – Łódź 東京' };
    const text = drawnText(await renderCreditMemoPdf({ memo, issuer: ISSUER }, { compress: false }));
    expect(text).toContain('Škoda Müller – ?ódz ??');
    expect(printable('Crème brûlée\t−5 ✓')).toBe('Crème brûlée -5 ?');
    expect(printable('Őrség')).toBe('Orség');
  });

  it('names a draft by its id until it is numbered', async () => {
    const draft = { ...MEMO, creditMemoNumber: null, status: 'draft' as const, issuedAt: null };
    const text = drawnText(await renderCreditMemoPdf({ memo: draft, issuer: ISSUER }, { compress: false }));
    expect(text).toContain('Credit memo draft cm_01');
    expect(text).toContain('Issued: not issued    Status: draft');
  });

  it('gives the same bytes for the same memo (the creation date is the issue time)', async () => {
    const once = await renderCreditMemoPdf({ memo: MEMO, issuer: ISSUER });
    const again = await renderCreditMemoPdf({ memo: MEMO, issuer: ISSUER });
    expect(again.equals(once)).toBe(true);
  });
});
