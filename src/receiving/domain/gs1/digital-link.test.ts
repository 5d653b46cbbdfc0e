import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from './digital-link.js';
import { toElementString } from './element-string.js';
import { casesOf, hasGs1Data, loadVectors, stateFlag } from './syntax-engine-vectors.test-fixtures.js';
import type { EncoderState } from './syntax-engine-vectors.test-fixtures.js';
import { uriEscape, uriUnescape } from './uri-escaping.js';

type Case = {
  should_succeed: boolean;
  uri: string;
  expected: string;
  comment: string | null;
  line: number;
  state: EncoderState;
};

describe('Digital Link (plain)', () => {
  it('reads key, qualifiers and attributes', () => {
    const link = parseDigitalLink('https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426');
    expect(link.ok && toElementString(link.elements)).toBe('^010952012345678810ABC1^2112345^17180426');
  });
});

describe.skipIf(!hasGs1Data)('Digital Link against the syntax-engine vectors', () => {
  const vectors = loadVectors();
  it.each(
    casesOf<Case>(vectors, 'parseDLuri').map(
      (c) => [`line ${c.line}: ${c.uri}${c.comment ? ` — ${c.comment}` : ''}`, c] as const,
    ),
  )('parseDLuri %s', (_t, c) => {
    const result = parseDigitalLink(c.uri, {
      permitZeroSuppressedGtin: stateFlag(c.state, 'gs1_encoder_setPermitZeroSuppressedGTINinDLuris') ?? false,
      permitUnknownAis: stateFlag(c.state, 'gs1_encoder_setPermitUnknownAIs') ?? false,
      // "vUNKNOWN_AI_NOT_DL_ATTR, false" switches off the rule that unknown AIs are no attributes.
      permitUnknownAiAttributes: stateFlag(c.state, 'gs1_encoder_setValidationEnabled') === false,
      // dl.c turns convenience alphas on for lines 1437–1439 by writing the context directly
      // ("No API so we hack this"), which the JSON's state column does not show.
      permitConvenienceAlphas: c.line >= 1437 && c.line <= 1439,
    });
    expect(result.ok).toBe(c.should_succeed);
    if (result.ok) expect(toElementString(result.elements)).toBe(c.expected);
  });

  type EscapeCase = { input: string; expected_path: string; expected_query: string; line: number };
  it.each(
    casesOf<EscapeCase>(vectors, 'URIunescape').map((c) => [`line ${c.line}: ${JSON.stringify(c.input)}`, c] as const),
  )('URIunescape %s', (_t, c) => {
    expect(uriUnescape(c.input, false)).toBe(c.expected_path);
    expect(uriUnescape(c.input, true)).toBe(c.expected_query);
  });
  it.each(
    casesOf<EscapeCase>(vectors, 'URIescape').map((c) => [`line ${c.line}: ${JSON.stringify(c.input)}`, c] as const),
  )('URIescape %s', (_t, c) => {
    expect(uriEscape(c.input, false)).toBe(c.expected_path);
    expect(uriEscape(c.input, true)).toBe(c.expected_query);
  });
});
