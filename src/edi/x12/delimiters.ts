import { X12Error } from './x12-error.js';

/** The separators an interchange declares in its ISA segment. */
export type Delimiters = {
  element: string;
  component: string;
  /** ISA11 from version 00402 on; before that ISA11 is the standards id ("U") and there is none. */
  repetition: string | undefined;
  segment: string;
  /** Line breaks written after each terminator; not data, but kept so a file can be written back as it came. */
  suffix: string;
};

const ISA_ELEMENT_COUNT = 16;
const FIRST_VERSION_WITH_REPETITION = '00402';

/** Removes a byte-order mark and whitespace before the ISA: both are common in files saved by editors. */
export function stripLeadingNoise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
}

/**
 * Reads the delimiters from the ISA at the start of `text` (after any BOM and whitespace).
 *
 * The ISA is fixed-width (106 characters) in principle, but real files are not: Lowe's 180 has a
 * typographic apostrophe in ISA08 and hand-typed samples drop padding. So ISA16 is found by counting
 * element separators, never by offset.
 */
export function detectDelimiters(text: string): Delimiters {
  const isa = stripLeadingNoise(text);
  if (!isa.startsWith('ISA')) {
    throw new X12Error({
      segmentIndex: 0,
      code: 'bad-header',
      message: `segment 1 (${/^[A-Za-z0-9]*/.exec(isa)?.[0] || 'empty'}): an interchange must start with ISA`,
    });
  }
  const element = isa.charAt(3);
  if (element === '' || /[A-Za-z0-9\s]/.test(element)) {
    throw badHeader(`"${element}" after ISA cannot be an element separator`);
  }
  const positions: number[] = [];
  for (let i = 3; i < isa.length && positions.length < ISA_ELEMENT_COUNT; i++) {
    if (isa.charAt(i) === element) positions.push(i);
  }
  const lastSeparator = positions[ISA_ELEMENT_COUNT - 1];
  if (lastSeparator === undefined) {
    throw badHeader(`found ${positions.length} element separators, an ISA has ${ISA_ELEMENT_COUNT}`);
  }
  const component = isa.charAt(lastSeparator + 1);
  const segment = isa.charAt(lastSeparator + 2);
  if (component === '' || segment === '') throw badHeader('ISA16: the text ends before the segment terminator');
  const suffix = /^[\r\n]*/.exec(isa.slice(lastSeparator + 3))?.[0] ?? '';
  const elements = isa.slice(0, lastSeparator).split(element);
  return { element, component, repetition: repetitionOf(elements), segment, suffix };
}

function repetitionOf(isaElements: string[]): string | undefined {
  const isa11 = isaElements[11] ?? '';
  const isa12 = (isaElements[12] ?? '').trim();
  // Some senders fill ISA12 oddly (04010 for 00401) and keep the "U" in ISA11: a letter or digit is
  // never a separator, whatever the version says.
  if (isa12 < FIRST_VERSION_WITH_REPETITION || isa11.length !== 1 || /[A-Za-z0-9\s]/.test(isa11)) return undefined;
  return isa11;
}

function badHeader(detail: string): X12Error {
  return new X12Error({ segmentIndex: 0, code: 'bad-header', message: `segment 1 (ISA): ${detail}` });
}
