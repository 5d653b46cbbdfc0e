// Which carrier a tracking number belongs to, and whether it is well formed: what a warehouse
// person scans or types at the dock is checked against our carrier table (carrier-formats.ts)
// before anyone asks a carrier about it, so a misread digit is caught at the desk, not days later.
//
// Input is forgiving where the carriers' own labels are: whitespace anywhere is ignored (labels
// print numbers in groups) and letters may be typed in either case (every format is upper case).
// Hyphens are not dropped: only one format (LaserShip 1LS7, ending "-1") holds one, as part of it.
//
// When a number fits more than one format, the most telling fit wins, in this order:
// 1. a format that names itself (`marked`: 1Z…, 420/94…, 777…) over one merely shaped by letters or
//    a restricted first digit (`shaped`), over a bare run of digits (`plain`);
// 2. a format whose check digit was verified over one without a check digit;
// 3. a format of one exact length over one whose length varies;
// 4. table order (carriers by code, then formats as listed).
// Only formats the number fully passes (check digit, known country) take part. Some do pass two:
// an Old Dominion number (780…) may also pass DHL Express's mod 7, a Purolator number FedEx
// Express's check; then the mark or the shape decides, not which check happened to pass.
import {
  CARRIERS,
  findCarrier,
  type Carrier,
  type Distinctiveness,
  type TrackingNumberFormat,
} from './carrier-formats.js';
import { expectedCheckCharacter } from './check-digits.js';

export type TrackingNumberDetection =
  | {
      readonly ok: true;
      readonly carrier: { readonly code: string; readonly name: string };
      /** The format's stable id (`ups`, `fedex_ground_96`, `usps_impb_c`, …). */
      readonly format: string;
      /** The format as a person reads it (`FedEx Ground 96 (22)`). */
      readonly formatName: string;
      /** Upper case, whitespace removed: the number as the carrier knows it. */
      readonly normalized: string;
    }
  | { readonly ok: false; readonly reason: string };

/** Upper case without whitespace, the form every format's pattern is written for. */
export function normalizeTrackingNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The carrier and format of a tracking number, or why it is none we know. */
export function detectTrackingNumber(input: string): TrackingNumberDetection {
  const normalized = normalizeTrackingNumber(input);
  const refusal = refuseUnreadable(normalized);
  if (refusal) return refusal;
  return judge(normalized, CARRIERS) ?? refuse('not a tracking number format of any known carrier');
}

/** Whether `input` is a good tracking number of the carrier given (by its code, e.g. 'ups'). */
export function validateTrackingNumberFor(carrierCode: string, input: string): TrackingNumberDetection {
  const carrier = findCarrier(carrierCode);
  if (!carrier) return refuse(`"${carrierCode}" is not a carrier we know the tracking numbers of`);
  const normalized = normalizeTrackingNumber(input);
  const refusal = refuseUnreadable(normalized);
  if (refusal) return refusal;
  const verdict = judge(normalized, [carrier]);
  if (verdict) return verdict;
  // Most often the wrong carrier was picked: say whose number it is when we can tell.
  const elsewhere = judge(normalized, CARRIERS);
  const hint = elsewhere?.ok ? `; it reads as ${withArticle(elsewhere.carrier.name)} number` : '';
  return refuse(`not a ${carrier.name} tracking number format${hint}`);
}

type Failure = { readonly kind: 'check_digit' } | { readonly kind: 'unknown_country'; readonly countryCode: string };

/** A format whose pattern the number fits, and what (if anything) its checks found wrong. */
interface Candidate {
  readonly carrier: Carrier;
  readonly format: TrackingNumberFormat;
  readonly tableOrder: number;
  readonly failure: Failure | undefined;
}

const DISTINCTIVENESS_RANK: Record<Distinctiveness, number> = { marked: 0, shaped: 1, plain: 2 };

function refuse(reason: string): TrackingNumberDetection {
  return { ok: false, reason };
}

function refuseUnreadable(normalized: string): TrackingNumberDetection | undefined {
  if (normalized === '') return refuse('no tracking number was given');
  const stray = /[^0-9A-Z-]/u.exec(normalized);
  if (stray) return refuse(`tracking numbers hold only letters and digits, not "${stray[0]}"`);
  return undefined;
}

/** The best format the number passes; else why the formats it fits refused it; undefined when it fits none. */
function judge(normalized: string, carriers: readonly Carrier[]): TrackingNumberDetection | undefined {
  const candidates = candidatesFor(normalized, carriers);
  const best = candidates.find((candidate) => candidate.failure === undefined);
  if (best) {
    const { carrier, format } = best;
    return {
      ok: true,
      carrier: { code: carrier.code, name: carrier.name },
      format: format.id,
      formatName: format.name,
      normalized,
    };
  }
  const [first] = candidates;
  if (!first?.failure) return undefined;
  return refuse(explain(first.failure, candidates));
}

function candidatesFor(normalized: string, carriers: readonly Carrier[]): Candidate[] {
  const candidates: Candidate[] = [];
  let tableOrder = 0;
  for (const carrier of carriers) {
    for (const format of carrier.formats) {
      tableOrder += 1;
      const match = format.pattern.exec(normalized);
      if (match) candidates.push({ carrier, format, tableOrder, failure: failureOf(format, match.groups ?? {}) });
    }
  }
  return candidates.sort(byPreference);
}

function failureOf(format: TrackingNumberFormat, groups: Record<string, string | undefined>): Failure | undefined {
  if (format.checkDigit) {
    const { serial, checkDigit } = groups;
    if (serial === undefined || checkDigit === undefined) {
      throw new Error(`format ${format.id} has a check digit rule but no serial or checkDigit group`);
    }
    const prefix = format.serialPrefix;
    const computedOver = prefix !== undefined && !serial.startsWith(prefix) ? prefix + serial : serial;
    if (expectedCheckCharacter(format.checkDigit, computedOver) !== checkDigit) return { kind: 'check_digit' };
  }
  if (format.knownCountryCodes) {
    const countryCode = groups.countryCode ?? '';
    if (!format.knownCountryCodes.has(countryCode)) return { kind: 'unknown_country', countryCode };
  }
  return undefined;
}

/** The rule in the header comment, as a sort order: most telling fit first. */
function byPreference(a: Candidate, b: Candidate): number {
  return (
    DISTINCTIVENESS_RANK[a.format.distinctiveness] - DISTINCTIVENESS_RANK[b.format.distinctiveness] ||
    Number(a.format.checkDigit === undefined) - Number(b.format.checkDigit === undefined) ||
    Number(a.format.length === 'varies') - Number(b.format.length === 'varies') ||
    a.tableOrder - b.tableOrder
  );
}

/** Why the number was refused, named after the carriers whose formats it looked like (best fit first). */
function explain(failure: Failure, candidates: readonly Candidate[]): string {
  const alike = candidates.filter((candidate) => candidate.failure?.kind === failure.kind);
  const names = [...new Set(alike.map((candidate) => candidate.carrier.name))];
  const lookalike = `looks like ${withArticle(names.join(' or '))} number`;
  switch (failure.kind) {
    case 'check_digit':
      return `${lookalike} but its check digit is wrong`;
    case 'unknown_country':
      return `${lookalike} but "${failure.countryCode}" is not a country whose postal service issues them`;
  }
}

/** "a UPS", "an OnTrac": by the first letter, which is right for every carrier name we have. */
function withArticle(name: string): string {
  return /^[AEIO]/i.test(name) ? `an ${name}` : `a ${name}`;
}
