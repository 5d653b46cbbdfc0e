import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISO_4217_CURRENCIES, isKnownCurrency, minorUnitsOf } from './currencies.js';

const SHARED = new URL('../../../../shared/data/iso4217/', import.meta.url);
const hasShared = existsSync(new URL('codes-all.csv', SHARED));
if (!hasShared) console.warn('SKIPPED: ISO 4217 comparison — ../shared/data/iso4217 is absent on this machine');

describe('currency table', () => {
  it('knows the minor units the brief names', () => {
    expect(minorUnitsOf('JPY')).toBe(0);
    expect(minorUnitsOf('KWD')).toBe(3);
    expect(minorUnitsOf('CLF')).toBe(4);
    expect(minorUnitsOf('USD')).toBe(2);
    expect(isKnownCurrency('XAU')).toBe(false);
    expect(isKnownCurrency('usd')).toBe(false);
  });

  describe.skipIf(!hasShared)('against the official ISO 4217 list in ../shared', () => {
    const csv = hasShared ? readFileSync(new URL('codes-all.csv', SHARED), 'utf8') : '';
    const rows = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '')));
    const active = new Map<string, string>();
    const withdrawn = new Set<string>();
    for (const [, , code, , minor, withdrawal] of rows) {
      if (!code) continue;
      if (withdrawal) withdrawn.add(code);
      else active.set(code, minor ?? '');
    }

    it('has every active code with the same minor units', () => {
      expect(active.size).toBeGreaterThan(170);
      for (const [code, minor] of active) {
        const entry = ISO_4217_CURRENCIES.find(([c]) => c === code);
        expect(entry, code).toBeDefined();
        expect(entry![2] === null ? 'none' : String(entry![2]), code).toBe(/^\d+$/.test(minor) ? minor : 'none');
      }
      expect(ISO_4217_CURRENCIES.length).toBe(active.size);
    });

    it('refuses withdrawn codes for new documents', () => {
      const onlyWithdrawn = [...withdrawn].filter((code) => !active.has(code));
      expect(onlyWithdrawn.length).toBeGreaterThan(20);
      for (const code of onlyWithdrawn) expect(isKnownCurrency(code), code).toBe(false);
    });
  });
});
