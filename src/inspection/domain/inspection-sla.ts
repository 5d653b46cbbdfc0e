// How soon received goods must be inspected: the shortest target that applies — the site's own
// (else the default), regulated goods', the customer tier's.
import type { InspectionSla } from '../../contracts/configuration.js';

export function slaHoursFor(
  sla: InspectionSla,
  unit: { siteCode: string | null; isRegulated: boolean; customerTier: string },
): number {
  const siteHours = sla.sites.find((s) => s.siteCode === unit.siteCode)?.hours ?? sla.defaultHours;
  const candidates = [siteHours];
  if (unit.isRegulated && sla.regulatedHours !== null) candidates.push(sla.regulatedHours);
  const tier = sla.tiers.find((t) => t.tier === unit.customerTier);
  if (tier) candidates.push(tier.hours);
  return Math.min(...candidates);
}

export function slaDueAt(receivedAt: string, hours: number): string {
  return new Date(Date.parse(receivedAt) + hours * 3_600_000).toISOString();
}
