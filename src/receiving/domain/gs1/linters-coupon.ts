// North American coupon codes (8110) and positive offer files (8112): runs of digits where a
// length indicator ("VLI") announces each field, and optional fields are flagged by a digit.
// Each failure names the field so whoever prints the coupon can fix that field.
import { gcppos1 } from './linters-characters.js';
import { yymmdd } from './linters-dates.js';
import { fail, firstNonDigit } from './linter-result.js';
import type { LinterFailure, LinterOptions, LinterResult } from './linter-result.js';

/** Walks the digits left to right; every method returns a failure or advances. */
class CouponCursor {
  position = 0;
  constructor(
    readonly data: string,
    readonly options?: LinterOptions,
  ) {}

  get atEnd(): boolean {
    return this.position >= this.data.length;
  }

  get current(): string {
    return this.data[this.position]!;
  }

  /** A field that is absent altogether: the whole value is highlighted. */
  missing(error: string): LinterFailure {
    return fail(`COUPON_${error}`, 0, this.data.length);
  }

  /** One digit that must be present and among `allowed`; returns it. */
  digit(missingError: string, invalidError: string, allowed: string): LinterFailure | string {
    if (this.atEnd) return this.missing(missingError);
    const value = this.current;
    if (!allowed.includes(value)) return fail(`COUPON_${invalidError}`, this.position, 1);
    this.position++;
    return value;
  }

  /** A field of `length` digits; a short one highlights what is there (or everything if nothing is). */
  field(length: number, truncatedError: string): LinterFailure | string {
    const remaining = this.data.length - this.position;
    if (remaining < length) {
      return remaining === 0
        ? fail(`COUPON_${truncatedError}`, 0, this.data.length)
        : fail(`COUPON_${truncatedError}`, this.position, remaining);
    }
    const value = this.data.slice(this.position, this.position + length);
    this.position += length;
    return value;
  }

  /** A company prefix field, checked like any other GS1 Company Prefix. */
  companyPrefix(length: number, truncatedError: string): LinterResult {
    const start = this.position;
    const value = this.field(length, truncatedError);
    if (typeof value !== 'string') return value;
    const prefix = gcppos1(value, this.options);
    return prefix && fail(prefix.error, start, length);
  }

  optionalField(flag: string): boolean {
    if (this.atEnd || this.current !== flag) return false;
    this.position++;
    return true;
  }
}

const isFailure = (value: LinterFailure | string | undefined): value is LinterFailure => typeof value === 'object';

/** A purchase requirement: VLI 1–5, that many digits, a code (0–4, 9) and a 3-digit family code. */
function purchaseRequirement(cursor: CouponCursor, ordinal: '1ST' | '2ND' | '3RD'): LinterResult {
  const vli = cursor.digit(
    `MISSING_${ordinal}_PURCHASE_REQUIREMENT_VLI`,
    `INVALID_${ordinal}_PURCHASE_REQUIREMENT_LENGTH`,
    '12345',
  );
  if (isFailure(vli)) return vli;
  const requirement = cursor.field(Number(vli), `TRUNCATED_${ordinal}_PURCHASE_REQUIREMENT`);
  if (isFailure(requirement)) return requirement;
  const code = cursor.digit(
    `MISSING_${ordinal}_PURCHASE_REQUIREMENT_CODE`,
    `INVALID_${ordinal}_PURCHASE_REQUIREMENT_CODE`,
    '012349',
  );
  if (isFailure(code)) return code;
  const family = cursor.field(3, `TRUNCATED_${ordinal}_PURCHASE_FAMILY_CODE`);
  return isFailure(family) ? family : undefined;
}

/** Company prefix of a further purchase: VLI 0–6 (prefix of 6+VLI digits) or 9 (same as the first). */
function purchaseCompanyPrefix(cursor: CouponCursor, ordinal: '2ND' | '3RD'): LinterResult {
  const vli = cursor.digit(`MISSING_${ordinal}_PURCHASE_GCP_VLI`, `INVALID_${ordinal}_PURCHASE_GCP_LENGTH`, '01234569');
  if (isFailure(vli)) return vli;
  return vli === '9' ? undefined : cursor.companyPrefix(Number(vli) + 6, `TRUNCATED_${ordinal}_PURCHASE_GCP`);
}

function couponDate(cursor: CouponCursor, tooShort: string, invalid: string): LinterFailure | string {
  const start = cursor.position;
  const date = cursor.field(6, tooShort);
  if (isFailure(date)) return date;
  return yymmdd(date) ? fail(`COUPON_${invalid}`, start, 6) : date;
}

