// Boomerang's own table of carrier tracking-number formats: which carriers we recognise, what
// their numbers look like and how each one's check digit is computed. Written from the public
// facts collected in tracking_number_data (MIT; ../shared/data/tracking-numbers/SOURCES.md): 18
// carriers, 39 formats. The table is code, not data read at run time, so a reviewer sees every
// rule and a change to it is a change to the program. The formats themselves live in three files
// (FedEx, UPS and USPS; other US carriers; the rest of the world and the international post) to
// keep each one readable.
import type { CarrierCode } from '../../contracts/carriers.js';
import type { CheckDigitRule } from './check-digits.js';
import { FEDEX_UPS_USPS } from './carrier-formats-fedex-ups-usps.js';
import { US_REGIONAL_CARRIERS } from './carrier-formats-us-regional.js';
import { WORLDWIDE_CARRIERS } from './carrier-formats-worldwide.js';

/**
 * How much a number's shape alone says about which format it is, used to choose when a number
 * fits more than one format (see `tracking-numbers.ts`):
 * - `marked`: a prefix or suffix that names the format (`1Z`, `TBA`, `96`, `94`, `LTN…N1`, the
 *   UPU letters-digits-letters layout);
 * - `shaped`: letters or a restricted first digit narrow it, but nothing names the carrier
 *   (`C` + 14 digits, three letters + 9 digits, `[0-5]` + 11 digits);
 * - `plain`: any run of digits of the right length.
 */
export type Distinctiveness = 'marked' | 'shaped' | 'plain';

export interface TrackingNumberFormat {
  /** Stable identifier (the spec's id where it has one). */
  readonly id: string;
  /** The name a person reads, as the spec gives it. */
  readonly name: string;
  /**
   * Anchored pattern over the normalized number (upper case, no whitespace). Named groups:
   * `serial` (what the check digit is computed over), `checkDigit` when the format has one,
   * `countryCode` when it must name a known country, and the parts a person may want to read
   * (`serviceType`, `destinationZip`, `shipperId`, `packageId`, …).
   */
  readonly pattern: RegExp;
  /** Characters in the normalized number, or `varies` when optional parts or ranges change it. */
  readonly length: number | 'varies';
  readonly distinctiveness: Distinctiveness;
  readonly checkDigit?: CheckDigitRule;
  /**
   * Put in front of the serial before the check digit is computed, unless the serial already
   * starts with it: OnTrac computes over its account digit, USPS over the `91` its labels may omit.
   */
  readonly serialPrefix?: string;
  /** When present, the `countryCode` group must be one of these (the S10 issuing postal services). */
  readonly knownCountryCodes?: ReadonlySet<string>;
}

export interface Carrier {
  /** Stable lower-case code, the spec's courier code: `ups`, `fedex`, `usps`, `dhl`, … (contracts/carriers.ts) */
  readonly code: CarrierCode;
  /** The carrier's name as a warehouse person knows it. */
  readonly name: string;
  readonly formats: readonly TrackingNumberFormat[];
}

/**
 * Every carrier we recognise, ordered by code. The order is the last tie-break between formats
 * that fit a number equally well, so it is fixed here rather than left to how the files import.
 */
export const CARRIERS: readonly Carrier[] = [...FEDEX_UPS_USPS, ...US_REGIONAL_CARRIERS, ...WORLDWIDE_CARRIERS].sort(
  (a, b) => a.code.localeCompare(b.code, 'en'),
);

export function findCarrier(code: string): Carrier | undefined {
  const wanted = code.trim().toLowerCase();
  return CARRIERS.find((carrier) => carrier.code === wanted);
}
