import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARRIER_CODES } from '../../contracts/carriers.js';
import { CARRIERS, type TrackingNumberFormat } from './carrier-formats.js';
import {
  luhnCheckDigit,
  mod10CheckDigit,
  mod37_36CheckCharacter,
  mod7CheckDigit,
  s10CheckDigit,
  sumProductCheckDigit,
} from './check-digits.js';
import { detectTrackingNumber, normalizeTrackingNumber, validateTrackingNumberFor } from './tracking-numbers.js';

const COURIERS = new URL('../../../../shared/data/tracking-numbers/couriers/', import.meta.url);
const hasShared = existsSync(COURIERS);
if (!hasShared) {
  console.warn('SKIPPED: carrier test numbers — ../shared/data/tracking-numbers is absent on this machine');
}

describe('check-digit algorithms', () => {
  it('compute the published check digits', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3); // 79927398713, the ISO/IEC 7812 example
    expect(s10CheckDigit('12345678')).toBe(5); // RB123456785GB, the UPU example
    expect(mod10CheckDigit('999AA1012345678', { evensMultiplier: 1, oddsMultiplier: 2, reverse: false })).toBe(4); // UPS

    expect(mod7CheckDigit('331881002')).toBe(5); // DHL Express 3318810025
    expect(sumProductCheckDigit('98657878885', [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], 11, 10)).toBe(5);
    expect(mod37_36CheckCharacter('008182709980000020033350276')).toBe('C'); // a DPD parcel label
  });

  it('refuse serials they cannot be computed over', () => {
    expect(() => s10CheckDigit('1234567')).toThrow(RangeError);
    expect(() => sumProductCheckDigit('123', [1, 2], 11, 10)).toThrow(RangeError);
    expect(() => luhnCheckDigit('12A4')).toThrow(RangeError);
  });
});

describe('tracking number detection', () => {
  it('recognises a UPS 1Z number, however it is typed', () => {
    const expected = {
      ok: true,
      carrier: { code: 'ups', name: 'UPS' },
      format: 'ups',
      normalized: '1Z999AA10123456784',
    };
    expect(detectTrackingNumber('1Z999AA10123456784')).toMatchObject(expected);
    expect(detectTrackingNumber(' 1z 999 aa1 0123 4567 84\n')).toMatchObject(expected);
    expect(validateTrackingNumberFor('UPS', '1Z999AA10123456784')).toMatchObject(expected);
  });

  it('says when a UPS number has a wrong check digit', () => {
    expect(detectTrackingNumber('1Z999AA10123456785')).toEqual({
      ok: false,
      reason: 'looks like a UPS number but its check digit is wrong',
    });
  });

  it('refuses garbage and empty input with a reason a person can act on', () => {
    expect(detectTrackingNumber('')).toEqual({ ok: false, reason: 'no tracking number was given' });
    expect(detectTrackingNumber(' \t ')).toEqual({ ok: false, reason: 'no tracking number was given' });
    expect(detectTrackingNumber('hello world')).toEqual({
      ok: false,
      reason: 'not a tracking number format of any known carrier',
    });
    expect(detectTrackingNumber('1Z999AA1/0123456784')).toEqual({
      ok: false,
      reason: 'tracking numbers hold only letters and digits, not "/"',
    });
  });

  it('refuses an S10 number whose country has no postal service', () => {
    const result = detectTrackingNumber('RB123456785XX');
    expect(result).toEqual({
      ok: false,
      reason:
        'looks like an International post (UPU S10) number but "XX" is not a country whose postal service issues them',
    });
  });

  it('names the right carrier when the number was checked against the wrong one', () => {
    expect(validateTrackingNumberFor('fedex', '1Z999AA10123456784')).toEqual({
      ok: false,
      reason: 'not a FedEx tracking number format; it reads as a UPS number',
    });
    expect(validateTrackingNumberFor('pony-express', '1Z999AA10123456784')).toEqual({
      ok: false,
      reason: '"pony-express" is not a carrier we know the tracking numbers of',
    });
  });

  it('keeps stable, unique carrier codes and format ids', () => {
    const codes = CARRIERS.map((carrier) => carrier.code);
    const ids = CARRIERS.flatMap((carrier) => carrier.formats.map((format) => format.id));
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(codes).toEqual([...codes].sort());
    // The codes master data and the web app name carriers by (contracts/carriers.ts) are exactly these.
    expect(codes).toEqual([...CARRIER_CODES]);
    for (const format of CARRIERS.flatMap((carrier) => carrier.formats)) {
      expect(format.pattern.source, format.id).toMatch(/^\^.*\$$/);
      if (format.checkDigit) expect(format.pattern.source, format.id).toContain('(?<checkDigit>');
    }
  });
});

/** One courier file of the spec, as far as these tests read it. */
interface SpecCourier {
  readonly name: string;
  readonly courier_code: string;
  readonly tracking_numbers: readonly {
    readonly name: string;
    readonly validation: { readonly checksum?: { readonly name: string } };
    readonly test_numbers: { readonly valid: readonly string[]; readonly invalid: readonly string[] };
  }[];
}

interface SpecCase {
  readonly courier: string;
  readonly formatName: string;
  readonly number: string;
  readonly format: TrackingNumberFormat;
}

