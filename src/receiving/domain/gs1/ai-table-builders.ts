// Small builders that keep the AI table readable: one line per AI (or AI range), in the
// order and words of the GS1 General Specifications and Barcode Syntax Dictionary.
import type { LinterName } from './linter-names.js';

/** N: digits; X: GS1 AI encodable character set 82; Y: set 39; Z: set 64 (base64url). */
export type CharacterSet = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's value: consumed left to right, each checked by its linters. */
export interface AiComponent {
  readonly characterSet: CharacterSet;
  readonly minLength: number;
  readonly maxLength: number;
  /** Optional components may be absent once the data is exhausted (e.g. the serial of a GRAI). */
  readonly optional: boolean;
  readonly linters: readonly LinterName[];
}

export interface ApplicationIdentifier {
  readonly ai: string;
  readonly title: string;
  /** Variable-length AIs (and some fixed ones) must be followed by FNC1/GS when another AI follows. */
  readonly fnc1Required: boolean;
  /** May appear as a query attribute of a GS1 Digital Link URI. */
  readonly digitalLinkAttribute: boolean;
  readonly components: readonly AiComponent[];
  /** Each entry is one "req" rule: any one alternative ("01+21" = both) must be present. */
  readonly requires: readonly (readonly string[])[];
  /** AIs (or patterns such as "310n") that must not appear together with this one. */
  readonly excludes: readonly string[];
  /** Present when the AI is a Digital Link primary key: each item is one allowed qualifier sequence. */
  readonly digitalLinkQualifiers?: readonly (readonly string[])[];
}

type Attributes = {
  req?: readonly (readonly string[])[];
  ex?: readonly string[];
  dlPrimaryKey?: readonly (readonly string[])[];
};

function component(characterSet: CharacterSet, min: number, max: number, linters: LinterName[]): AiComponent {
  return { characterSet, minLength: min, maxLength: max, optional: false, linters };
}

export const n = (length: number, ...linters: LinterName[]) => component('N', length, length, linters);
export const nUpTo = (max: number, ...linters: LinterName[]) => component('N', 1, max, linters);
export const x = (length: number, ...linters: LinterName[]) => component('X', length, length, linters);
export const xUpTo = (max: number, ...linters: LinterName[]) => component('X', 1, max, linters);
export const yUpTo = (max: number, ...linters: LinterName[]) => component('Y', 1, max, linters);
export const zUpTo = (max: number, ...linters: LinterName[]) => component('Z', 1, max, linters);
export const opt = (part: AiComponent): AiComponent => ({ ...part, optional: true });

function entry(
  code: string,
  title: string,
  termination: 'fixed' | 'fnc1',
  digitalLink: 'dl' | 'noDl',
  components: AiComponent[],
  attributes: Attributes,
): ApplicationIdentifier {
  return {
    ai: code,
    title,
    fnc1Required: termination === 'fnc1',
    digitalLinkAttribute: digitalLink === 'dl',
    components,
    requires: attributes.req ?? [],
    excludes: attributes.ex ?? [],
    ...(attributes.dlPrimaryKey ? { digitalLinkQualifiers: attributes.dlPrimaryKey } : {}),
  };
}

/** One AI. */
export function ai(...args: Parameters<typeof entry>): ApplicationIdentifier[] {
  return [entry(...args)];
}

/** A run of AIs sharing one definition, e.g. (3100)–(3105): net weight in kg with 0–5 decimals. */
export function range(
  first: string,
  last: string,
  ...rest: Parameters<typeof entry> extends [string, ...infer R] ? R : never
): ApplicationIdentifier[] {
  const out: ApplicationIdentifier[] = [];
  for (let value = Number(first); value <= Number(last); value++) {
    out.push(entry(String(value).padStart(first.length, '0'), ...rest));
  }
  return out;
}
