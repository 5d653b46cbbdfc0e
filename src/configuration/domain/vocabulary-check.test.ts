import { describe, expect, it } from 'vitest';
import { closestTerm, findUnknownTerms } from './vocabulary-check.js';
import { DEFAULT_CONFIGURATION } from './default-configuration.js';

const vocabulary = {
  tiers: ['platinum', 'gold', 'silver', 'bronze'],
  categories: ['Consumables', 'Power Tools'],
  regulatedClasses: ['lithium_battery', 'hazmat'],
  siteCodes: ['US-DAL', 'US-RNO'],
};
const policy = DEFAULT_CONFIGURATION.return_policy;
const rules = DEFAULT_CONFIGURATION.approval_rules;

describe('terms a rule may name', () => {
  it('refuses a misspelt category and suggests the one meant', () => {
    const document = { ...policy, windows: [{ tier: '*', category: 'Consumabels', days: 14 }] };
    expect(findUnknownTerms('return_policy', document, null, vocabulary)).toEqual([
      {
        path: 'windows.0.category',
        message:
          'no product category “Consumabels” — did you mean “Consumables”? (known: Consumables, Power Tools; * means any)',
      },
    ]);
  });

  it('accepts known terms, * for any, and terms the replaced version already had', () => {
    const before = { ...policy, windows: [{ tier: 'gold', category: 'Garden', days: 60 }] };
    const document = {
      ...policy,
      windows: [
        { tier: 'gold', category: 'Garden', days: 45 },
        { tier: '*', category: 'Power Tools', days: 30 },
        { tier: 'platinum', category: '*', days: 90 },
      ],
    };
    expect(findUnknownTerms('return_policy', document, before, vocabulary)).toEqual([]);
  });

  it('checks the tiers and regulated classes of approval rules', () => {
    const document = {
      ...rules,
      tiersRequiringApproval: ['Bronze', 'tin'],
      regulatedClassesRequiringApproval: ['lithium_batery'],
    };
    const unknown = findUnknownTerms(
      'approval_rules',
      document,
      { ...rules, regulatedClassesRequiringApproval: [] },
      vocabulary,
    );
    expect(unknown.map((u) => u.path)).toEqual([
      'tiersRequiringApproval.0',
      'tiersRequiringApproval.1',
      'regulatedClassesRequiringApproval.0',
    ]);
    expect(unknown[0]!.message).toMatch(/did you mean “bronze”/);
    expect(unknown[2]!.message).toMatch(/did you mean “lithium_battery”/);
  });

  it('suggests only what is close', () => {
    expect(closestTerm('Power Tols', vocabulary.categories)).toBe('Power Tools');
    expect(closestTerm('Garden', vocabulary.categories)).toBeNull();
  });
});

describe('sites a routing rule may name', () => {
  it('refuses a zone or capacity naming a site that does not exist, suggesting the one meant', () => {
    const routing = {
      zones: [{ name: 'West', regions: ['CA'], sites: ['US-RNO', 'US-DLA'] }],
      certifications: [{ regulatedClass: 'hazmat', capability: 'hazmat' as const }],
      siteCapacities: [{ siteCode: 'XX-NOPE', maxOpenUnits: 10 }],
    };
    expect(findUnknownTerms('return_routing', routing, null, vocabulary)).toEqual([
      { path: 'zones.0.sites.1', message: 'no site “US-DLA” — did you mean “US-DAL”? (known: US-DAL, US-RNO)' },
      { path: 'siteCapacities.0.siteCode', message: 'no site “XX-NOPE” (known: US-DAL, US-RNO)' },
    ]);
  });
});
