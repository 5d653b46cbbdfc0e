// Where an authorized return's goods go, decided by rules and explained. The rules, in order:
//   1. Certification. Every line's goods need their sites' capability: a regulated class needs
//      the capability its certification names (any other regulated class: regulated_goods), goods
//      kept cold need temperature_controlled, and every site must be able to receive goods.
//   2. Nearness. The customer's zone lists its sites nearest first; then come the legal entity's
//      sites in the customer's own region, then its others by code. Zones name the nearness a
//      planner knows (roads, carriers' lanes), which straight-line distance does not.
//   3. Capacity. A site whose open routed units plus this return's would pass its limit is
//      passed over for the next one. When every certified site is full, the nearest certified
//      one still takes the goods — a full site is a planning problem, a hazmat parcel sent to an
//      uncertified one is a legal one — and the explanation says so.
// No certified site at all: no site; a person routes the return by hand.
import type { ReturnRouting } from '../../contracts/configuration.js';

export interface RoutableSite {
  id: string;
  code: string;
  name: string;
  region: string;
  capabilities: readonly string[];
  /** Units on open returns (authorized, not closed) already routed to the site. */
  openUnits: number;
}

export interface RoutedGoods {
  sku: string;
  quantity: number;
  regulatedClass: string | null;
  isTemperatureControlled: boolean;
}

export interface RoutingQuestion {
  customerRegion: string;
  goods: readonly RoutedGoods[];
  /** The active sites of the return's legal entity. */
  sites: readonly RoutableSite[];
  rules: ReturnRouting;
}

export type CandidateVerdict = 'chosen' | 'not_certified' | 'at_capacity' | 'farther';

export interface RoutingDecision {
  siteId: string | null;
  requiredCapabilities: string[];
  /** The zone that ordered the sites, or null when none names the customer's region. */
  zone: string | null;
  candidates: Array<{ siteCode: string; verdict: CandidateVerdict; note: string }>;
  /** What a person reads: one sentence per rule that shaped the decision. */
  explanation: string[];
}

/** The capabilities a site needs to take these goods, and why, in the order they were found. */
export function requiredCapabilities(
  goods: readonly RoutedGoods[],
  rules: ReturnRouting,
): Array<{ capability: string; because: string }> {
  const needs = new Map<string, string>([['receiving', 'every site must receive goods']]);
  for (const item of goods) {
    if (item.regulatedClass !== null) {
      const certification = rules.certifications.find(
        (c) => c.regulatedClass.toLowerCase() === item.regulatedClass!.toLowerCase(),
      );
      const capability = certification?.capability ?? 'regulated_goods';
      if (!needs.has(capability)) needs.set(capability, `${item.sku} is regulated (${item.regulatedClass})`);
    }
    if (item.isTemperatureControlled && !needs.has('temperature_controlled'))
      needs.set('temperature_controlled', `${item.sku} must be kept at a controlled temperature`);
  }
  return [...needs].map(([capability, because]) => ({ capability, because }));
}

export function decideRouting(question: RoutingQuestion): RoutingDecision {
  const { rules, sites } = question;
  const needs = requiredCapabilities(question.goods, rules);
  const units = question.goods.reduce((sum, item) => sum + item.quantity, 0);
  const region = normalize(question.customerRegion);
  const zone = rules.zones.find((z) => z.regions.some((r) => normalize(r) === region)) ?? null;
  const ordered = orderByNearness(sites, zone?.sites ?? [], region);
  const limits = new Map(rules.siteCapacities.map((c) => [c.siteCode, c.maxOpenUnits]));

  const candidates: RoutingDecision['candidates'] = [];
  let chosen: RoutableSite | null = null;
  let nearestFullCertified: RoutableSite | null = null;
  for (const site of ordered) {
    const missing = needs.filter((n) => !site.capabilities.includes(n.capability)).map((n) => n.capability);
    if (missing.length > 0) {
      candidates.push({ siteCode: site.code, verdict: 'not_certified', note: `lacks ${missing.join(', ')}` });
      continue;
    }
    const limit = limits.get(site.code);
    if (limit !== undefined && site.openUnits + units > limit) {
      nearestFullCertified ??= site;
      candidates.push({
        siteCode: site.code,
        verdict: 'at_capacity',
        note: `${site.openUnits} of ${limit} units already routed there; ${units} more would not fit`,
      });
      continue;
    }
    if (chosen === null) {
      chosen = site;
      candidates.push({ siteCode: site.code, verdict: 'chosen', note: capacityNote(site, limit) });
    } else {
      candidates.push({ siteCode: site.code, verdict: 'farther', note: 'certified, but farther' });
    }
  }
  const overflow = chosen === null ? nearestFullCertified : null;
  if (overflow) {
    const entry = candidates.find((c) => c.siteCode === overflow.code)!;
    entry.verdict = 'chosen';
    entry.note = `${entry.note}; chosen as every certified site is full`;
  }
  const site = chosen ?? overflow;
  return {
    siteId: site?.id ?? null,
    requiredCapabilities: needs.map((n) => n.capability),
    zone: zone?.name ?? null,
    candidates,
    explanation: explain(site, overflow !== null, needs, zone?.name ?? null, question.customerRegion, candidates),
  };
}

/** Zone sites in the zone's order, then the customer's own region, then the rest by code. */
function orderByNearness(sites: readonly RoutableSite[], zoneSites: readonly string[], region: string) {
  const zoneRank = (site: RoutableSite) => {
    const index = zoneSites.indexOf(site.code);
    return index >= 0 ? index : zoneSites.length + (normalize(site.region) === region ? 0 : 1);
  };
  return [...sites].sort((a, b) => zoneRank(a) - zoneRank(b) || a.code.localeCompare(b.code));
}

function explain(
  site: RoutableSite | null,
  isOverflow: boolean,
  needs: ReadonlyArray<{ capability: string; because: string }>,
  zone: string | null,
  customerRegion: string,
  candidates: RoutingDecision['candidates'],
): string[] {
  const lines: string[] = [];
  const special = needs.filter((n) => n.capability !== 'receiving');
  if (special.length > 0)
    lines.push(
      `Needs a site certified for ${special.map((n) => `${label(n.capability)} (${n.because})`).join(' and ')}.`,
    );
  lines.push(
    zone
      ? `The customer's region ${customerRegion} is in zone ${zone}; its sites are tried nearest first.`
      : `No zone names the customer's region ${customerRegion || '(none)'}; sites in that region are tried first, then the others by code.`,
  );
  for (const passed of candidates.filter((c) => c.verdict === 'not_certified' || c.verdict === 'at_capacity'))
    lines.push(`${passed.siteCode} passed over: ${passed.note}.`);
  if (site === null) lines.push('No active site is certified for these goods: route this return by hand.');
  else if (isOverflow) lines.push(`Every certified site is full; sent to the nearest, ${site.code} (${site.name}).`);
  else lines.push(`Sent to ${site.code} (${site.name}).`);
  return lines;
}

function capacityNote(site: RoutableSite, limit: number | undefined): string {
  return limit === undefined
    ? 'certified and nearest'
    : `certified and nearest; ${site.openUnits} of ${limit} units open`;
}

function label(capability: string): string {
  return capability.replaceAll('_', ' ');
}

function normalize(region: string): string {
  return region.trim().toLowerCase();
}
