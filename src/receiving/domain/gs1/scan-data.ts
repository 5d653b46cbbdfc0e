// What a barcode scanner sends: an AIM symbology identifier ("]C1", "]e0", "]d2", "]Q3", "]E0"…)
// followed by the data, with GS (0x1D) where the symbol holds FNC1. The identifier says whether
// the data is GS1 element strings, a plain string (perhaps a GS1 Digital Link URI) or an EAN/UPC.
import { parseDigitalLink } from './digital-link.js';
import type { DigitalLinkError, DigitalLinkOptions } from './digital-link.js';
import { parseElementString } from './element-string.js';
import type { ElementStringOptions, Gs1SyntaxError } from './element-string.js';
import { csum } from './linters-characters.js';

export type Symbology = 'GS1_128_CCA' | 'DataBarExpanded' | 'DM' | 'QR' | 'DotCode' | 'EAN13' | 'EAN8';

const GS = '\x1d';

/** Identifiers whose data are GS1 element strings (FNC1 in first position implied). */
const GS1_IDENTIFIERS: Readonly<Record<string, Symbology>> = {
  ']C1': 'GS1_128_CCA',
  ']e0': 'DataBarExpanded',
  ']d2': 'DM',
  ']Q3': 'QR',
  ']J1': 'DotCode',
};

/** Identifiers of the same symbols carrying plain data. */
const PLAIN_IDENTIFIERS: Readonly<Record<string, Symbology>> = { ']d1': 'DM', ']Q1': 'QR', ']J0': 'DotCode' };

const EAN_IDENTIFIERS: Readonly<Record<string, { symbology: Symbology; digits: number }>> = {
  ']E0': { symbology: 'EAN13', digits: 13 },
  ']E4': { symbology: 'EAN8', digits: 8 },
};

export type ScanDataError = { kind: 'scan'; reason: string } | Gs1SyntaxError | DigitalLinkError;

/** data: "^"-notation GS1 data, a plain string (literal "^" escaped as "\^"), or EAN digits [+ "|" + composite]. */
export type ScanDataResult = { ok: true; symbology: Symbology; data: string } | { ok: false; error: ScanDataError };

const scanError = (reason: string): ScanDataResult => ({ ok: false, error: { kind: 'scan', reason } });

export function looksLikeDigitalLink(data: string): boolean {
  return /^(https?|HTTPS?):\/\//.test(data);
}

export function processScanData(scan: string, options: ElementStringOptions & DigitalLinkOptions = {}): ScanDataResult {
  if (scan.length === 0) return scanError('The scanner sent nothing.');
  if (!scan.startsWith(']'))
    return scanError('The scan has no symbology identifier: set the scanner to transmit AIM identifiers.');
  if (scan.length < 3) return scanError('The scan is cut short after its symbology identifier.');
  const identifier = scan.slice(0, 3);
  const rest = scan.slice(3);

  const gs1 = GS1_IDENTIFIERS[identifier];
  if (gs1) {
    if (rest.length === 0) return scanError('The barcode holds no data.');
    const data = '^' + rest.replaceAll(GS, '^');
    const parsed = parseElementString(data, options);
    return parsed.ok ? { ok: true, symbology: gs1, data } : { ok: false, error: parsed.error };
  }

  const plain = PLAIN_IDENTIFIERS[identifier];
  if (plain) {
    if (looksLikeDigitalLink(rest)) {
      const link = parseDigitalLink(rest, options);
      if (!link.ok) return { ok: false, error: link.error };
    }
    // A literal "^" in plain data must not read as FNC1: it is written "\\^".
    return { ok: true, symbology: plain, data: rest.replaceAll('^', '\\^') };
  }

  const ean = EAN_IDENTIFIERS[identifier];
  if (ean) {
    const [primary = '', composite] = rest.split('|]e0');
    if (primary.length !== ean.digits || !/^\d+$/.test(primary) || csum(primary)) {
      return scanError(`This ${ean.symbology} scan is not ${ean.digits} digits with a correct check digit.`);
    }
    if (composite === undefined) return { ok: true, symbology: ean.symbology, data: primary };
    const data = '^' + composite.replaceAll(GS, '^');
    const parsed = parseElementString(data, options);
    return parsed.ok
      ? { ok: true, symbology: ean.symbology, data: `${primary}|${data}` }
      : { ok: false, error: parsed.error };
  }
  return scanError(`The symbology identifier ${identifier} is not one this system reads.`);
}
