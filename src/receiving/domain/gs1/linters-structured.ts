// Linters for values with inner structure: IBAN, geographic coordinates, "piece of total" and
// "position in sequence".
import { ISO_3166_ALPHA_2 } from './code-lists.js';
import { fail, firstNonDigit } from './linter-result.js';
import type { LinterResult } from './linter-result.js';

/** Shortest IBAN in the registry (Norway). */
const IBAN_MIN_LENGTH = 15;

/** ISO 13616 IBAN: country, two check digits (mod 97 = 1 over the rearranged value), account. */
export function iban(data: string): LinterResult {
  if (data.length < 4) return fail('IBAN_TOO_SHORT', 0, data.length);
  if (!ISO_3166_ALPHA_2.has(data.slice(0, 2))) return fail('ILLEGAL_IBAN_COUNTRY_CODE', 0, 2);
  if (data.length > 34) return fail('IBAN_TOO_LONG', 0, data.length);
  for (let i = 2; i < data.length; i++) {
    const ok = i < 4 ? /\d/.test(data[i]!) : /[0-9A-Z]/.test(data[i]!);
    if (!ok) return fail('INVALID_IBAN_CHARACTER', i, 1);
  }
  if (data.length < IBAN_MIN_LENGTH) return fail('IBAN_TOO_SHORT', 0, data.length);
  let remainder = 0;
  for (const ch of data.slice(4) + data.slice(0, 4)) {
    const value = parseInt(ch, 36);
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1 ? undefined : fail('INCORRECT_IBAN_CHECKSUM', 2, 2);
}

/** Latitude and longitude of (4309): ten digits, value + 90°/180° in 10⁻⁷ degrees. */
function coordinate(max: number, kind: 'LATITUDE' | 'LONGITUDE') {
  return (data: string): LinterResult => {
    if (data.length !== 10) return fail(`${kind}_INVALID_LENGTH`, 0, data.length);
    return firstNonDigit(data) ?? (Number(data) > max ? fail(`INVALID_${kind}`, 0, 10) : undefined);
  };
}

export const latitude = coordinate(1_800_000_000, 'LATITUDE');
export const longitude = coordinate(3_600_000_000, 'LONGITUDE');

/** "0203": piece 02 of 03 (ITIP, 8006/8026): both halves the same width, neither zero. */
export function pieceoftotal(data: string): LinterResult {
  if (data.length === 0 || data.length % 2 !== 0) return fail('INVALID_LENGTH_FOR_PIECE_OF_TOTAL', 0, data.length);
  const nonDigit = firstNonDigit(data);
  if (nonDigit) return nonDigit;
  const half = data.length / 2;
  const piece = Number(data.slice(0, half));
  const total = Number(data.slice(half));
  if (piece === 0) return fail('ZERO_PIECE_NUMBER', 0, half);
  if (total === 0) return fail('ZERO_TOTAL_PIECES', half, half);
  if (piece > total) return fail('PIECE_NUMBER_EXCEEDS_TOTAL', 0, data.length);
  return undefined;
}

/** "2/3": second of three (birth sequence, 7258). */
export function posinseqslash(data: string): LinterResult {
  const match = /^(\d+)\/(\d+)$/.exec(data);
  if (!match) return fail('POSITION_IN_SEQUENCE_MALFORMED', 0, data.length);
  const [, position, end] = match as unknown as [string, string, string];
  if (position.startsWith('0')) return fail('ILLEGAL_ZERO_PREFIX', 0, position.length);
  if (end.startsWith('0')) return fail('ILLEGAL_ZERO_PREFIX', position.length + 1, end.length);
  if (Number(position) > Number(end)) return fail('POSITION_EXCEEDS_END', 0, data.length);
  return undefined;
}
