import { describe, expect, it } from 'vitest';
import { parseScan } from './parse-scan.js';
import { hasGs1Data, readGs1File } from './syntax-engine-vectors.test-fixtures.js';

describe('parseScan', () => {
  it('reads bracketed data typed by a person, with expiry as an ISO date', () => {
    const result = parseScan('(01)09520123456788(17)251200(10)LOT7', { referenceYear: 2025 });
    expect(result).toMatchObject({ ok: true, gtin: '09520123456788', lot: 'LOT7', expiry: '2025-12-31' });
  });

  it('reads a Digital Link from a QR code', () => {
    const result = parseScan(']Q1https://id.gs1.org/01/09520123456788/21/SN1', { referenceYear: 2025 });
    expect(result).toMatchObject({ ok: true, symbology: 'QR', gtin: '09520123456788', serial: 'SN1' });
  });

  it('reads an EAN-13 as its GTIN', () => {
    expect(parseScan(']E02112345678900')).toMatchObject({ ok: true, gtin: '02112345678900' });
  });

  it('names the field and the fix when a check digit is wrong', () => {
    const result = parseScan('(01)09520123456789');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.ai).toBe('01');
      expect(result.error.message).toMatch(/\(01\) GTIN has a wrong check digit/);
    }
  });

  it('reads a serial without its GTIN but warns that the label breaks a pairing rule', () => {
    const result = parseScan('(21)SN1');
    expect(result.ok && result.warnings[0]!.message).toMatch(/\(21\) SERIAL needs \(01\)/);
  });

  it('reads what a keyboard wedge types: no identifier, GS between fields, CR at the end', () => {
    expect(parseScan('10ABC\x1d0109520123456788\r\n')).toMatchObject({ ok: true, lot: 'ABC', gtin: '09520123456788' });
  });
});

describe.skipIf(!hasGs1Data)('parseScan on a real scan-wedge capture (ScannedBarcode.txt)', () => {
  it('parses to (01)(17)(10)(3932)(3103)(3922)(421)', () => {
    const result = parseScan(readGs1File('ScannedBarcode.txt'), { referenceYear: 2015 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.elements.map((e) => [e.ai, e.value])).toEqual([
      ['01', '04012345678901'],
      ['17', '150129'],
      ['10', 'ABC123'],
      ['3932', '9714711'],
      ['3103', '000525'],
      ['3922', '4711'],
      ['421', '27649716'],
    ]);
    expect(result).toMatchObject({
      symbology: 'GS1_128_CCA',
      gtin: '04012345678901',
      lot: 'ABC123',
      expiry: '2015-01-29',
    });
    // (3922) and (3932) — price without and with its currency — may not appear together (GS1
    // "ex" rule): the capture is readable, and receiving is told the label breaks the rule.
    expect(result.warnings.map((w) => w.ai)).toEqual(['3922']);
  });
});
