import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ECB_WITHDRAWN_CURRENCIES, EcbRatesError, parseEcbRates } from './ecb-rates.js';

const SHARED = new URL('../../../../shared/data/', import.meta.url);
const DAILY = new URL('fx/eurofxref-daily.xml', SHARED);
const ISO_LIST = new URL('iso4217/codes-all.csv', SHARED);
const hasDaily = existsSync(DAILY);
if (!hasDaily) console.warn('SKIPPED: ECB daily rates fixture — ../shared/data/fx/eurofxref-daily.xml is absent');
const hasIsoList = existsSync(ISO_LIST);
if (!hasIsoList) console.warn('SKIPPED: withdrawn currencies check — ../shared/data/iso4217/codes-all.csv is absent');

const ENVELOPE_START = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>`;
const ENVELOPE_END = `</Cube>
</gesmes:Envelope>`;
const ecb = (cubes: string) => `${ENVELOPE_START}${cubes}${ENVELOPE_END}`;
const day = (date: string, rates: Record<string, string>) =>
  `<Cube time='${date}'>${Object.entries(rates)
    .map(([currency, rate]) => `<Cube currency='${currency}' rate='${rate}'/>`)
    .join('')}</Cube>`;

function problemsOf(text: string): string[] {
  try {
    parseEcbRates(text);
  } catch (error) {
    expect(error).toBeInstanceOf(EcbRatesError);
    return (error as EcbRatesError).problems;
  }
  throw new Error('expected the text to be refused');
}

describe('parseEcbRates', () => {
  describe.skipIf(!hasDaily)('the ECB daily file in ../shared', () => {
    const parsed = hasDaily ? parseEcbRates(readFileSync(DAILY, 'utf8')) : null;

    it('reads the date and the rates exactly as published, against the euro', () => {
      expect(parsed!.base).toBe('EUR');
      expect(parsed!.date).toBe('2022-07-08');
      expect(parsed!.days.map((d) => d.date)).toEqual(['2022-07-08']);
      const rate = (quote: string) => parsed!.rates.find((r) => r.quote === quote)?.rate;
      expect(rate('USD')).toBe('1.0163');
      expect(rate('JPY')).toBe('138.05');
      expect(rate('GBP')).toBe('0.84585');
      // Trailing zeros are kept: the decimal is the published text, not a float.
      expect(rate('PLN')).toBe('4.7630');
      expect(rate('ISK')).toBe('139.50');
      expect(rate('IDR')).toBe('15210.73');
      expect(parsed!.rates[0]).toEqual({ quote: 'USD', rate: '1.0163' });
    });

    it('leaves out the currencies withdrawn since (kuna, lev) and says so', () => {
      // 31 published: 29 current currencies and two withdrawn since 2022.
      expect(parsed!.rates).toHaveLength(29);
      expect(parsed!.skipped.map((s) => [s.quote, s.rate])).toEqual([
        ['BGN', '1.9558'],
        ['HRK', '7.5190'],
      ]);
      expect(parsed!.skipped[1]!.reason).toContain('2023-01');
    });
  });

  it('reads a history file (several dated Cubes, newest first) oldest first', () => {
    const parsed = parseEcbRates(
      ecb(day('2024-03-05', { USD: '1.0857', GBP: '0.85420' }) + day('2024-03-04', { USD: '1.0844', GBP: '0.85510' })),
    );
    expect(parsed.days).toEqual([
      {
        date: '2024-03-04',
        rates: [
          { quote: 'USD', rate: '1.0844' },
          { quote: 'GBP', rate: '0.85510' },
        ],
      },
      {
        date: '2024-03-05',
        rates: [
          { quote: 'USD', rate: '1.0857' },
          { quote: 'GBP', rate: '0.85420' },
        ],
      },
    ]);
    expect(parsed.date).toBe('2024-03-05');
    expect(parsed.rates[0]).toEqual({ quote: 'USD', rate: '1.0857' });
  });

  it('accepts a byte-order mark and double-quoted attributes', () => {
    const parsed = parseEcbRates(`\uFEFF${ecb('<Cube time="2024-03-05"><Cube currency="KWD" rate="0.3335"/></Cube>')}`);
    expect(parsed.rates).toEqual([{ quote: 'KWD', rate: '0.3335' }]);
  });

  describe('refuses what is not ECB reference rates, saying why', () => {
    it.each([
      ['an empty text', '', /empty/],
      ['JSON', '{"USD": 1.08}', /not well-formed XML.*line 1/],
      ['plain text', 'USD 1.0163', /not well-formed XML/],
      [
        'a file cut short',
        `${ENVELOPE_START}<Cube time='2024-03-05'>`,
        /not well-formed XML: <gesmes:Envelope>, <Cube>, <Cube> never closed \(is the file cut short\?\)/,
      ],
      ['another XML document', '<rates><rate currency="USD">1.08</rate></rates>', /root element is <rates>/],
      ['a DOCTYPE (entity expansion)', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', /DOCTYPE/],
      ['an envelope without rates', ecb(''), /no <Cube time/],
    ])('%s', (_name, text, message) => {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    });

    it('a dated Cube without its time, or with a time that is no date', () => {
      expect(problemsOf(ecb("<Cube><Cube currency='USD' rate='1.08'/></Cube>"))).toEqual([
        'dated Cube 1 has no time attribute',
      ]);
      expect(problemsOf(ecb(day('2024-02-30', { USD: '1.08' })))[0]).toMatch(/2024-02-30.*not a date/);
      expect(problemsOf(ecb(day('05/03/2024', { USD: '1.08' })))[0]).toMatch(/not a date/);
    });

    it.each([['-1.08'], ['0'], ['0.0000'], ['1,08'], ['1.08e2'], ['abc'], [''], ['1.0000000000001']])(
      'a rate of "%s"',
      (rate) => {
        expect(problemsOf(ecb(day('2024-03-05', { USD: rate })))).toEqual([
          `Cube time="2024-03-05", rate 1 (USD): the rate "${rate}" is not a positive decimal`,
        ]);
      },
    );

    it('unknown codes, the euro against itself, a currency twice on one day, a day twice', () => {
      expect(problemsOf(ecb(day('2024-03-05', { XYZ: '1.5' })))[0]).toMatch(/"XYZ" is not a current ISO 4217 currency/);
      expect(problemsOf(ecb(day('2024-03-05', { usd: '1.08' })))[0]).toMatch(/"usd" is not a current/);
      expect(problemsOf(ecb(day('2024-03-05', { XAU: '0.0005' })))[0]).toMatch(/"XAU" is not a current/);
      expect(problemsOf(ecb(day('2024-03-05', { EUR: '1' })))[0]).toMatch(/euro against itself/);
      const twice = `<Cube time='2024-03-05'><Cube currency='USD' rate='1.08'/><Cube currency='USD' rate='1.09'/></Cube>`;
      expect(problemsOf(ecb(twice))[0]).toMatch(/USD appears twice/);
      expect(problemsOf(ecb(day('2024-03-05', { USD: '1.08' }) + day('2024-03-05', { USD: '1.08' })))[0]).toMatch(
        /2024-03-05.*appears twice/,
      );
    });

    it('a withdrawn currency dated after its withdrawal; before it, the rate is left out', () => {
      expect(problemsOf(ecb(day('2023-02-01', { USD: '1.08', HRK: '7.53' })))).toEqual([
        'Cube time="2023-02-01", rate 2 (HRK): ISO 4217 withdrew HRK in 2023-01, before this rate\'s date',
      ]);
      const before = parseEcbRates(ecb(day('2022-12-30', { USD: '1.0666', HRK: '7.5365' })));
      expect(before.rates).toEqual([{ quote: 'USD', rate: '1.0666' }]);
      expect(before.skipped.map((s) => s.quote)).toEqual(['HRK']);
    });

    it('lists every problem of the file, not only the first', () => {
      const problems = problemsOf(ecb(day('2024-03-05', { USD: '-1', GBP: '0.85', QQQ: '2' }) + "<Cube time='x'/>"));
      expect(problems).toEqual([
        'Cube time="2024-03-05", rate 1 (USD): the rate "-1" is not a positive decimal',
        'Cube time="2024-03-05", rate 3 (QQQ): "QQQ" is not a current ISO 4217 currency',
        'Cube time="x": the time is not a date (YYYY-MM-DD)',
      ]);
      expect(() => parseEcbRates(ecb(day('2024-03-05', { USD: '-1', QQQ: '2' })))).toThrow(/\(and 1 more problem\)$/);
    });
  });

  describe.skipIf(!hasIsoList)('the withdrawn currencies against the ISO 4217 list in ../shared', () => {
    it('names each with the month ISO 4217 records it withdrawn', () => {
      const rows = readFileSync(ISO_LIST, 'utf8').trim().split('\n').slice(1);
      for (const [code, month] of Object.entries(ECB_WITHDRAWN_CURRENCIES)) {
        const withdrawals = rows
          .map((row) => row.split(','))
          .filter((cells) => cells.at(-4) === code && cells.at(-1))
          .map((cells) => cells.at(-1));
        // The latest withdrawal recorded for the code (HRK has an older entry for one territory).
        expect(withdrawals.sort().at(-1), code).toBe(month);
      }
    });
  });
});
