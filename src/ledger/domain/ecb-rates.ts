// The European Central Bank's euro reference rates as it publishes them: the daily file
// (eurofxref-daily.xml, one dated Cube) and the history files (eurofxref-hist*.xml, one dated Cube
// per business day, newest first). A gesmes envelope around
//   <Cube><Cube time="2022-07-08"><Cube currency="USD" rate="1.0163"/>…</Cube></Cube>
// Every rate is units of the currency per one euro. Pure: text in, rates or a list of problems out.
//
// XML is read with fast-xml-parser (maintained, pure JavaScript: no native build on any machine).
// The text is checked for well-formedness first, entities are not expanded, and a DOCTYPE is
// refused outright (the ECB sends none; it is the way entity-expansion attacks come in).
//
// Currencies: a code ISO 4217 lists as current is imported. A code it lists as withdrawn is not
// (no amount is ever booked in it) but it is not an error either when the rate is dated before
// the withdrawal: the ECB published the kuna until 2022 and the lev until 2025, so old files and
// the history files hold them. A rate dated after its currency was withdrawn, or a code ISO 4217
// does not know, means the file is not what it claims to be: refused.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseIsoDate } from '../../platform/calendar.js';
import { isKnownCurrency } from '../../platform/money/currencies.js';
import { isRate } from './fx.js';

export const ECB_BASE_CURRENCY = 'EUR';

/**
 * Currencies the ECB has published reference rates for that ISO 4217 has since withdrawn, with
 * the month ISO 4217 records the withdrawal (its list of withdrawn codes, `codes-all.csv`).
 */
export const ECB_WITHDRAWN_CURRENCIES: Readonly<Record<string, string>> = {
  BGN: '2026-01',
  CYP: '2008-01',
  EEK: '2011-01',
  HRK: '2023-01',
  LTL: '2014-12',
  LVL: '2014-01',
  MTL: '2008-01',
  ROL: '2005-06',
  SIT: '2007-01',
  SKK: '2009-01',
  TRL: '2005-12',
};

export interface EcbRate {
  /** ISO 4217 code of the currency quoted against the euro. */
  quote: string;
  /** Units of `quote` per euro, the decimal exactly as published ("4.7630" keeps its zero). */
  rate: string;
}

export interface EcbDay {
  date: string;
  rates: EcbRate[];
}

export interface EcbSkippedRate {
  date: string;
  quote: string;
  rate: string;
  reason: string;
}

export interface EcbRates {
  base: typeof ECB_BASE_CURRENCY;
  /** The latest day in the file (the daily file's only one). */
  date: string;
  /** That day's rates, in the order published. */
  rates: EcbRate[];
  /** Every day in the file, oldest first. */
  days: EcbDay[];
  /** Rates left out: currencies withdrawn since, published while they were current. */
  skipped: EcbSkippedRate[];
}

