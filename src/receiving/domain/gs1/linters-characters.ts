// Character-set, check-digit and single-code linters of the GS1 Barcode Syntax Tests.
import { fail, firstNonDigit, isDigit } from './linter-result.js';
import type { LinterOptions, LinterResult } from './linter-result.js';

/** GS1 AI encodable character set 82, in the order that gives each character its check-pair weight. */
const CSET82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Check characters of alphanumeric keys (GMN): 32 symbols without look-alikes (0/O, 1/I). */
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function firstOutside(set: string, data: string, error: string): LinterResult {
  for (let i = 0; i < data.length; i++) if (!set.includes(data[i]!)) return fail(error, i, 1);
  return undefined;
}

export const csetNumeric = (data: string): LinterResult => firstNonDigit(data);
export const cset82 = (data: string) => firstOutside(CSET82, data, 'INVALID_CSET82_CHARACTER');
export const cset39 = (data: string) => firstOutside(CSET39, data, 'INVALID_CSET39_CHARACTER');

/** base64url; "=" padding is tolerated only at the end, one or two of them completing a group of three. */
export function cset64(data: string): LinterResult {
  const body = data.replace(/=+$/, '');
  const invalid = firstOutside(CSET64, body, 'INVALID_CSET64_CHARACTER');
  if (invalid) return invalid;
  const padding = data.length - body.length;
  if (padding > 0 && (body.length === 0 || padding > 2 || data.length % 3 !== 0)) {
    return fail('INVALID_CSET64_PADDING', body.length, padding);
  }
  return undefined;
}

/** The GS1 mod-10 check digit over all but the last digit (weights 3,1,3,… from the right). */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10;
}

export function csum(data: string): LinterResult {
  if (data.length === 0) return fail('TOO_SHORT_FOR_CHECK_DIGIT', 0, 0);
  const nonDigit = firstNonDigit(data);
  if (nonDigit) return nonDigit;
  if (gs1CheckDigit(data.slice(0, -1)) !== Number(data.at(-1))) {
    return fail('INCORRECT_CHECK_DIGIT', data.length - 1, 1);
  }
  return undefined;
}

const PRIMES = (() => {
  const primes: number[] = [];
  for (let candidate = 2; primes.length < 97; candidate++) {
    if (primes.every((p) => candidate % p !== 0)) primes.push(candidate);
  }
  return primes;
})();

/** GS1 alphanumeric check character pair (GMN, MUDI): prime-weighted sum mod 1021, split into 2×5 bits. */
export function csumalpha(data: string): LinterResult {
  const length = data.length;
  if (length < 2) return fail('TOO_SHORT_FOR_CHECK_PAIR', 0, length);
  if (length - 2 > PRIMES.length) return fail('TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION', 0, length);
  const invalid = firstOutside(CSET82, data.slice(0, -2), 'INVALID_CSET82_CHARACTER');
  if (invalid) return invalid;
  let sum = 0;
  for (let i = 0; i < length - 2; i++) sum += CSET82.indexOf(data[i]!) * PRIMES[length - 3 - i]!;
  sum %= 1021;
  if (data[length - 2] !== CSET32[sum >> 5] || data[length - 1] !== CSET32[sum & 31]) {
    return fail('INCORRECT_CHECK_PAIR', length - 2, 2);
  }
  return undefined;
}

/** The shortest GS1 Company Prefix has four digits. */
const GCP_MIN_LENGTH = 4;

export function gcppos1(data: string, options?: LinterOptions): LinterResult {
  if (data.length < GCP_MIN_LENGTH) return fail('TOO_SHORT_FOR_GCP', 0, data.length);
  for (let i = 0; i < GCP_MIN_LENGTH; i++) if (!isDigit(data[i])) return fail('INVALID_GCP_PREFIX', i, 1);
  const verdict = options?.gcpLookup?.(data) ?? 'valid';
  if (verdict === 'offline') return fail('GCP_DATASOURCE_OFFLINE', 0, data.length);
  if (verdict === 'invalid') return fail('INVALID_GCP_PREFIX', 0, data.length);
  return undefined;
}

/** The GCP starts after the indicator digit (GTIN-14, SSCC extension digit). */
export function gcppos2(data: string, options?: LinterOptions): LinterResult {
  const result = gcppos1(data.slice(1), options);
  return result && fail(result.error, result.position + 1, result.length);
}

export function hasnondigit(data: string): LinterResult {
  return /\D/.test(data) ? undefined : fail('REQUIRES_NON_DIGIT_CHARACTER', 0, data.length);
}

/** A linter that accepts exactly one of the given codes and otherwise flags the whole value. */
export function oneOf(codes: readonly string[], error: string) {
  const accepted = new Set(codes);
  return (data: string): LinterResult => (accepted.has(data) ? undefined : fail(error, 0, data.length));
}

export const yesno = oneOf(['0', '1'], 'NOT_ZERO_OR_ONE');
/** Winding direction of a roll (8001): 0 face out, 1 face in, 9 undefined. */
export const winding = oneOf(['0', '1', '9'], 'INVALID_WINDING_DIRECTION');
/** ISO/IEC 5218: 0 not known, 1 male, 2 female, 9 not applicable. */
export const iso5218 = oneOf(['0', '1', '2', '9'], 'INVALID_BIOLOGICAL_SEX_CODE');
/** AIDC media type (7241): 01–10 assigned by GS1, 80–99 for company internal use. */
export const mediatype = oneOf(
  [
    ...Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(2, '0')),
    ...Array.from({ length: 20 }, (_, i) => String(80 + i)),
  ],
  'INVALID_MEDIA_TYPE',
);

export const zero = (data: string): LinterResult => (/^0+$/.test(data) ? undefined : fail('NOT_ZERO', 0, data.length));
export const hyphen = (data: string): LinterResult =>
  /^-+$/.test(data) ? undefined : fail('NOT_HYPHEN', 0, data.length);

export function nonzero(data: string): LinterResult {
  return firstNonDigit(data) ?? (/[1-9]/.test(data) ? undefined : fail('ILLEGAL_ZERO_VALUE', 0, data.length));
}

export function nozeroprefix(data: string): LinterResult {
  return firstNonDigit(data) ?? (data.startsWith('0') ? fail('ILLEGAL_ZERO_PREFIX', 0, 1) : undefined);
}

/** Importer index of a UIC extension (7040): one character of 0-9 A-Z a-z - _. */
export function importeridx(data: string): LinterResult {
  if (data.length !== 1) return fail('IMPORTER_IDX_MUST_BE_ONE_CHARACTER', 0, data.length);
  return /^[0-9A-Za-z_-]$/.test(data) ? undefined : fail('INVALID_IMPORT_IDX_CHARACTER', 0, 1);
}

/** Percent-encoded text (names and addresses in 43xx/72xx): every "%" starts two hex digits. */
export function pcenc(data: string): LinterResult {
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== '%') continue;
    if (!/^%[0-9A-Fa-f]{2}/.test(data.slice(i)))
      return fail('INVALID_PERCENT_SEQUENCE', i, Math.min(3, data.length - i));
    i += 2;
  }
  return undefined;
}
