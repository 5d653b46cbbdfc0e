// The AI table as one lookup, and the rules for finding which AI starts a run of digits.
import { AIS_00_TO_39 } from './application-identifiers-00-to-39.js';
import { AIS_40_TO_99 } from './application-identifiers-40-to-99.js';
import type { ApplicationIdentifier } from './ai-table-builders.js';

export type { AiComponent, ApplicationIdentifier, CharacterSet } from './ai-table-builders.js';

export const APPLICATION_IDENTIFIERS: readonly ApplicationIdentifier[] = [...AIS_00_TO_39, ...AIS_40_TO_99];

const BY_AI = new Map(APPLICATION_IDENTIFIERS.map((entry) => [entry.ai, entry]));

/**
 * All AIs that share their first two digits have the same length (GS1 General Specifications
 * 3.2): that is what lets a reader split "0112345678901231" without brackets.
 */
const AI_LENGTH_BY_PREFIX = new Map<string, number>();
for (const entry of APPLICATION_IDENTIFIERS) AI_LENGTH_BY_PREFIX.set(entry.ai.slice(0, 2), entry.ai.length);

/**
 * Prefixes the General Specifications predefine as fixed length (Figure 7.8.5-2), so a reader
 * knows where an AI ends even when it does not know the AI: value length by prefix.
 */
const PREDEFINED_FIXED_VALUE_LENGTH: Readonly<Record<string, number>> = {
  '00': 18, '01': 14, '02': 14, '03': 14, '04': 16,
  '11': 6, '12': 6, '13': 6, '14': 6, '15': 6, '16': 6, '17': 6, '18': 6, '19': 6, '20': 2,
  '31': 6, '32': 6, '33': 6, '34': 6, '35': 6, '36': 6, '41': 13,
}; // prettier-ignore

export function applicationIdentifier(ai: string): ApplicationIdentifier | undefined {
  return BY_AI.get(ai);
}

export function aiLengthForPrefix(prefix: string): number | undefined {
  return AI_LENGTH_BY_PREFIX.get(prefix);
}

/** An AI not in the table, accepted only when the caller allows unknown AIs. */
export function unknownApplicationIdentifier(ai: string): ApplicationIdentifier {
  const fixed = PREDEFINED_FIXED_VALUE_LENGTH[ai.slice(0, 2)];
  return {
    ai,
    title: 'UNKNOWN',
    fnc1Required: fixed === undefined,
    digitalLinkAttribute: false,
    components: [{ characterSet: 'X', minLength: fixed ?? 1, maxLength: fixed ?? 90, optional: false, linters: [] }],
    requires: [],
    excludes: [],
  };
}

export type AiLookup =
  | { found: true; entry: ApplicationIdentifier; known: boolean }
  | { found: false; reason: 'not-digits' | 'unknown' | 'conflicts-with-known-ai' };

/**
 * Look up an AI given exactly (bracketed data, Digital Link path): "37" is (37), but "371" is not
 * an AI even though it starts with one, and "800" cannot be an unknown AI because (8001) exists.
 */
export function lookupExactAi(ai: string, permitUnknownAis: boolean): AiLookup {
  if (!/^\d{2,4}$/.test(ai)) return { found: false, reason: 'not-digits' };
  const entry = BY_AI.get(ai);
  if (entry) return { found: true, entry, known: true };
  const byPrefix = AI_LENGTH_BY_PREFIX.get(ai.slice(0, 2));
  const isPrefixOfKnown = APPLICATION_IDENTIFIERS.some((known) => known.ai.startsWith(ai) || ai.startsWith(known.ai));
  if (isPrefixOfKnown) return { found: false, reason: 'conflicts-with-known-ai' };
  if (!permitUnknownAis) return { found: false, reason: 'unknown' };
  if (byPrefix !== undefined && byPrefix !== ai.length) return { found: false, reason: 'conflicts-with-known-ai' };
  return { found: true, entry: unknownApplicationIdentifier(ai), known: false };
}

/**
 * Find the AI at the start of unbracketed data ("0112345678901231…"). Unknown AIs are only
 * possible when the prefix tells their length; otherwise AI and value cannot be told apart.
 */
export function lookupAiAtStartOf(data: string, permitUnknownAis: boolean): AiLookup {
  if (!/^\d\d/.test(data)) return { found: false, reason: 'not-digits' };
  const length = AI_LENGTH_BY_PREFIX.get(data.slice(0, 2));
  if (length === undefined) return { found: false, reason: 'unknown' };
  const candidate = data.slice(0, length);
  if (!/^\d+$/.test(candidate) || candidate.length < length) return { found: false, reason: 'not-digits' };
  const entry = BY_AI.get(candidate);
  if (entry) return { found: true, entry, known: true };
  if (!permitUnknownAis) return { found: false, reason: 'unknown' };
  return { found: true, entry: unknownApplicationIdentifier(candidate), known: false };
}

export function minimumValueLength(entry: ApplicationIdentifier): number {
  return entry.components.reduce((sum, part) => sum + (part.optional ? 0 : part.minLength), 0);
}

export function maximumValueLength(entry: ApplicationIdentifier): number {
  return entry.components.reduce((sum, part) => sum + part.maxLength, 0);
}
