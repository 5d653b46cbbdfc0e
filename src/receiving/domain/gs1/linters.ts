// Every GS1 syntax test by its dictionary name, and the character-set test each component's
// type implies (N digits, X set 82, Y set 39, Z set 64), run in the order GS1 runs them.
import { ISO_3166_ALPHA_2, ISO_3166_NUMERIC, ISO_4217_NUMERIC, PACKAGE_TYPES } from './code-lists.js';
import type { CharacterSet } from './ai-table-builders.js';
import * as chars from './linters-characters.js';
import { couponcode, couponposoffer } from './linters-coupon.js';
import * as dates from './linters-dates.js';
import * as structured from './linters-structured.js';
import { fail } from './linter-result.js';
import type { LinterName } from './linter-names.js';
import type { Linter, LinterOptions, LinterResult } from './linter-result.js';

export type { GcpLookup, LinterFailure, LinterOptions, LinterResult } from './linter-result.js';
export { gs1CheckDigit } from './linters-characters.js';

const inList = (list: ReadonlySet<string>, error: string) => (data: string) =>
  list.has(data) ? undefined : fail(error, 0, data.length);

export const LINTERS: Readonly<Record<LinterName, Linter>> = {
  csum: chars.csum,
  csumalpha: chars.csumalpha,
  gcppos1: chars.gcppos1,
  gcppos2: chars.gcppos2,
  yymmdd: dates.yymmdd,
  yymmd0: dates.yymmd0,
  yyyymmdd: dates.yyyymmdd,
  yyyymmd0: dates.yyyymmd0,
  hh: dates.hh,
  hhmi: dates.hhmi,
  mi: dates.mi,
  ss: dates.ss,
  iso3166: inList(ISO_3166_NUMERIC, 'NOT_ISO3166'),
  // Processor country (703n): an ISO country, or 999 when processing spanned several countries.
  iso3166999: (data) =>
    data === '999' || ISO_3166_NUMERIC.has(data) ? undefined : fail('NOT_ISO3166_OR_999', 0, data.length),
  iso3166alpha2: inList(ISO_3166_ALPHA_2, 'NOT_ISO3166_ALPHA2'),
  iso4217: inList(ISO_4217_NUMERIC, 'NOT_ISO4217'),
  iso5218: chars.iso5218,
  iban: structured.iban,
  pcenc: chars.pcenc,
  yesno: chars.yesno,
  zero: chars.zero,
  nonzero: chars.nonzero,
  nozeroprefix: chars.nozeroprefix,
  winding: chars.winding,
  hyphen: chars.hyphen,
  hasnondigit: chars.hasnondigit,
  importeridx: chars.importeridx,
  packagetype: inList(PACKAGE_TYPES, 'INVALID_PACKAGE_TYPE'),
  mediatype: chars.mediatype,
  latitude: structured.latitude,
  longitude: structured.longitude,
  pieceoftotal: structured.pieceoftotal,
  posinseqslash: structured.posinseqslash,
  couponcode,
  couponposoffer,
};

/** Linters also reachable by name that no AI uses directly (GS1 tests them on their own). */
export const CHARACTER_SET_LINTERS: Readonly<Record<string, Linter>> = {
  csetnumeric: chars.csetNumeric,
  cset82: chars.cset82,
  cset39: chars.cset39,
  cset64: chars.cset64,
};

const CHARACTER_SET_LINTER: Readonly<Record<CharacterSet, Linter>> = {
  N: chars.csetNumeric,
  X: chars.cset82,
  Y: chars.cset39,
  Z: chars.cset64,
};

export function linterByName(name: string): Linter | undefined {
  return (LINTERS as Record<string, Linter>)[name] ?? CHARACTER_SET_LINTERS[name];
}

/** The character-set test first, then each named linter; the first failure wins. */
export function lintComponent(
  characterSet: CharacterSet,
  linters: readonly LinterName[],
  value: string,
  options?: LinterOptions,
): LinterResult {
  const characterFailure = CHARACTER_SET_LINTER[characterSet](value, options);
  if (characterFailure) return characterFailure;
  for (const name of linters) {
    const failure = LINTERS[name](value, options);
    if (failure) return failure;
  }
  return undefined;
}