/** The file is not ECB reference rates; `problems` says where and why (at most MAX_PROBLEMS). */
export class EcbRatesError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length > 1
        ? `${problems[0]} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : problems[0],
    );
    this.name = 'EcbRatesError';
  }
}

const MAX_PROBLEMS = 20;
const monthOf = (date: string) => date.slice(0, 7);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Attribute values stay the text published: "4.7630", not the number 4.763.
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: false,
  isArray: (name) => name === 'Cube',
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The `<Cube>` children of an element; an empty `<Cube/>` reads as an element without attributes. */
const cubesOf = (node: Node): Node[] =>
  Array.isArray(node.Cube) ? node.Cube.map((cube: unknown) => (isNode(cube) ? cube : {})) : [];
const textOf = (node: Node, name: string): string | undefined =>
  typeof node[name] === 'string' ? node[name] : undefined;

export function parseEcbRates(text: string): EcbRates {
  const problems: string[] = [];
  const refuse = (problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new EcbRatesError(['the file is empty: expected the ECB reference-rates XML']);
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    throw new EcbRatesError(['the XML declares a DOCTYPE or entities, which ECB reference rates never do']);
  const wellFormed = XMLValidator.validate(body);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    // The parser lists elements left open as "Invalid '[ "a", "b" ]' found.": said plainly here.
    const open = msg.startsWith("Invalid '[") ? [...msg.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`) : [];
    const what = open.length > 0 ? `${open.join(', ')} never closed (is the file cut short?)` : msg;
    throw new EcbRatesError([`not well-formed XML: ${what} (line ${line}${col ? `, column ${col}` : ''})`]);
  }

  const document = parser.parse(body) as Node;
  const envelope = document.Envelope;
  if (!isNode(envelope))
    throw new EcbRatesError([
      `not ECB reference rates: the root element is <${rootName(document)}>, expected <gesmes:Envelope>`,
    ]);
  const outer = cubesOf(envelope);
  if (outer.length !== 1)
    throw new EcbRatesError([`not ECB reference rates: expected one <Cube> in the envelope, found ${outer.length}`]);
  const dated = cubesOf(outer[0]!);
  if (dated.length === 0) throw new EcbRatesError(['no <Cube time="YYYY-MM-DD"> in the file: it holds no rates']);

  const days: EcbDay[] = [];
  const skipped: EcbSkippedRate[] = [];
  const seenDates = new Set<string>();
  for (const [index, cube] of dated.entries()) {
    const date = textOf(cube, 'time');
    const where = date ? `Cube time="${date}"` : `dated Cube ${index + 1}`;
    if (date === undefined) {
      refuse(`${where} has no time attribute`);
      continue;
    }
    if (!isCalendarDate(date)) {
      refuse(`${where}: the time is not a date (YYYY-MM-DD)`);
      continue;
    }
    if (seenDates.has(date)) {
      refuse(`${where} appears twice`);
      continue;
    }
    seenDates.add(date);
    const entries = cubesOf(cube);
    if (entries.length === 0) refuse(`${where} holds no rates`);
    const rates: EcbRate[] = [];
    const seenQuotes = new Set<string>();
    for (const [position, entry] of entries.entries()) {
      const quote = textOf(entry, 'currency');
      const at = `${where}, rate ${position + 1}${quote ? ` (${quote})` : ''}`;
      const problem = problemOf(entry, date, seenQuotes);
      if (problem) refuse(`${at}: ${problem}`);
      else if (quote !== undefined && ECB_WITHDRAWN_CURRENCIES[quote] !== undefined)
        skipped.push({
          date,
          quote,
          rate: textOf(entry, 'rate')!,
          reason: `ISO 4217 withdrew ${quote} in ${ECB_WITHDRAWN_CURRENCIES[quote]}; no amount is booked in it`,
        });
      else rates.push({ quote: quote!, rate: textOf(entry, 'rate')! });
    }
    days.push({ date, rates });
  }
  if (problems.length > 0) throw new EcbRatesError(problems);

  days.sort((a, b) => a.date.localeCompare(b.date));
  const latest = days[days.length - 1]!;
  return { base: ECB_BASE_CURRENCY, date: latest.date, rates: latest.rates, days, skipped };
}

/** What is wrong with one `<Cube currency rate>`, or null when it can be read. */
function problemOf(entry: Node, date: string, seenQuotes: Set<string>): string | null {
  const quote = textOf(entry, 'currency');
  const rate = textOf(entry, 'rate');
  if (quote === undefined) return 'no currency attribute';
  if (rate === undefined) return 'no rate attribute';
  if (!isRate(rate)) return `the rate "${rate}" is not a positive decimal`;
  if (seenQuotes.has(quote)) return `${quote} appears twice on the day`;
  seenQuotes.add(quote);
  if (quote === ECB_BASE_CURRENCY) return 'a rate of the euro against itself';
  const withdrawnIn = ECB_WITHDRAWN_CURRENCIES[quote];
  if (withdrawnIn !== undefined)
    return monthOf(date) > withdrawnIn ? `ISO 4217 withdrew ${quote} in ${withdrawnIn}, before this rate's date` : null;
  if (!isKnownCurrency(quote)) return `"${quote}" is not a current ISO 4217 currency`;
  return null;
}

function isCalendarDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

function rootName(document: Node): string {
  return Object.keys(document).find((key) => !key.startsWith('?')) ?? 'none';
}
