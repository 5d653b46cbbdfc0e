import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonNestingDepth } from './request-body.js';
import { findUnstorableText } from './reject-nul.js';

/** The depth of a parsed value, for comparison (recursive: only used on small values here). */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('JSON nesting depth', () => {
  it('counts arrays and objects, not brackets inside strings or after escapes', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[{"}]}')).toBe(3);
    expect(jsonNestingDepth('{"a":"\\"[[["}')).toBe(1);
    expect(jsonNestingDepth('["\\\\",[]]')).toBe(2);
  });

  it('agrees with the parsed value for any JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(jsonNestingDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
    );
  });

  it('measures 50,000 levels without recursion and stops early past a limit', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    expect(jsonNestingDepth(deep)).toBe(50_000);
    expect(jsonNestingDepth(deep, 32)).toBe(33);
  });
});

describe('text that cannot be stored on both databases', () => {
  it('finds NUL and unpaired surrogates in values and keys, with the path, in document order', () => {
    expect(findUnstorableText({ a: 'ok', b: ['x', 'y\u0000'] }, '')).toEqual({
      path: 'b.1',
      problem: 'a NUL character',
    });
    expect(findUnstorableText({ note: 'broken \ud800 pair' }, '')).toEqual({
      path: 'note',
      problem: 'an unpaired UTF-16 surrogate',
    });
    expect(findUnstorableText({ ['k\udc00']: 1 }, 'querystring')).toMatchObject({ path: 'querystring.k\udc00' });
    expect(findUnstorableText({ first: '\u0000', second: '\ud800' }, '')).toMatchObject({ path: 'first' });
    expect(findUnstorableText({ emoji: '😀 fine', text: 'Ä' }, '')).toBeNull();
  });

  it('walks a deep value without recursion', () => {
    let value: unknown = 'leaf\u0000';
    for (let i = 0; i < 20_000; i++) value = [value];
    expect(findUnstorableText(value, '')?.problem).toBe('a NUL character');
  });
});
