// The check-digit algorithms carriers use to catch a misread or mistyped tracking number. Each is
// written from the prose and reference code in tracking_number_data's CHECKSUM_ALGORITHMS.md
// (MIT, see ../shared/data/tracking-numbers/SOURCES.md), keeping its quirks — they are what the
// carriers' labels are checked against, so "fixing" one would refuse real parcels.
// Pure functions: each takes the serial the carrier computes over and returns the check character
// it should end with, so a caller can compare, or say what was expected.

/** How one tracking-number format's check digit is computed, with the parameters the spec gives. */
export type CheckDigitRule =
  | {
      readonly algorithm: 'mod10';
      /** Weight of the characters at positions 0, 2, 4… (counted from the start, or from the end when `reverse`). */
      readonly evensMultiplier: number;
      /** Weight of the characters at positions 1, 3, 5… */
      readonly oddsMultiplier: number;
      readonly reverse: boolean;
    }
  | { readonly algorithm: 'mod7' }
  | { readonly algorithm: 'luhn' }
  | { readonly algorithm: 's10' }
  | {
      readonly algorithm: 'sum_product_with_weightings_and_modulo';
      /** One weight per serial character, in order. */
      readonly weightings: readonly number[];
      readonly modulo1: number;
      readonly modulo2: number;
    }
  | { readonly algorithm: 'mod_37_36' };

/** Digits, then letters: the value of a character in MOD 37,36, and the character for a value. */
const BASE_36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function digitAt(serial: string, index: number): number {
  const char = serial.charAt(index);
  if (!/^[0-9]$/.test(char)) throw new RangeError(`expected a digit at ${index} of '${serial}'`);
  return Number(char);
}

/**
 * Weighted mod 10 (UPS, FedEx Ground, USPS, Canada Post, OnTrac): alternate characters are
 * multiplied by the two weights (the products are added as they are, not digit-summed as in Luhn)
 * and the check digit brings the total up to a multiple of 10. UPS serials hold letters, which
 * count as (character code − 3) mod 10 — A is 2, B 3, … — the mapping the spec's code uses.
 */
export function mod10CheckDigit(
  serial: string,
  weights: { readonly evensMultiplier: number; readonly oddsMultiplier: number; readonly reverse: boolean },
): number {
  const chars = weights.reverse ? [...serial].reverse() : [...serial];
  let total = 0;
  chars.forEach((char, position) => {
    const value = /[0-9]/.test(char) ? Number(char) : (char.charCodeAt(0) - 3) % 10;
    total += value * (position % 2 === 1 ? weights.oddsMultiplier : weights.evensMultiplier);
  });
  return (10 - (total % 10)) % 10;
}

/**
 * Mod 7 (DHL Express air waybills): the check digit is the serial, read as a number, modulo 7.
 * Computed digit by digit so a serial of any length stays exact.
 */
export function mod7CheckDigit(serial: string): number {
  let remainder = 0;
  for (let index = 0; index < serial.length; index += 1) remainder = (remainder * 10 + digitAt(serial, index)) % 7;
  return remainder;
}

/**
 * Luhn (ISO/IEC 7812-1; Old Dominion, Purolator): from the right, every other digit starting with
 * the last one is doubled, 9 taken off a product above 9, and the check digit brings the sum up to
 * a multiple of 10. CHECKSUM_ALGORITHMS.md names it without spelling it out; this is the standard
 * algorithm, which the spec's valid and invalid test numbers confirm.
 */
export function luhnCheckDigit(serial: string): number {
  let total = 0;
  for (let fromRight = 0; fromRight < serial.length; fromRight += 1) {
    const digit = digitAt(serial, serial.length - 1 - fromRight);
    const weighted = fromRight % 2 === 0 ? digit * 2 : digit;
    total += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (total % 10)) % 10;
}

/** The UPU S10 weights for the eight serial digits of an international postal item number. */
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/**
 * UPU S10 (international post, e.g. RB123456785GB): the eight serial digits weighted 8,6,4,2,3,5,9,7,
 * then 11 − (sum mod 11), except that a remainder of 1 gives 0 and a remainder of 0 gives 5 (the
 * standard's way to keep the check a single digit).
 */
export function s10CheckDigit(serial: string): number {
  if (serial.length !== S10_WEIGHTS.length) throw new RangeError(`an S10 serial has 8 digits, got '${serial}'`);
  const total = S10_WEIGHTS.reduce((sum, weight, index) => sum + weight * digitAt(serial, index), 0);
  const remainder = total % 11;
  if (remainder === 1) return 0;
  if (remainder === 0) return 5;
  return 11 - remainder;
}

/**
 * Sum of products, then two moduli (FedEx Express 12 and 34, ASTRA, Ground GSN): each digit times
 * its weight (FedEx uses 3,1,7 repeating, or 1,7,3), the total modulo `modulo1` and then `modulo2`
 * (11 then 10, so a remainder of 10 becomes check digit 0).
 */
export function sumProductCheckDigit(
  serial: string,
  weightings: readonly number[],
  modulo1: number,
  modulo2: number,
): number {
  if (serial.length !== weightings.length) {
    throw new RangeError(`${weightings.length} weights for a ${serial.length}-digit serial '${serial}'`);
  }
  const total = weightings.reduce((sum, weight, index) => sum + weight * digitAt(serial, index), 0);
  return (total % modulo1) % modulo2;
}

/**
 * MOD 37,36 (DPD parcel numbers, after DPD's Parcel Label Specification 2.4.1, an ISO 7064 hybrid
 * system): the check is carried through the serial character by character, and the result can be
 * a digit or a letter. Letters count 10 (A) to 35 (Z).
 */
export function mod37_36CheckCharacter(serial: string): string {
  const modulus = 36;
  let carried = modulus;
  for (const char of serial) {
    const value = BASE_36.indexOf(char);
    if (value < 0) throw new RangeError(`'${char}' in '${serial}' is neither a digit nor a capital letter`);
    carried += value;
    if (carried > modulus) carried -= modulus;
    carried *= 2;
    if (carried > modulus) carried -= modulus + 1;
  }
  const check = modulus + 1 - carried;
  return BASE_36.charAt(check === modulus ? 0 : check);
}

/** The check character a serial should end with under `rule`: a digit, or for MOD 37,36 possibly a letter. */
export function expectedCheckCharacter(rule: CheckDigitRule, serial: string): string {
  switch (rule.algorithm) {
    case 'mod10':
      return String(mod10CheckDigit(serial, rule));
    case 'mod7':
      return String(mod7CheckDigit(serial));
    case 'luhn':
      return String(luhnCheckDigit(serial));
    case 's10':
      return String(s10CheckDigit(serial));
    case 'sum_product_with_weightings_and_modulo':
      return String(sumProductCheckDigit(serial, rule.weightings, rule.modulo1, rule.modulo2));
    case 'mod_37_36':
      return mod37_36CheckCharacter(serial);
  }
}