export function couponcode(data: string, options?: LinterOptions): LinterResult {
  const nonDigit = firstNonDigit(data);
  if (nonDigit) return nonDigit;
  const cursor = new CouponCursor(data, options);
  const gcpVli = cursor.digit('MISSING_GCP_VLI', 'INVALID_GCP_LENGTH', '0123456');
  if (isFailure(gcpVli)) return gcpVli;
  const steps: Array<() => LinterResult | LinterFailure | string> = [
    () => cursor.companyPrefix(Number(gcpVli) + 6, 'TRUNCATED_GCP'),
    () => cursor.field(6, 'TRUNCATED_OFFER_CODE'),
    () => {
      const vli = cursor.digit('MISSING_SAVE_VALUE_VLI', 'INVALID_SAVE_VALUE_LENGTH', '12345');
      return isFailure(vli) ? vli : cursor.field(Number(vli), 'TRUNCATED_SAVE_VALUE');
    },
    () => purchaseRequirement(cursor, '1ST'),
  ];
  for (const step of steps) {
    const result = step();
    if (isFailure(result)) return result;
  }
  if (cursor.optionalField('1')) {
    const rules = cursor.digit(
      'MISSING_ADDITIONAL_PURCHASE_RULES_CODE',
      'INVALID_ADDITIONAL_PURCHASE_RULES_CODE',
      '0123',
    );
    if (isFailure(rules)) return rules;
    const failure = purchaseRequirement(cursor, '2ND') ?? purchaseCompanyPrefix(cursor, '2ND');
    if (failure) return failure;
  }
  if (cursor.optionalField('2')) {
    const failure = purchaseRequirement(cursor, '3RD') ?? purchaseCompanyPrefix(cursor, '3RD');
    if (failure) return failure;
  }
  let expiry: string | undefined;
  if (cursor.optionalField('3')) {
    const date = couponDate(cursor, 'TOO_SHORT_FOR_EXPIRATION_DATE', 'INVALID_EXIPIRATION_DATE');
    if (isFailure(date)) return date;
    expiry = date;
  }
  if (cursor.optionalField('4')) {
    const date = couponDate(cursor, 'TOO_SHORT_FOR_START_DATE', 'INVALID_START_DATE');
    if (isFailure(date)) return date;
    // Both YYMMDD in the same century window, so comparing the digits compares the dates.
    if (expiry !== undefined && date > expiry) return fail('COUPON_EXPIRATION_BEFORE_START', cursor.position - 14, 14);
  }
  if (cursor.optionalField('5')) {
    const vli = cursor.digit('MISSING_SERIAL_NUMBER_VLI', 'MISSING_SERIAL_NUMBER_VLI', '0123456789');
    if (isFailure(vli)) return vli;
    const serial = cursor.field(Number(vli) + 6, 'TRUNCATED_SERIAL_NUMBER');
    if (isFailure(serial)) return serial;
  }
  if (cursor.optionalField('6')) {
    const vli = cursor.digit('MISSING_RETAILER_GCP_OR_GLN_VLI', 'INVALID_RETAILER_GCP_OR_GLN_LENGTH', '1234567');
    if (isFailure(vli)) return vli;
    const failure = cursor.companyPrefix(Number(vli) + 6, 'TRUNCATED_RETAILER_GCP_OR_GLN');
    if (failure) return failure;
  }
  if (cursor.optionalField('9')) {
    const fields: Array<[string, string, string]> = [
      ['MISSING_SAVE_VALUE_CODE', 'INVALID_SAVE_VALUE_CODE', '01256'],
      ['MISSING_SAVE_VALUE_APPLIES_TO_ITEM', 'INVALID_SAVE_VALUE_APPLIES_TO_ITEM', '012'],
      ['MISSING_STORE_COUPON_FLAG', 'MISSING_STORE_COUPON_FLAG', '0123456789'],
      ['MISSING_DONT_MULTIPLY_FLAG', 'INVALID_DONT_MULTIPLY_FLAG', '01'],
    ];
    for (const [missingError, invalidError, allowed] of fields) {
      const value = cursor.digit(missingError, invalidError, allowed);
      if (isFailure(value)) return value;
    }
  }
  return cursor.atEnd ? undefined : fail('COUPON_EXCESS_DATA', cursor.position, data.length - cursor.position);
}

/** Positive offer file (8112): format 0/1, funder (VLI 0–6), offer code, serial (VLI 0–9). */
export function couponposoffer(data: string, options?: LinterOptions): LinterResult {
  const nonDigit = firstNonDigit(data);
  if (nonDigit) return nonDigit;
  const cursor = new CouponCursor(data, options);
  const format = cursor.digit('MISSING_FORMAT_CODE', 'INVALID_FORMAT_CODE', '01');
  if (isFailure(format)) return format;
  const funderVli = cursor.digit('MISSING_FUNDER_VLI', 'INVALID_FUNDER_LENGTH', '0123456');
  if (isFailure(funderVli)) return funderVli;
  const funder = cursor.companyPrefix(Number(funderVli) + 6, 'TRUNCATED_FUNDER');
  if (funder) return funder;
  const offer = cursor.field(6, 'TRUNCATED_OFFER_CODE');
  if (isFailure(offer)) return offer;
  const serialVli = cursor.digit('MISSING_SERIAL_NUMBER_VLI', 'MISSING_SERIAL_NUMBER_VLI', '0123456789');
  if (isFailure(serialVli)) return serialVli;
  const serial = cursor.field(Number(serialVli) + 6, 'TRUNCATED_SERIAL_NUMBER');
  if (isFailure(serial)) return serial;
  return cursor.atEnd ? undefined : fail('COUPON_EXCESS_DATA', cursor.position, data.length - cursor.position);
}
