import { describe, expect, it } from 'vitest';
import { findAi, findAssociationViolation } from './ai-associations.js';
import type { AssociationRule } from './ai-associations.js';
import { parseBracketed, parseElementString, toElementString } from './element-string.js';
import { casesOf, hasGs1Data, loadVectors, stateFlag } from './syntax-engine-vectors.test-fixtures.js';
import type { EncoderState } from './syntax-engine-vectors.test-fixtures.js';

const vectors = loadVectors();
type Case = {
  should_succeed: boolean;
  input: string;
  expected?: string;
  comment: string | null;
  line: number;
  state: EncoderState;
};
const title = (c: { line?: number; input: string; comment?: string | null }) =>
  `line ${c.line ?? '-'}: ${JSON.stringify(c.input)}${c.comment ? ` — ${c.comment}` : ''}`;

describe('element strings (plain)', () => {
  it('splits fixed-length AIs without separators and needs GS after variable ones', () => {
    const parsed = parseElementString('^0112345678901231' + '10ABC' + '^' + '17991231');
    expect(parsed.ok && parsed.elements.map((e) => [e.ai, e.value])).toEqual([
      ['01', '12345678901231'],
      ['10', 'ABC'],
      ['17', '991231'],
    ]);
  });
});

describe.skipIf(!hasGs1Data)('element strings against the syntax-engine vectors', () => {
  it.each(casesOf<Case>(vectors, 'parseAIdata').map((c) => [title(c), c] as const))('parseAIdata %s', (_t, c) => {
    const parsed = parseBracketed(c.input);
    expect(parsed.ok).toBe(c.should_succeed);
    if (parsed.ok) expect(toElementString(parsed.elements)).toBe(c.expected);
  });

  it.each(casesOf<Case>(vectors, 'processAIdata').map((c) => [title(c), c] as const))('processAIdata %s', (_t, c) => {
    const permitUnknownAis = stateFlag(c.state, 'gs1_encoder_setPermitUnknownAIs') ?? false;
    // Unknown AIs of unknown length cannot be split from unbracketed data, whatever the setting.
    expect(parseElementString(c.input, { permitUnknownAis }).ok).toBe(c.should_succeed);
  });

  const RULES: Record<string, AssociationRule> = {
    validateAImutex: 'mutex',
    validateAIrequisites: 'requisites',
    validateAIrepeats: 'repeats',
    validateDigSigRequiresSerialisedKey: 'digsig-serial',
  };
  type RuleCase = Case & { rule: string };
  it.each(casesOf<RuleCase>(vectors, 'validateAIs').map((c) => [`${c.rule} ${title(c)}`, c] as const))(
    'validateAIs %s',
    (_t, c) => {
      const parsed = parseBracketed(c.input, {
        permitUnknownAis: stateFlag(c.state, 'gs1_encoder_setPermitUnknownAIs'),
      });
      expect(parsed.ok, 'parses before the rule is applied').toBe(true);
      if (!parsed.ok) return;
      expect(findAssociationViolation(parsed.elements, [RULES[c.rule]!]) === undefined).toBe(c.should_succeed);
    },
  );

  // The engine's test names its three data strings; these are they (ai.c, test_ai_existsInAIdata).
  const DATA_STRINGS: Record<string, string> = {
    dataStr1: '(01)12345678901231',
    dataStr2: '(98)DEF(97)GHI(96)JKL(95)MNO',
    dataStr3: '(01)12345678901231(235)ABC123(8002)123456',
  };
  type ExistsCase = {
    should_succeed: boolean;
    data: string;
    needle: string;
    ignore: string;
    expected: string;
    line: number;
  };
  it.each(
    casesOf<ExistsCase>(vectors, 'existsInAIdata').map(
      (c) => [`line ${c.line}: ${c.data} has ${c.needle} (ignoring ${c.ignore})`, c] as const,
    ),
  )('existsInAIdata %s', (_t, c) => {
    const parsed = parseBracketed(DATA_STRINGS[c.data]!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const match = findAi(parsed.elements, c.needle, c.ignore === 'NULL' ? undefined : c.ignore);
    expect(match !== undefined).toBe(c.should_succeed);
    if (c.expected !== 'NULL') expect(match?.ai).toBe(c.expected);
  });

  it.each(
    casesOf<{ input: string; expected: string; line: number }>(vectors, 'errMarkup').map((c) => [title(c), c] as const),
  )('errMarkup %s', (_t, c) => {
    const parsed = parseBracketed(c.input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.markup).toBe(c.expected);
  });

  type LinterTableCase = { input: string; expected_linter_result: string };
  it.each(
    casesOf<LinterTableCase>(vectors, 'aiLinterTable').map(
      (c) => [`${c.input} → ${c.expected_linter_result}`, c] as const,
    ),
  )('aiLinterTable %s', (_t, c) => {
    const parsed = parseBracketed(c.input);
    if (c.expected_linter_result === 'GS1_LINTER_OK') {
      expect(parsed.ok).toBe(true);
      return;
    }
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(`GS1_LINTER_${parsed.error.linter?.error}`).toBe(c.expected_linter_result);
  });
});
