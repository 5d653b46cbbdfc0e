// GS1 Digital Link URIs (https://id.gs1.org/01/09520123456788/10/ABC1?17=180426): a primary key
// with its qualifiers in the path, other AIs as query attributes, any stem before the key.
import { lookupExactAi, maximumValueLength, minimumValueLength } from './application-identifiers.js';
import type { ApplicationIdentifier } from './application-identifiers.js';
import { validateValue } from './element-string.js';
import type { Element, ElementStringOptions, Gs1SyntaxError } from './element-string.js';
import { uriUnescape } from './uri-escaping.js';

export interface DigitalLinkOptions extends ElementStringOptions {
  /** Accept GTIN-8/12/13 in (01) and pad them to 14 digits (legacy URIs). */
  readonly permitZeroSuppressedGtin?: boolean;
  /** Accept the retired path words "gtin", "ser", "sscc"… for AIs. */
  readonly permitConvenienceAlphas?: boolean;
  /** Unknown AIs may be query attributes only when this is true (default false). */
  readonly permitUnknownAiAttributes?: boolean;
}

export type DigitalLinkError = { kind: 'digital-link'; reason: string } | Gs1SyntaxError;

export type DigitalLinkResult = { ok: true; elements: Element[] } | { ok: false; error: DigitalLinkError };

/** The short names early Digital Link URIs used instead of numeric AIs. */
const CONVENIENCE_ALPHAS: Readonly<Record<string, string>> = {
  sscc: '00', gtin: '01', lot: '10', ser: '21', cpv: '22', gdti: '253', gcn: '255', gln: '414',
  payTo: '415', gsrnp: '8017', gsrn: '8018', srin: '8019', itip: '8006', ginc: '401', gsin: '402',
  grai: '8003', giai: '8004', cpid: '8010', cpsn: '8011', gmn: '8013', glnx: '254',
}; // prettier-ignore

/** RFC 3986 characters; anything else (space, <>{}\^`|") cannot be in a URI. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

const fail = (reason: string): DigitalLinkResult => ({ ok: false, error: { kind: 'digital-link', reason } });

function resolveKey(key: string, options: DigitalLinkOptions): string | undefined {
  if (/^\d+$/.test(key)) return key;
  return options.permitConvenienceAlphas ? CONVENIENCE_ALPHAS[key] : undefined;
}

function checkedElement(
  ai: string,
  raw: string,
  entry: ApplicationIdentifier,
  options: DigitalLinkOptions,
): Element | DigitalLinkError {
  let value = raw;
  if (value.length === 0) return { kind: 'empty-value', ai };
  if (value.includes('\0')) return { kind: 'digital-link', reason: `The value of (${ai}) holds a NUL character.` };
  if (ai === '01' && options.permitZeroSuppressedGtin && [8, 12, 13].includes(value.length))
    value = value.padStart(14, '0');
  if (value.length < minimumValueLength(entry)) return { kind: 'too-short', ai };
  if (value.length > maximumValueLength(entry)) return { kind: 'too-long', ai };
  const checked = validateValue(entry, value, options);
  if ('error' in checked) return checked.error;
  if (checked.consumed !== value.length) return { kind: 'too-long', ai };
  return { ai, value, entry };
}

const isElement = (value: Element | DigitalLinkError): value is Element => 'entry' in value;

export function parseDigitalLink(uri: string, options: DigitalLinkOptions = {}): DigitalLinkResult {
  const scheme = /^(http|HTTP|https|HTTPS):\/\//.exec(uri);
  if (!scheme) return fail('A GS1 Digital Link starts with http:// or https://.');
  if (!URI_CHARACTERS.test(uri)) return fail('The link holds characters that cannot be in a web address.');
  const withoutFragment = uri.slice(scheme[0].length).split('#')[0]!;
  const [pathPart = '', query = ''] = withoutFragment.split(/\?(.*)/s);
  const slash = pathPart.indexOf('/');
  if (slash <= 0) return fail('The link has no domain or no path.');
  const authority = pathPart.slice(0, slash);
  if (!/^([A-Za-z0-9\-._~]+|\[[0-9A-Fa-f:.]+\])(:\d*)?$/.test(authority))
    return fail('The link has an invalid domain.');
  const path = pathPart.slice(slash);
  if (path.endsWith('/')) return fail('The link path must not end with "/".');
  const segments = path.slice(1).split('/');

  // Walk key/value pairs from the right until the rightmost primary key; the rest is the stem.
  const pathPairs: Array<{ ai: string; value: string; entry: ApplicationIdentifier }> = [];
  let index = segments.length - 2;
  for (; index >= 0; index -= 2) {
    const ai = resolveKey(segments[index]!, options);
    const lookup = ai === undefined ? undefined : lookupExactAi(ai, false);
    if (!lookup?.found) return fail('The link path holds no GS1 primary key such as /01/ (GTIN) or /00/ (SSCC).');
    pathPairs.unshift({ ai: lookup.entry.ai, value: uriUnescape(segments[index + 1]!, false), entry: lookup.entry });
    if (lookup.entry.digitalLinkQualifiers) break;
  }
  if (index < 0 || pathPairs.length === 0) return fail('The link path holds no GS1 primary key.');
  const [primary, ...qualifiers] = pathPairs as [(typeof pathPairs)[0], ...typeof pathPairs];
  const sequences = primary.entry.digitalLinkQualifiers ?? [];
  const compatible = sequences.filter((sequence) =>
    isOrderedSubsequence(
      qualifiers.map((q) => q.ai),
      sequence,
    ),
  );
  if (qualifiers.length > 0 && compatible.length === 0) {
    return fail(`The qualifiers after (${primary.ai}) in the link path are not allowed there or are out of order.`);
  }
  const reservedForPath = new Set(compatible.flat());

  const elements: Element[] = [];
  for (const pair of pathPairs) {
    const element = checkedElement(pair.ai, pair.value, pair.entry, options);
    if (!isElement(element)) return { ok: false, error: element };
    elements.push(element);
  }
  for (const parameter of query.split('&')) {
    const equals = parameter.indexOf('=');
    if (equals === -1) continue; // "singletons" carry no AI
    const key = resolveKey(parameter.slice(0, equals), options);
    if (key === undefined) continue; // other query parameters belong to the website
    const lookup = lookupExactAi(key, options.permitUnknownAis ?? false);
    if (!lookup.found) return fail(`The link's query names (${key}), which is not a GS1 Application Identifier.`);
    if (!lookup.known && !options.permitUnknownAiAttributes)
      return fail(`The unknown AI (${key}) cannot be a link attribute.`);
    if (reservedForPath.has(key)) return fail(`(${key}) qualifies (${primary.ai}) and belongs in the link path.`);
    if (elements.some((element) => element.ai === key)) return fail(`(${key}) appears twice in the link.`);
    const element = checkedElement(key, uriUnescape(parameter.slice(equals + 1), true), lookup.entry, options);
    if (!isElement(element)) return { ok: false, error: element };
    elements.push(element);
  }
  return { ok: true, elements };
}

function isOrderedSubsequence(items: readonly string[], sequence: readonly string[]): boolean {
  let position = 0;
  for (const item of items) {
    position = sequence.indexOf(item, position);
    if (position === -1) return false;
    position++;
  }
  return true;
}
