import { describe, expect, it } from 'vitest';
import type { InspectionSla } from '../../contracts/configuration.js';
import { slaDueAt, slaHoursFor } from './inspection-sla.js';

const SLA: InspectionSla = {
  defaultHours: 48,
  sites: [
    { siteCode: 'FAST', hours: 8 },
    { siteCode: 'SLOW', hours: 96 },
  ],
  regulatedHours: 24,
  tiers: [
    { tier: 'platinum', hours: 12 },
    { tier: 'gold', hours: 36 },
  ],
};
const unit = (overrides: Partial<Parameters<typeof slaHoursFor>[1]> = {}) => ({
  siteCode: 'MAIN',
  isRegulated: false,
  customerTier: 'bronze',
  ...overrides,
});

describe('slaHoursFor: the shortest target that applies wins', () => {
  it('is the default when nothing else applies, or the site has no target of its own', () => {
    expect(slaHoursFor(SLA, unit())).toBe(48);
    expect(slaHoursFor(SLA, unit({ siteCode: null }))).toBe(48);
  });

  it("uses the site's own target instead of the default, longer or shorter", () => {
    expect(slaHoursFor(SLA, unit({ siteCode: 'SLOW' }))).toBe(96);
    expect(slaHoursFor(SLA, unit({ siteCode: 'FAST' }))).toBe(8);
  });

  it("takes regulated goods' and the tier's target when shorter than the site's", () => {
    expect(slaHoursFor(SLA, unit({ isRegulated: true }))).toBe(24);
    expect(slaHoursFor(SLA, unit({ customerTier: 'gold' }))).toBe(36);
    expect(slaHoursFor(SLA, unit({ customerTier: 'platinum', isRegulated: true }))).toBe(12);
    expect(slaHoursFor(SLA, unit({ siteCode: 'SLOW', customerTier: 'gold' }))).toBe(36);
    expect(slaHoursFor(SLA, unit({ siteCode: 'SLOW', isRegulated: true, customerTier: 'gold' }))).toBe(24);
  });

  it('never lengthens a shorter site target', () => {
    expect(slaHoursFor(SLA, unit({ siteCode: 'FAST', isRegulated: true, customerTier: 'gold' }))).toBe(8);
  });

  it('ignores regulated goods when no regulated target is set', () => {
    expect(slaHoursFor({ ...SLA, regulatedHours: null }, unit({ isRegulated: true }))).toBe(48);
  });
});

describe('slaDueAt', () => {
  it('adds the hours to the receipt time', () => {
    expect(slaDueAt('2026-11-26T10:00:00.000Z', 48)).toBe('2026-11-28T10:00:00.000Z');
    expect(slaDueAt('2026-11-26T23:30:00.000Z', 1)).toBe('2026-11-27T00:30:00.000Z');
  });
});
