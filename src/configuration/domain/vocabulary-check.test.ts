import { describe, expect, it } from 'vitest';
import { categoriesNamedInRules, closestTerm, findUnknownTerms } from './vocabulary-check.js';
import { DEFAULT_CONFIGURATION } from './default-configuration.js';
import { DEFAULT_DISPOSITION_RULES } from './default-disposition-rules.js';
import type { InspectionChecklists, InspectionSla } from '../../contracts/configuration.js';
import type { Condition, DispositionRules } from '../../contracts/disposition-rules.js';

const vocabulary = {
  tiers: ['platinum', 'gold', 'silver', 'bronze'],
  categories: ['Consumables', 'Power Tools'],
  regulatedClasses: ['lithium_battery', 'hazmat'],
  siteCodes: ['US-DAL', 'US-RNO'],
  dispositionCodes: ['RESTOCK', 'SCRAP', 'QUARANTINE'],
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

describe('disposition rules', () => {
  function makeRules(when: Condition[] = [], overrides: Partial<DispositionRules> = {}): DispositionRules {
    return {
      costEstimates: [{ category: '*', repairBps: 3_000, refurbishBps: 2_000 }],
      rules: [{ id: 'r1', name: 'Rule', when, code: 'RESTOCK', explanation: 'Because', isActive: true }],
      fallback: { code: 'QUARANTINE', explanation: 'Hold for a person' },
      ...overrides,
    };
  }
  const find = (document: DispositionRules, previous: DispositionRules | null = null) =>
    findUnknownTerms('disposition_rules', document, previous, vocabulary);

  it('accepts rules naming active codes, known categories and regulated classes', () => {
    const document = makeRules(
      [
        { fact: 'category', op: 'in', value: ['Consumables', 'Power Tools'] },
        { fact: 'regulatedClass', op: 'ne', value: 'hazmat' },
      ],
      {
        costEstimates: [
          { category: '*', repairBps: 1, refurbishBps: 1 },
          { category: 'Consumables', repairBps: 1, refurbishBps: 1 },
        ],
      },
    );
    expect(find(document)).toEqual([]);
  });

  it('runs the rules check: an operator that does not suit its fact is refused', () => {
    expect(find(makeRules([{ fact: 'grade', op: 'gt', value: 'B' }]))).toEqual([
      { path: 'rules.0.when.0.op', message: 'gt does not apply: grade is a text fact (use eq, ne, in, not_in)' },
    ]);
  });

  it('refuses a rule or fallback recommending a code that is not an active disposition code', () => {
    const document = makeRules([], {
      rules: [
        { id: 'r1', name: 'Rule', when: [], code: 'RESTOK', explanation: 'Because', isActive: true },
        { id: 'r2', name: 'Off', when: [], code: 'RETIRED', explanation: 'Because', isActive: false },
      ],
      fallback: { code: 'REPAIR_EXTERNAL', explanation: 'Hold' },
    });
    expect(find(document)).toEqual([
      {
        path: 'rules.0.code',
        message: 'no active disposition code “RESTOK” — did you mean “RESTOCK”? (known: RESTOCK, SCRAP, QUARANTINE)',
      },
      {
        path: 'fallback.code',
        message: 'no active disposition code “REPAIR_EXTERNAL” (known: RESTOCK, SCRAP, QUARANTINE)',
      },
    ]);
  });

  it('refuses unknown categories in cost estimates and conditions, and unknown regulated classes', () => {
    const document = makeRules(
      [
        { fact: 'category', op: 'eq', value: 'Consumabels' },
        { fact: 'category', op: 'not_in', value: ['Power Tools', 'Garden'] },
        { fact: 'regulatedClass', op: 'in', value: ['hazmat', 'lithium_batery'] },
      ],
      {
        costEstimates: [
          { category: '*', repairBps: 1, refurbishBps: 1 },
          { category: 'Powr Tools', repairBps: 1, refurbishBps: 1 },
        ],
      },
    );
    const unknown = find(document);
    expect(unknown.map((u) => u.path)).toEqual([
      'costEstimates.1.category',
      'rules.0.when.0.value',
      'rules.0.when.1.value.1',
      'rules.0.when.2.value.1',
    ]);
    expect(unknown[0]!.message).toMatch(/did you mean “Power Tools”/);
    expect(unknown[3]!.message).toMatch(/no regulated class “lithium_batery” — did you mean “lithium_battery”/);
  });

  it('keeps categories and classes the replaced version already named', () => {
    const before = makeRules([{ fact: 'regulatedClass', op: 'eq', value: 'explosive' }], {
      costEstimates: [
        { category: '*', repairBps: 1, refurbishBps: 1 },
        { category: 'Garden', repairBps: 1, refurbishBps: 1 },
      ],
    });
    const document = makeRules([
      { fact: 'category', op: 'eq', value: 'Garden' },
      { fact: 'regulatedClass', op: 'eq', value: 'explosive' },
    ]);
    expect(find(document, before)).toEqual([]);
  });

  it('names the categories a rules document uses', () => {
    expect(categoriesNamedInRules(DEFAULT_DISPOSITION_RULES)).toEqual(
      expect.arrayContaining(['Networking', 'Batteries', 'Consumables', 'Pharmaceuticals']),
    );
    expect(categoriesNamedInRules(DEFAULT_DISPOSITION_RULES)).not.toContain('*');
  });

  it('passes the default rules against the default codes and the categories they name', () => {
    const defaults = {
      ...vocabulary,
      categories: categoriesNamedInRules(DEFAULT_DISPOSITION_RULES),
      regulatedClasses: ['hazmat', 'rx', 'controlled'],
      dispositionCodes: DEFAULT_CONFIGURATION.disposition_codes.codes.map((c) => c.code),
    };
    expect(findUnknownTerms('disposition_rules', DEFAULT_DISPOSITION_RULES, null, defaults)).toEqual([]);
  });
});

describe('inspection checklists', () => {
  const item = (id: string, extra: Partial<InspectionChecklists['checklists'][number]['items'][number]> = {}) => ({
    id,
    label: id,
    kind: 'check' as const,
    required: true,
    ...extra,
  });
  const defect = (code: string) => ({ code, label: code, description: '', isActive: true });
  const makeChecklists = (overrides: Partial<InspectionChecklists> = {}): InspectionChecklists => ({
    checklists: [
      { category: '*', items: [item('intact')] },
      {
        category: 'Power Tools',
        items: [item('runs'), item('insulation', { kind: 'measurement', unit: 'MΩ', min: 2, max: 500 })],
      },
    ],
    defectCodes: [defect('COSMETIC'), defect('DEAD_ON_ARRIVAL')],
    ...overrides,
  });
  const find = (document: InspectionChecklists, previous: InspectionChecklists | null = null) =>
    findUnknownTerms('inspection_checklists', document, previous, vocabulary);

  it('accepts known categories, one checklist for *, and the default checklists', () => {
    expect(find(makeChecklists())).toEqual([]);
    const categories = DEFAULT_CONFIGURATION.inspection_checklists.checklists.map((c) => c.category);
    expect(
      findUnknownTerms('inspection_checklists', DEFAULT_CONFIGURATION.inspection_checklists, null, {
        ...vocabulary,
        categories,
      }),
    ).toEqual([]);
  });

  it('refuses an unknown category, unless the replaced version had it', () => {
    const document = makeChecklists({
      checklists: [
        { category: '*', items: [item('a')] },
        { category: 'Powr Tools', items: [item('a')] },
      ],
    });
    expect(find(document)).toEqual([
      {
        path: 'checklists.1.category',
        message:
          'no product category “Powr Tools” — did you mean “Power Tools”? (known: Consumables, Power Tools; * means any)',
      },
    ]);
    expect(find(document, document)).toEqual([]);
  });

  it('requires exactly one checklist for *, and one per category', () => {
    const none = makeChecklists({ checklists: [{ category: 'Power Tools', items: [item('a')] }] });
    expect(find(none)).toEqual([
      { path: 'checklists', message: 'add a checklist for category * (what any other category is checked for)' },
    ]);
    const twice = makeChecklists({
      checklists: [
        { category: '*', items: [item('a')] },
        { category: 'Consumables', items: [item('a')] },
        { category: '*', items: [item('b')] },
        { category: 'Consumables', items: [item('b')] },
      ],
    });
    expect(find(twice)).toEqual([
      { path: 'checklists.2.category', message: 'there is already a checklist for * (any category)' },
      { path: 'checklists.3.category', message: 'Consumables already has a checklist' },
    ]);
  });

  it('refuses repeated item ids within a checklist (not across checklists) and a range upside down', () => {
    const document = makeChecklists({
      checklists: [
        { category: '*', items: [item('a'), item('b'), item('a')] },
        { category: 'Consumables', items: [item('a'), item('temp', { kind: 'measurement', min: 8, max: 2 })] },
      ],
    });
    expect(find(document)).toEqual([
      { path: 'checklists.0.items.2.id', message: 'item id a is used twice in this checklist' },
      { path: 'checklists.1.items.1.min', message: 'the minimum 8 is above the maximum 2' },
    ]);
  });

  it('refuses a defect code listed twice', () => {
    const document = makeChecklists({ defectCodes: [defect('COSMETIC'), defect('DENT'), defect('COSMETIC')] });
    expect(find(document)).toEqual([
      { path: 'defectCodes.2.code', message: 'defect code COSMETIC appears more than once' },
    ]);
  });
});

describe('inspection SLA', () => {
  const makeSla = (overrides: Partial<InspectionSla> = {}): InspectionSla => ({
    defaultHours: 48,
    sites: [{ siteCode: 'US-DAL', hours: 24 }],
    regulatedHours: 24,
    tiers: [{ tier: 'platinum', hours: 12 }],
    ...overrides,
  });
  const find = (document: InspectionSla, previous: InspectionSla | null = null) =>
    findUnknownTerms('inspection_sla', document, previous, vocabulary);

  it('accepts known sites and tiers, and the default SLA', () => {
    expect(find(makeSla())).toEqual([]);
    expect(find(DEFAULT_CONFIGURATION.inspection_sla)).toEqual([]);
  });

  it('refuses unknown sites and tiers', () => {
    const document = makeSla({ sites: [{ siteCode: 'US-DLA', hours: 24 }], tiers: [{ tier: 'golden', hours: 12 }] });
    expect(find(document)).toEqual([
      { path: 'sites.0.siteCode', message: 'no site “US-DLA” — did you mean “US-DAL”? (known: US-DAL, US-RNO)' },
      {
        path: 'tiers.0.tier',
        message: 'no customer tier “golden” — did you mean “gold”? (known: platinum, gold, silver, bronze)',
      },
    ]);
  });

  it('refuses two targets for one site or one tier', () => {
    const document = makeSla({
      sites: [
        { siteCode: 'US-DAL', hours: 24 },
        { siteCode: 'US-DAL', hours: 12 },
      ],
      tiers: [
        { tier: 'gold', hours: 24 },
        { tier: 'gold', hours: 12 },
      ],
    });
    expect(find(document)).toEqual([
      { path: 'sites.1.siteCode', message: 'site US-DAL already has a target' },
      { path: 'tiers.1.tier', message: 'tier gold already has a target' },
    ]);
  });
});
