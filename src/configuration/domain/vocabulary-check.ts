// Rules name product categories, customer tiers and regulated classes as text. A typo there
// ("Consumabels") was saved and then silently matched nothing, so a return window or an approval
// rule never applied. A new version may only name terms that exist — in the catalogue, the tier
// list, or the version it replaces (so a rule about products not loaded yet can be kept) — and
// a refusal suggests the term that was probably meant.
import type {
  ApprovalRules,
  ConfigDocuments,
  ConfigKind,
  ReturnPolicy,
  ReturnRouting,
} from '../../contracts/configuration.js';

export interface Vocabulary {
  tiers: readonly string[];
  categories: readonly string[];
  regulatedClasses: readonly string[];
  /** Codes of the sites in master data (routing rules name sites by code). */
  siteCodes: readonly string[];
}

export interface UnknownTerm {
  path: string;
  message: string;
}

export function findUnknownTerms<K extends ConfigKind>(
  kind: K,
  document: ConfigDocuments[K],
  previous: ConfigDocuments[K] | null,
  vocabulary: Vocabulary,
): UnknownTerm[] {
  if (kind === 'return_policy') {
    const policy = document as ReturnPolicy;
    const before = previous as ReturnPolicy | null;
    const keptTiers = new Set(before?.windows.map((w) => w.tier) ?? []);
    const keptCategories = new Set(before?.windows.map((w) => w.category) ?? []);
    return policy.windows.flatMap((window, index) => [
      ...check(`windows.${index}.tier`, window.tier, 'customer tier', vocabulary.tiers, keptTiers, true),
      ...check(
        `windows.${index}.category`,
        window.category,
        'product category',
        vocabulary.categories,
        keptCategories,
        true,
      ),
    ]);
  }
  if (kind === 'approval_rules') {
    const rules = document as ApprovalRules;
    const before = previous as ApprovalRules | null;
    const keptTiers = new Set(before?.tiersRequiringApproval ?? []);
    const keptClasses = new Set(before?.regulatedClassesRequiringApproval ?? []);
    return [
      ...rules.tiersRequiringApproval.flatMap((tier, index) =>
        check(`tiersRequiringApproval.${index}`, tier, 'customer tier', vocabulary.tiers, keptTiers, false),
      ),
      ...rules.regulatedClassesRequiringApproval.flatMap((regulatedClass, index) =>
        check(
          `regulatedClassesRequiringApproval.${index}`,
          regulatedClass,
          'regulated class',
          vocabulary.regulatedClasses,
          keptClasses,
          false,
        ),
      ),
    ];
  }
  if (kind === 'return_routing') {
    const routing = document as ReturnRouting;
    const before = previous as ReturnRouting | null;
    const keptClasses = new Set(before?.certifications.map((c) => c.regulatedClass) ?? []);
    // A site must exist: a zone naming a mistyped site would silently send nothing there.
    const none = new Set<string>();
    return [
      ...routing.zones.flatMap((zone, z) =>
        zone.sites.flatMap((site, index) =>
          check(`zones.${z}.sites.${index}`, site, 'site', vocabulary.siteCodes, none, false),
        ),
      ),
      ...routing.siteCapacities.flatMap((capacity, index) =>
        check(`siteCapacities.${index}.siteCode`, capacity.siteCode, 'site', vocabulary.siteCodes, none, false),
      ),
      ...routing.certifications.flatMap((certification, index) =>
        check(
          `certifications.${index}.regulatedClass`,
          certification.regulatedClass,
          'regulated class',
          vocabulary.regulatedClasses,
          keptClasses,
          false,
        ),
      ),
    ];
  }
  return [];
}

function check(
  path: string,
  term: string,
  what: string,
  known: readonly string[],
  kept: ReadonlySet<string>,
  allowsAny: boolean,
): UnknownTerm[] {
  if ((allowsAny && term === '*') || known.includes(term) || kept.has(term)) return [];
  const meant = closestTerm(term, known);
  const list = known.length > 0 ? `known: ${known.join(', ')}` : `none exist yet`;
  return [
    {
      path,
      message: `no ${what} “${term}”${meant ? ` — did you mean “${meant}”?` : ''} (${list}${allowsAny ? '; * means any' : ''})`,
    },
  ];
}

/** The known term within two edits of `term` (ignoring case), if there is one. */
export function closestTerm(term: string, known: readonly string[]): string | null {
  let best: { term: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(term.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { term: candidate, distance };
  }
  return best?.term ?? null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
