// Test support: GS1's own syntax-engine test vectors and Barcode Syntax Dictionary, read from
// ../shared (outside the repository). Tests skip with a warning when it is absent.
import { existsSync, readFileSync } from 'node:fs';

export const GS1_DATA = new URL('../../../../../shared/data/gs1/', import.meta.url);
const VECTORS = new URL('gs1-syntax-engine-test-vectors.json', GS1_DATA);

export const hasGs1Data = existsSync(VECTORS);
if (!hasGs1Data) console.warn('SKIPPED: GS1 syntax-engine vectors — ../shared/data/gs1 is absent on this machine');

export type EncoderState = Readonly<Record<string, string>> | null;

export interface VectorFile {
  readonly [category: string]: { readonly cases: readonly Record<string, unknown>[] } & Record<string, unknown>;
}

export function readGs1File(name: string): string {
  return readFileSync(new URL(name, GS1_DATA), 'utf8');
}

export function loadVectors(): VectorFile {
  return hasGs1Data ? (JSON.parse(readFileSync(VECTORS, 'utf8')) as VectorFile) : {};
}

export function casesOf<T>(vectors: VectorFile, category: string): T[] {
  return (vectors[category]?.cases ?? []) as T[];
}

/** The encoder's boolean settings a case's test function had set ("true"/"false" strings). */
export function stateFlag(state: EncoderState, setter: string): boolean | undefined {
  const value = state?.[setter];
  if (value === undefined) return undefined;
  return value.replace(/.*,\s*/, '') === 'true';
}

/** Printable title for it.each: control characters shown as \xNN. */
export function printable(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x20 || (code >= 0x7f && code < 0xa0) ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
    })
    .join('');
}
