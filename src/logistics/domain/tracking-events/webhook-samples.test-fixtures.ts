// The carriers' real sample payloads in ../shared/data/webhooks (read there, never copied into
// the repository; SOURCES.md there names each file's origin and licence).
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const SAMPLES = new URL('../../../../../shared/data/webhooks/', import.meta.url);

export const hasWebhookSamples = existsSync(new URL('easypost/webhook-hmac-vector.json', SAMPLES));

export function warnIfSamplesAbsent(what: string): void {
  if (!hasWebhookSamples) console.warn(`SKIPPED: ${what} — ../shared/data/webhooks is absent on this machine`);
}

/** The file's bytes as text, exactly (no trimming: signatures depend on every byte). */
export function sampleText(path: string): string {
  return readFileSync(new URL(path, SAMPLES), 'utf8');
}

export function sampleJson(path: string): unknown {
  return JSON.parse(sampleText(path));
}

/** The JSON files of one provider's folder, so a sample added there becomes a test case. */
export function sampleFiles(folder: string): string[] {
  if (!hasWebhookSamples) return [];
  return readdirSync(new URL(`${folder}/`, SAMPLES))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${folder}/${name}`);
}
