import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReturnRouting } from '../../contracts/configuration.js';
import { decideRouting, type RoutableSite, type RoutedGoods } from './routing-instruction.js';

const RECEIVE = ['receiving', 'inspection'];
const SITES: RoutableSite[] = [
  { id: 'site_cmh', code: 'US-CMH', name: 'Columbus', region: 'OH', capabilities: RECEIVE, openUnits: 0 },
  {
    id: 'site_dal',
    code: 'US-DAL',
    name: 'Dallas',
    region: 'TX',
    capabilities: [...RECEIVE, 'regulated_goods', 'hazmat'],
    openUnits: 0,
  },
  {
    id: 'site_rno',
    code: 'US-RNO',
    name: 'Reno',
    region: 'NV',
    capabilities: [...RECEIVE, 'regulated_goods', 'temperature_controlled'],
    openUnits: 0,
  },
  { id: 'site_off', code: 'US-HQ', name: 'Head office', region: 'CA', capabilities: [], openUnits: 0 },
];
const RULES: ReturnRouting = {
  zones: [
    { name: 'West', regions: ['CA', 'NV', 'WA'], sites: ['US-RNO', 'US-DAL', 'US-CMH'] },
    { name: 'South', regions: ['TX', 'FL'], sites: ['US-DAL', 'US-CMH'] },
  ],
  certifications: [{ regulatedClass: 'hazmat', capability: 'hazmat' }],
  siteCapacities: [],
};
const DRILL: RoutedGoods = { sku: 'DRL-1', quantity: 2, regulatedClass: null, isTemperatureControlled: false };
const SOLVENT: RoutedGoods = { sku: 'SOL-1', quantity: 1, regulatedClass: 'hazmat', isTemperatureControlled: false };
const INSULIN: RoutedGoods = { sku: 'INS-1', quantity: 1, regulatedClass: 'rx', isTemperatureControlled: true };

describe('decideRouting', () => {
  it('sends ordinary goods to the first site of the customer’s zone', () => {
    const decision = decideRouting({ customerRegion: 'ca', goods: [DRILL], sites: SITES, rules: RULES });
    expect(decision.siteId).toBe('site_rno');
    expect(decision.zone).toBe('West');
    expect(decision.explanation.at(-1)).toBe('Sent to US-RNO (Reno).');
  });

  it('sends hazmat only to a site certified for it, and says which were passed over', () => {
    const decision = decideRouting({ customerRegion: 'CA', goods: [DRILL, SOLVENT], sites: SITES, rules: RULES });
    expect(decision.siteId).toBe('site_dal');
    expect(decision.requiredCapabilities).toEqual(['receiving', 'hazmat']);
    expect(decision.candidates.find((c) => c.siteCode === 'US-RNO')).toMatchObject({
      verdict: 'not_certified',
      note: 'lacks hazmat',
    });
    expect(decision.explanation[0]).toContain('hazmat (SOL-1 is regulated (hazmat))');
  });

  it('needs regulated_goods for a class without its own certification, and temperature control for cold goods', () => {
    const decision = decideRouting({ customerRegion: 'TX', goods: [INSULIN], sites: SITES, rules: RULES });
    expect(decision.requiredCapabilities).toEqual(['receiving', 'regulated_goods', 'temperature_controlled']);
    expect(decision.siteId).toBe('site_rno');
  });

  it('passes over a full site for the next nearest that has room', () => {
    const rules = { ...RULES, siteCapacities: [{ siteCode: 'US-RNO', maxOpenUnits: 10 }] };
    const sites = SITES.map((s) => (s.code === 'US-RNO' ? { ...s, openUnits: 9 } : s));
    const decision = decideRouting({ customerRegion: 'NV', goods: [DRILL], sites, rules });
    expect(decision.siteId).toBe('site_dal');
    expect(decision.explanation).toContain(
      'US-RNO passed over: 9 of 10 units already routed there; 2 more would not fit.',
    );
  });

  it('sends to the nearest certified site when every certified site is full, and says so', () => {
    const rules = { ...RULES, siteCapacities: [{ siteCode: 'US-DAL', maxOpenUnits: 0 }] };
    const decision = decideRouting({ customerRegion: 'CA', goods: [SOLVENT], sites: SITES, rules });
    expect(decision.siteId).toBe('site_dal');
    expect(decision.explanation.at(-1)).toBe('Every certified site is full; sent to the nearest, US-DAL (Dallas).');
  });

  it('routes nowhere, asking for a person, when no site is certified', () => {
    const sites = SITES.filter((s) => s.code !== 'US-DAL');
    const decision = decideRouting({ customerRegion: 'CA', goods: [SOLVENT], sites, rules: RULES });
    expect(decision.siteId).toBeNull();
    expect(decision.explanation.at(-1)).toBe('No active site is certified for these goods: route this return by hand.');
  });

  it('without a zone, tries a site in the customer’s own region first, then the others by code', () => {
    const decision = decideRouting({
      customerRegion: 'TX',
      goods: [DRILL],
      sites: SITES,
      rules: { ...RULES, zones: [] },
    });
    expect(decision.siteId).toBe('site_dal');
    expect(
      decideRouting({ customerRegion: 'MA', goods: [DRILL], sites: SITES, rules: { ...RULES, zones: [] } }).siteId,
    ).toBe('site_cmh');
  });

  it('never picks a site lacking a capability the goods need, and picks one whenever a certified site exists', () => {
    const capabilities = ['receiving', 'regulated_goods', 'hazmat', 'temperature_controlled'];
    const siteArb = fc.record({
      id: fc.uuid(),
      code: fc.stringMatching(/^[A-Z]{2}-[A-Z]{3}$/),
      name: fc.constant('Site'),
      region: fc.constantFrom('CA', 'TX', 'OH'),
      capabilities: fc.subarray(capabilities),
      openUnits: fc.nat(50),
    });
    const goodsArb = fc.record({
      sku: fc.constant('X'),
      quantity: fc.integer({ min: 1, max: 20 }),
      regulatedClass: fc.option(fc.constantFrom('hazmat', 'rx'), { nil: null }),
      isTemperatureControlled: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(siteArb, { selector: (s) => s.code, maxLength: 6 }),
        fc.array(goodsArb, { minLength: 1, maxLength: 4 }),
        fc.nat(60),
        (sites, goods, limit) => {
          const rules: ReturnRouting = {
            ...RULES,
            siteCapacities: sites.map((s) => ({ siteCode: s.code, maxOpenUnits: limit })),
          };
          const decision = decideRouting({ customerRegion: 'CA', goods, sites, rules });
          const certified = sites.filter((s) => decision.requiredCapabilities.every((c) => s.capabilities.includes(c)));
          if (certified.length === 0) return decision.siteId === null;
          const site = sites.find((s) => s.id === decision.siteId);
          return site !== undefined && certified.includes(site);
        },
      ),
    );
  });
});
