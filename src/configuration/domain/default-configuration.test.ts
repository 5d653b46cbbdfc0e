import { existsSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { minorUnitsOf } from '../../platform/money/currencies.js';
import { CONFIG_DOCUMENT_SCHEMAS, CONFIG_KINDS, DispositionCodeSchema } from '../../contracts/configuration.js';
import { resolveReturnWindowDays } from '../../returns/index.js';
import {
  DEFAULT_APPROVAL_RULES,
  DEFAULT_CONFIGURATION,
  DEFAULT_DISPOSITION_CODES,
  DEFAULT_REASON_CODES,
  DEFAULT_RETURN_POLICY,
  cloneDefaultConfiguration,
} from './default-configuration.js';

describe('default configuration', () => {
  it('has a document for every configuration kind', () => {
    expect(Object.keys(DEFAULT_CONFIGURATION).sort()).toEqual([...CONFIG_KINDS].sort());
  });

  it.each(CONFIG_KINDS.map((k) => [k]))('%s parses with its schema, unchanged by defaults', (kind) => {
    const parsed = CONFIG_DOCUMENT_SCHEMAS[kind].safeParse(DEFAULT_CONFIGURATION[kind]);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(DEFAULT_CONFIGURATION[kind]);
  });

  it('uses each reason and disposition code once', () => {
    for (const { codes } of [DEFAULT_REASON_CODES, DEFAULT_DISPOSITION_CODES]) {
      const names = codes.map((c) => c.code);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('offers the standard reason codes, including UNKNOWN for unauthorized arrivals', () => {
    const codes = DEFAULT_REASON_CODES.codes.map((c) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining(['DEFECTIVE', 'DAMAGED_IN_TRANSIT', 'WRONG_ITEM_SHIPPED', 'RECALL', 'UNKNOWN']),
    );
    expect(codes.length).toBeGreaterThanOrEqual(14);
    expect(DEFAULT_REASON_CODES.codes.find((c) => c.code === 'DAMAGED_IN_TRANSIT')?.fault).toBe('carrier');
  });

  it('has a disposition for every stock status', () => {
    const statuses = new Set(DEFAULT_DISPOSITION_CODES.codes.map((c) => c.stockStatus));
    expect([...statuses].sort()).toEqual([...DispositionCodeSchema.shape.stockStatus.options].sort());
  });

  it('never opens a return window for pharmaceuticals, whatever the tier', () => {
    for (const tier of ['platinum', 'gold', 'silver', 'bronze']) {
      expect(resolveReturnWindowDays(DEFAULT_RETURN_POLICY, tier, 'Pharmaceuticals', null).days).toBe(0);
    }
  });

  it('gives better tiers longer windows', () => {
    const days = ['bronze', 'silver', 'gold', 'platinum'].map(
      (t) => resolveReturnWindowDays(DEFAULT_RETURN_POLICY, t, 'Networking', null).days,
    );
    expect(days).toEqual([30, 45, 60, 90]);
  });

  it('routes warranty and regulated returns to approval but not recalls', () => {
    expect(DEFAULT_APPROVAL_RULES.returnTypesRequiringApproval).toEqual(['regulated', 'warranty']);
    expect(DEFAULT_APPROVAL_RULES.valueThresholds.USD).toBe(250_000);
    expect(DEFAULT_APPROVAL_RULES.valueThresholds.JPY).toBe(350_000);
  });

  it('hands out copies that cannot alter the defaults', () => {
    const copy = cloneDefaultConfiguration();
    copy.return_policy.windows.push({ tier: '*', category: '*', days: 1 });
    copy.approval_rules.tiersRequiringApproval.length = 0;
    expect(DEFAULT_RETURN_POLICY.windows.some((w) => w.days === 1)).toBe(false);
    expect(DEFAULT_APPROVAL_RULES.tiersRequiringApproval).toEqual(['bronze']);
  });
});

// Amounts are integer minor units, and currencies differ in how many there are (JPY none, KWD
// three): a default typed as if every currency had cents is off by a factor of 100 or more. Each
// default threshold is converted at a real ECB reference rate and must land near the others.
const ECB = new URL('../../../../shared/data/fx/eurofxref-daily.xml', import.meta.url);
const hasEcb = existsSync(ECB);
if (!hasEcb) console.warn('SKIPPED: default amounts vs ECB rates — ../shared/data/fx is absent on this machine');

describe.skipIf(!hasEcb)('default amounts in their currencies’ minor units', () => {
  const rates = new Map(
    [...(hasEcb ? readFileSync(ECB, 'utf8') : '').matchAll(/currency='([A-Z]{3})' rate='([0-9.]+)'/g)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );
  rates.set('EUR', 1);

  it.each(Object.entries(DEFAULT_APPROVAL_RULES.valueThresholds))(
    'puts the %s approval threshold (%i minor units) between EUR 1,000 and EUR 5,000',
    (currency, minor) => {
      const rate = rates.get(currency);
      expect(rate, `an ECB rate for ${currency}`).toBeDefined();
      const euros = minor / 10 ** minorUnitsOf(currency) / rate!;
      expect(euros).toBeGreaterThan(1_000);
      expect(euros).toBeLessThan(5_000);
    },
  );
});
