import { describe, expect, it } from 'vitest';
import { APPLICATION_IDENTIFIERS, applicationIdentifier } from './application-identifiers.js';
import type { AiComponent } from './application-identifiers.js';
import { hasGs1Data, readGs1File } from './syntax-engine-vectors.test-fixtures.js';

/** The dictionary's own notation for a component, e.g. "N13,csum,gcppos1" or "[X..17]". */
function notation(part: AiComponent): string {
  const length = part.minLength === part.maxLength ? `${part.maxLength}` : `..${part.maxLength}`;
  const type = part.optional ? `[${part.characterSet}${length}]` : `${part.characterSet}${length}`;
  return [type, ...part.linters].join(',');
}

interface DictionaryEntry {
  ais: string[];
  flags: string;
  components: string[];
  req: string[][];
  ex: string[];
  dlpkey?: string[][];
  title: string;
}

function readDictionary(): DictionaryEntry[] {
  return readGs1File('gs1-syntax-dictionary.txt')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [body = '', ...titleParts] = line.split('#');
      const tokens = body.trim().split(/\s+/);
      const [first, last] = tokens.shift()!.split('-') as [string, string?];
      const ais: string[] = [];
      for (let n = Number(first); n <= Number(last ?? first); n++) ais.push(String(n).padStart(first.length, '0'));
      const flags = /^[*?]+$/.test(tokens[0] ?? '') ? tokens.shift()! : '';
      const entry: DictionaryEntry = {
        ais,
        flags,
        components: [],
        req: [],
        ex: [],
        title: titleParts.join('#').trim(),
      };
      for (const token of tokens) {
        if (/^\[?[NXYZ]/.test(token)) entry.components.push(token);
        else if (token.startsWith('req=')) entry.req.push(token.slice(4).split(','));
        else if (token.startsWith('ex=')) entry.ex.push(...token.slice(3).split(','));
        else if (token === 'dlpkey') entry.dlpkey = [];
        else if (token.startsWith('dlpkey='))
          entry.dlpkey = token
            .slice(7)
            .split('|')
            .map((seq) => seq.split(','));
        else throw new Error(`unexpected attribute ${token}`);
      }
      return entry;
    });
}

describe('AI table (plain)', () => {
  it('knows the AIs a returns desk reads most', () => {
    expect(applicationIdentifier('01')).toMatchObject({ title: 'GTIN', fnc1Required: false });
    expect(applicationIdentifier('10')).toMatchObject({ title: 'BATCH/LOT', fnc1Required: true });
    expect(applicationIdentifier('17')!.components[0]!.linters).toEqual(['yymmd0']);
    expect(new Set(APPLICATION_IDENTIFIERS.map((e) => e.ai)).size).toBe(APPLICATION_IDENTIFIERS.length);
  });
});

describe.skipIf(!hasGs1Data)('AI table against the GS1 Barcode Syntax Dictionary', () => {
  const dictionary = hasGs1Data ? readDictionary() : [];
  const rows = dictionary.flatMap((entry) => entry.ais.map((ai) => [ai, entry] as const));

  it('has 224 dictionary entries to compare', () => expect(dictionary).toHaveLength(224));

  // Every AI of the dictionary is handled: there is no list of exceptions.
  it.each(rows)('(%s) agrees in format, FNC1, linters, title and rules', (ai, entry) => {
    const mine = applicationIdentifier(ai);
    expect(mine, `(${ai}) is missing from the project's table`).toBeDefined();
    expect(mine!.title).toBe(entry.title);
    expect(mine!.fnc1Required).toBe(!entry.flags.includes('*'));
    expect(mine!.digitalLinkAttribute).toBe(entry.flags.includes('?'));
    expect(mine!.components.map(notation)).toEqual(entry.components);
    expect(mine!.requires).toEqual(entry.req);
    expect(mine!.excludes).toEqual(entry.ex);
    expect(mine!.digitalLinkQualifiers).toEqual(entry.dlpkey);
  });

  it('has no AI the dictionary does not define', () => {
    const defined = new Set(rows.map(([ai]) => ai));
    expect(APPLICATION_IDENTIFIERS.filter((e) => !defined.has(e.ai)).map((e) => e.ai)).toEqual([]);
  });
});
