// The one entry point receiving uses: whatever a scanner or a person produced — scanner output
// with its AIM identifier, bracketed "(01)…(17)…", unbracketed data with GS, or a GS1 Digital
// Link — becomes checked AIs plus the fields a returns desk needs (GTIN, lot, serial, expiry).
import { findAssociationViolation } from './ai-associations.js';
import { parseDigitalLink, type DigitalLinkOptions } from './digital-link.js';
import { parseBracketed, parseElementString, type Element } from './element-string.js';
import { isoDateOfYymmdd } from './linters-dates.js';
import { describeAssociation, describeError } from './scan-messages.js';
import { looksLikeDigitalLink, processScanData, type Symbology } from './scan-data.js';

export interface ScannedElement {
  readonly ai: string;
  readonly title: string;
  readonly value: string;
}

export interface ScanFailure {
  readonly message: string;
  readonly ai?: string;
  readonly position?: number;
}

export type ScanResult =
  | {
      ok: true;
      elements: ScannedElement[];
      /** GS1 pairing rules the label breaks; the values themselves passed every check. */
      warnings: ScanFailure[];
      symbology?: Symbology;
      gtin?: string;
      sscc?: string;
      lot?: string;
      serial?: string;
      /** ISO date; a "day 00" expiry means the month's last day. */
      expiry?: string;
      bestBefore?: string;
    }
  | { ok: false; error: ScanFailure };

export interface ParseScanOptions extends DigitalLinkOptions {
  /** Year used to place two-digit years in a century (GS1 sliding window); defaults to this year. */
  readonly referenceYear?: number;
}

const GS = '\x1d';

export function parseScan(raw: string, options: ParseScanOptions = {}): ScanResult {
  // Keyboard-wedge scanners end with CR/LF; some render FNC1 as a literal "<GS>" or "{GS}".
  const input = raw.replace(/[\r\n]+$/, '').replace(/<GS>|\{GS\}/g, GS);
  if (input.trim().length === 0) return failure({ message: 'Nothing was scanned. Scan the barcode again.' });

  let elements: Element[];
  let symbology: Symbology | undefined;
  if (input.startsWith(']')) {
    const scanned = processScanData(input, options);
    if (!scanned.ok) return failure(describeError(scanned.error, input));
    symbology = scanned.symbology;
    // EAN/UPC with a composite: "2112345678900|^99…" — the GTIN, then the composite's AIs.
    const [primary = '', composite] = scanned.data.split('|');
    const data = composite === undefined ? primary : `^01${primary.padStart(14, '0')}${composite.slice(1)}`;
    const parsed = elementsOfScanData(data, input, options);
    if (!parsed.ok) return parsed;
    elements = parsed.elements;
  } else if (looksLikeDigitalLink(input)) {
    const link = parseDigitalLink(input, options);
    if (!link.ok) return failure(describeError(link.error, input));
    elements = link.elements;
  } else if (input.startsWith('(')) {
    const parsed = parseBracketed(input, options);
    if (!parsed.ok) return failure(describeError(parsed.error, input));
    elements = parsed.elements;
  } else {
    // Unbracketed element string as a wedge types it: GS between fields, no leading FNC1.
    const data = '^' + input.replace(/^\^/, '').replaceAll(GS, '^');
    const parsed = parseElementString(data, options);
    if (!parsed.ok) return failure(describeError(parsed.error, data));
    elements = parsed.elements;
  }

  // Pairing rules (e.g. (3922) with (3932), a serial without its GTIN) are broken by real labels
  // in circulation; every value is still readable and checked, so receiving gets a warning to
  // show rather than a refusal that would leave the parcel unbooked.
  const violation = findAssociationViolation(elements);
  const warnings = violation ? [describeAssociation(violation)] : [];
  return summarise(elements, symbology, options.referenceYear ?? new Date().getUTCFullYear(), warnings);
}

function elementsOfScanData(
  data: string,
  input: string,
  options: ParseScanOptions,
): { ok: true; elements: Element[] } | { ok: false; error: ScanFailure } {
  if (data.startsWith('^')) {
    const parsed = parseElementString(data, options);
    return parsed.ok ? parsed : failure(describeError(parsed.error, input));
  }
  if (looksLikeDigitalLink(data)) {
    const link = parseDigitalLink(data, options);
    return link.ok ? link : failure(describeError(link.error, input));
  }
  if (/^\d{8}$|^\d{13}$/.test(data)) {
    // A retail EAN/UPC: its GTIN, padded to 14 digits.
    const parsed = parseElementString(`^01${data.padStart(14, '0')}`, options);
    return parsed.ok ? parsed : failure(describeError(parsed.error, input));
  }
  return failure({ message: 'This barcode holds plain text, not GS1 data. Look for the GS1 barcode on the label.' });
}

function summarise(
  elements: Element[],
  symbology: Symbology | undefined,
  referenceYear: number,
  warnings: ScanFailure[],
): ScanResult {
  const valueOf = (ai: string) => elements.find((element) => element.ai === ai)?.value;
  const dateOf = (ai: string) => {
    const value = valueOf(ai);
    return value === undefined ? undefined : isoDateOfYymmdd(value, referenceYear);
  };
  const optional = {
    symbology,
    gtin: valueOf('01'),
    sscc: valueOf('00'),
    lot: valueOf('10'),
    serial: valueOf('21'),
    expiry: dateOf('17'),
    bestBefore: dateOf('15'),
  };
  return {
    ok: true,
    elements: elements.map(({ ai, entry, value }) => ({ ai, title: entry.title, value })),
    warnings,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

function failure(error: ScanFailure): { ok: false; error: ScanFailure } {
  return { ok: false, error };
}
