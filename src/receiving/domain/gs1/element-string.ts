// Element strings: bracketed "(01)…(10)…" and unbracketed "^01…10…" (where "^" stands for FNC1,
// which scanners transmit as GS, 0x1D). Splits them into AIs and checks each value against the
// AI table: length, character set and every linter of every component.
import { lookupAiAtStartOf, lookupExactAi, maximumValueLength, minimumValueLength } from './application-identifiers.js';
import type { ApplicationIdentifier } from './application-identifiers.js';
import { lintComponent } from './linters.js';
import type { LinterFailure, LinterOptions } from './linters.js';

export interface ElementStringOptions extends LinterOptions {
  /** Accept AIs the table does not know (their length must follow from their prefix). */
  readonly permitUnknownAis?: boolean;
}

export interface Element {
  readonly ai: string;
  readonly value: string;
  readonly entry: ApplicationIdentifier;
}

export type SyntaxErrorKind =
  | 'no-data'
  | 'missing-fnc1-first'
  | 'malformed'
  | 'unknown-ai'
  | 'empty-value'
  | 'too-short'
  | 'too-long'
  | 'illegal-caret'
  | 'linter';

export interface Gs1SyntaxError {
  readonly kind: SyntaxErrorKind;
  readonly ai?: string;
  /** Offset in the input where the problem starts, when it can be told. */
  readonly position?: number;
  readonly linter?: LinterFailure;
  /** The AI's value with the offending characters between bars, e.g. "(8001)1|X|34…". */
  readonly markup?: string;
}

export type ElementsResult = { ok: true; elements: Element[] } | { ok: false; error: Gs1SyntaxError };

/**
 * Check `value` component by component; returns how many characters the components consumed
 * (a fixed-length AI may be followed directly by the next AI) or the failure.
 */
export function validateValue(
  entry: ApplicationIdentifier,
  value: string,
  options?: LinterOptions,
): { consumed: number } | { error: Gs1SyntaxError } {
  if (value.length === 0) return { error: { kind: 'empty-value', ai: entry.ai } };
  let offset = 0;
  for (const part of entry.components) {
    const length = Math.min(part.maxLength, value.length - offset);
    if (part.optional && length === 0) continue;
    if (length < part.minLength) return { error: { kind: 'too-short', ai: entry.ai, position: offset } };
    const component = value.slice(offset, offset + length);
    const failure = lintComponent(part.characterSet, part.linters, component, options);
    if (failure) {
      const start = offset + failure.position;
      const end = start + failure.length;
      const markup = `(${entry.ai})${value.slice(0, start)}|${value.slice(start, end)}|${value.slice(end, offset + length)}`;
      return { error: { kind: 'linter', ai: entry.ai, position: start, linter: failure, markup } };
    }
    offset += length;
  }
  return { consumed: offset };
}

/** Unbracketed data, "^" = FNC1 in first position and after each variable-length value. */
export function parseElementString(data: string, options: ElementStringOptions = {}): ElementsResult {
  if (!data.startsWith('^')) return { ok: false, error: { kind: 'missing-fnc1-first', position: 0 } };
  if (data.length === 1) return { ok: false, error: { kind: 'no-data', position: 1 } };
  const elements: Element[] = [];
  let p = 1;
  while (p < data.length) {
    const lookup = lookupAiAtStartOf(data.slice(p), options.permitUnknownAis ?? false);
    if (!lookup.found) return { ok: false, error: { kind: 'unknown-ai', position: p, ai: data.slice(p, p + 4) } };
    const { entry } = lookup;
    const valueStart = p + entry.ai.length;
    const nextFnc1 = data.indexOf('^', valueStart);
    const valueEnd = nextFnc1 === -1 ? data.length : nextFnc1;
    const checked = validateValue(entry, data.slice(valueStart, valueEnd), options);
    if ('error' in checked) return { ok: false, error: offsetBy(checked.error, valueStart) };
    elements.push({ ai: entry.ai, value: data.slice(valueStart, valueStart + checked.consumed), entry });
    p = valueStart + checked.consumed;
    if (entry.fnc1Required && p < data.length && data[p] !== '^') {
      return { ok: false, error: { kind: 'too-long', ai: entry.ai, position: p } };
    }
    if (data[p] === '^') p++; // tolerated even after fixed-length AIs
  }
  return { ok: true, elements };
}

function offsetBy(error: Gs1SyntaxError, offset: number): Gs1SyntaxError {
  return error.position === undefined ? error : { ...error, position: error.position + offset };
}

/**
 * Bracketed data as people type it. "\(" is a literal bracket in a value; "^" is refused
 * because it would be mistaken for FNC1.
 */
export function parseBracketed(input: string, options: ElementStringOptions = {}): ElementsResult {
  const elements: Element[] = [];
  let p = 0;
  if (input.length === 0) return { ok: false, error: { kind: 'no-data', position: 0 } };
  while (p < input.length) {
    if (input[p] !== '(') return { ok: false, error: { kind: 'malformed', position: p } };
    const close = input.indexOf(')', p + 1);
    if (close === -1) return { ok: false, error: { kind: 'malformed', position: p } };
    const ai = input.slice(p + 1, close);
    const lookup = lookupExactAi(ai, options.permitUnknownAis ?? false);
    if (!lookup.found) return { ok: false, error: { kind: 'unknown-ai', ai, position: p + 1 } };
    let value = '';
    let q = close + 1;
    for (;;) {
      const nextOpen = input.indexOf('(', q);
      const end = nextOpen === -1 ? input.length : nextOpen;
      if (nextOpen !== -1 && input[nextOpen - 1] === '\\') {
        value += input.slice(q, nextOpen - 1) + '(';
        q = nextOpen + 1;
        continue;
      }
      value += input.slice(q, end);
      q = end;
      break;
    }
    const { entry } = lookup;
    const position = close + 1;
    if (value.length === 0) return { ok: false, error: { kind: 'empty-value', ai, position } };
    if (value.length < minimumValueLength(entry)) return { ok: false, error: { kind: 'too-short', ai, position } };
    if (value.length > maximumValueLength(entry)) return { ok: false, error: { kind: 'too-long', ai, position } };
    if (value.includes('^')) return { ok: false, error: { kind: 'illegal-caret', ai, position } };
    const checked = validateValue(entry, value, options);
    if ('error' in checked) return { ok: false, error: offsetBy(checked.error, position) };
    elements.push({ ai, value, entry });
    p = q;
  }
  return { ok: true, elements };
}

/** The unbracketed form: FNC1 first, and after every value whose AI needs it when more follows. */
export function toElementString(elements: readonly Element[]): string {
  let out = '^';
  elements.forEach((element, index) => {
    out += element.ai + element.value;
    if (element.entry.fnc1Required && index < elements.length - 1) out += '^';
  });
  return out;
}