const specCouriers: SpecCourier[] = hasShared
  ? readdirSync(COURIERS)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => JSON.parse(readFileSync(new URL(file, COURIERS), 'utf8')) as SpecCourier)
  : [];

/** Our format for the spec's, by carrier code and format name (the table keeps the spec's names). */
function ourFormat(courierCode: string, formatName: string): TrackingNumberFormat {
  const format = CARRIERS.find((carrier) => carrier.code === courierCode)?.formats.find((f) => f.name === formatName);
  if (!format) throw new Error(`no format '${formatName}' for carrier '${courierCode}' in carrier-formats`);
  return format;
}

function casesOf(kind: 'valid' | 'invalid'): SpecCase[] {
  return specCouriers.flatMap((courier) =>
    courier.tracking_numbers.flatMap((spec) =>
      spec.test_numbers[kind].map((number) => ({
        courier: courier.courier_code,
        formatName: spec.name,
        number,
        format: ourFormat(courier.courier_code, spec.name),
      })),
    ),
  );
}

const VALID = casesOf('valid');
const INVALID = casesOf('invalid');
const WITH_CHECK_DIGIT = VALID.filter(({ format }) => format.checkDigit !== undefined);
const ALPHANUMERIC = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** Where the check character sits in a normalized number (not always last: S10, FedEx ASTRA). */
function checkDigitIndex(format: TrackingNumberFormat, normalized: string): number {
  const match = new RegExp(format.pattern.source, 'd').exec(normalized);
  const span = match?.indices?.groups?.checkDigit;
  if (!span) throw new Error(`${normalized} has no check digit under ${format.id}`);
  return span[0];
}

/** The number as people type and labels print it: spaced out, split in two, in lower case. */
function spacedVariants(number: string): string[] {
  const compact = number.replace(/\s+/g, '');
  const half = Math.floor(compact.length / 2);
  return [
    [...compact].join(' '),
    `${compact.slice(0, half)}  ${compact.slice(half)}`,
    `\t${compact.slice(0, 3)} ${compact.slice(3)}\n`,
    compact.toLowerCase(),
  ];
}

describe.skipIf(!hasShared)('against the carriers test numbers in ../shared', () => {
  it('has every carrier and format of the spec, with the same check-digit algorithms', () => {
    expect(specCouriers).toHaveLength(18);
    expect(CARRIERS.map((carrier) => carrier.code).sort()).toEqual(specCouriers.map((c) => c.courier_code).sort());
    const specFormats = specCouriers.flatMap((courier) =>
      courier.tracking_numbers.map((spec) => [courier, spec] as const),
    );
    expect(specFormats).toHaveLength(39);
    expect(CARRIERS.flatMap((carrier) => carrier.formats)).toHaveLength(39);
    for (const [courier, spec] of specFormats) {
      const format = ourFormat(courier.courier_code, spec.name);
      expect(format.checkDigit?.algorithm, format.id).toBe(spec.validation.checksum?.name);
    }
    expect(VALID).toHaveLength(192);
    expect(INVALID).toHaveLength(88);
  });

  it.each(VALID)('$courier, $formatName: detects $number', ({ courier, number, format }) => {
    const result = detectTrackingNumber(number);
    expect(result).toMatchObject({ ok: true, carrier: { code: courier }, format: format.id });
    expect(validateTrackingNumberFor(courier, number)).toMatchObject({ ok: true, format: format.id });
    if (result.ok && typeof format.length === 'number') expect(result.normalized).toHaveLength(format.length);
  });

  it.each(VALID)('$courier, $formatName: detects $number with spaces and in lower case', ({ number }) => {
    const expected = detectTrackingNumber(number);
    expect(expected.ok).toBe(true);
    for (const variant of spacedVariants(number)) expect(detectTrackingNumber(variant), variant).toEqual(expected);
  });

  it.each(WITH_CHECK_DIGIT)(
    '$courier, $formatName: refuses $number with any other check character',
    ({ courier, number, format }) => {
      const normalized = normalizeTrackingNumber(number);
      const index = checkDigitIndex(format, normalized);
      const others = ALPHANUMERIC.filter((char) => char !== normalized[index]);
      for (const char of others) {
        const changed = normalized.slice(0, index) + char + normalized.slice(index + 1);
        const result = detectTrackingNumber(changed);
        // Another format may rightly claim the changed number (a FedEx 12 can become a valid
        // Purolator number); it must never pass as this format again.
        expect(result.ok && result.format, changed).not.toBe(format.id);
        expect(validateTrackingNumberFor(courier, changed), changed).not.toMatchObject({ ok: true, format: format.id });
        if (!result.ok && format.pattern.test(changed)) expect(result.reason, changed).toMatch(/check digit is wrong/);
      }
    },
  );

  it.each(INVALID)('$courier, $formatName: does not accept $number as that format', ({ courier, number, format }) => {
    const result = detectTrackingNumber(number);
    expect(result.ok && result.format).not.toBe(format.id);
    expect(validateTrackingNumberFor(courier, number)).not.toMatchObject({ ok: true, format: format.id });
    if (!result.ok) expect(result.reason).not.toBe('');
  });
});
