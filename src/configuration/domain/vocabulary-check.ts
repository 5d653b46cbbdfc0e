// Rules name product categories, customer tiers and regulated classes as text. A typo there
// ("Consumabels") was saved and then silently matched nothing, so a return window or an approval
// rule never applied. A new version may only name terms that exist — in the catalogue, the tier
// list, or the version it replaces (so a rule about products not loaded yet can be kept) — and
// a refusal suggests the term that was probably meant. The kinds of the inspection and
// disposition stages are checked here too, for what their schemas cannot say: disposition rules
// (checkRules, shared with the engine through the contracts, then the codes, categories and
// regulated classes they name), inspection checklists and the inspection SLA.
import type {
  ApprovalRules,
  ConfigDocuments,
  ConfigKind,
  InspectionChecklists,
  InspectionSla,
  ReturnPolicy,
  ReturnRouting,
} from '../../contracts/configuration.js';
import { checkRules, type DispositionRules } from '../../contracts/disposition-rules.js';

export interface Vocabulary {
  tiers: readonly string[];
  categories: readonly string[];
  regulatedClasses: readonly string[];
  /** Codes of the sites in master data (routing rules name sites by code). */
  siteCodes: readonly string[];
  /**
   * The active codes of the disposition codes in force, which disposition rules may recommend.
   * Read only when disposition rules are published (empty otherwise: nothing else names them).
   */
  dispositionCodes: readonly string[];
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
  if (kind === 'disposition_rules')
    return checkDispositionRules(document as DispositionRules, previous as DispositionRules | null, vocabulary);
  if (kind === 'inspection_checklists')
    return checkInspectionChecklists(
      document as InspectionChecklists,
      previous as InspectionChecklists | null,
      vocabulary,
    );
  if (kind === 'inspection_sla')
    return checkInspectionSla(document as InspectionSla, previous as InspectionSla | null, vocabulary);
  return [];
}

const NO_TERMS_KEPT: ReadonlySet<string> = new Set();

/** Where a rules document names terms of `fact` in its conditions (eq, ne, in, not_in values). */
function termsInConditions(rules: DispositionRules, fact: 'category' | 'regulatedClass') {
  return rules.rules.flatMap((rule, i) =>
    rule.when.flatMap((condition, j) => {
      if (condition.fact !== fact || !['eq', 'ne', 'in', 'not_in'].includes(condition.op)) return [];
      const path = `rules.${i}.when.${j}.value`;
      if (typeof condition.value === 'string') return [{ path, term: condition.value }];
      if (!Array.isArray(condition.value)) return [];
      return condition.value.map((term, k) => ({ path: `${path}.${k}`, term }));
    }),
  );
}

/** The product categories a rules document names: its cost estimates' and its conditions'. */
export function categoriesNamedInRules(rules: DispositionRules): string[] {
  const named = [
    ...rules.costEstimates.map((estimate) => estimate.category),
    ...termsInConditions(rules, 'category').map((named) => named.term),
  ];
  return [...new Set(named)].filter((category) => category !== '*');
}

/**
 * A rule recommending a code that does not exist or is retired could not be carried out, so
 * codes are checked against the active ones in force (none kept from the previous version);
 * inactive rules are not, so a rule can be switched off together with its code.
 */
function checkDispositionRules(
  rules: DispositionRules,
  before: DispositionRules | null,
  vocabulary: Vocabulary,
): UnknownTerm[] {
  const keptCategories = new Set(before ? categoriesNamedInRules(before) : []);
  const keptClasses = new Set(before ? termsInConditions(before, 'regulatedClass').map((named) => named.term) : []);
  const codes = vocabulary.dispositionCodes;
  return [
    ...checkRules(rules),
    ...rules.rules.flatMap((rule, i) =>
      rule.isActive ? check(`rules.${i}.code`, rule.code, 'active disposition code', codes, NO_TERMS_KEPT, false) : [],
    ),
    ...check('fallback.code', rules.fallback.code, 'active disposition code', codes, NO_TERMS_KEPT, false),
    ...rules.costEstimates.flatMap((estimate, k) =>
      check(
        `costEstimates.${k}.category`,
        estimate.category,
        'product category',
        vocabulary.categories,
        keptCategories,
        true,
      ),
    ),
    ...termsInConditions(rules, 'category').flatMap(({ path, term }) =>
      check(path, term, 'product category', vocabulary.categories, keptCategories, false),
    ),
    ...termsInConditions(rules, 'regulatedClass').flatMap(({ path, term }) =>
      check(path, term, 'regulated class', vocabulary.regulatedClasses, keptClasses, false),
    ),
  ];
}

/**
 * One checklist per category and exactly one for '*' (the list for every other category), item
 * ids unique within a list (results are recorded by item id), ranges the right way round, and
 * each defect code once.
 */
function checkInspectionChecklists(
  document: InspectionChecklists,
  before: InspectionChecklists | null,
  vocabulary: Vocabulary,
): UnknownTerm[] {
  const keptCategories = new Set(before?.checklists.map((checklist) => checklist.category) ?? []);
  const categories = document.checklists.map((checklist) => checklist.category);
  return [
    ...document.checklists.flatMap((checklist, c) => [
      ...check(
        `checklists.${c}.category`,
        checklist.category,
        'product category',
        vocabulary.categories,
        keptCategories,
        true,
      ),
      ...duplicates(
        checklist.items.map((item) => item.id),
        (i) => `checklists.${c}.items.${i}.id`,
        (id) => `item id ${id} is used twice in this checklist`,
      ),
      ...checklist.items.flatMap((item, i) =>
        item.min !== undefined && item.max !== undefined && item.min > item.max
          ? [
              {
                path: `checklists.${c}.items.${i}.min`,
                message: `the minimum ${item.min} is above the maximum ${item.max}`,
              },
            ]
          : [],
      ),
    ]),
    ...duplicates(
      categories,
      (c) => `checklists.${c}.category`,
      (category) =>
        category === '*' ? 'there is already a checklist for * (any category)' : `${category} already has a checklist`,
    ),
    ...(categories.includes('*')
      ? []
      : [{ path: 'checklists', message: 'add a checklist for category * (what any other category is checked for)' }]),
    ...duplicates(
      document.defectCodes.map((defect) => defect.code),
      (k) => `defectCodes.${k}.code`,
      (code) => `defect code ${code} appears more than once`,
    ),
  ];
}

/** Sites must exist (a target for a mistyped site would silently apply nowhere); one target each. */
function checkInspectionSla(sla: InspectionSla, before: InspectionSla | null, vocabulary: Vocabulary): UnknownTerm[] {
  const keptTiers = new Set(before?.tiers.map((target) => target.tier) ?? []);
  return [
    ...sla.sites.flatMap((target, i) =>
      check(`sites.${i}.siteCode`, target.siteCode, 'site', vocabulary.siteCodes, NO_TERMS_KEPT, false),
    ),
    ...duplicates(
      sla.sites.map((target) => target.siteCode),
      (i) => `sites.${i}.siteCode`,
      (site) => `site ${site} already has a target`,
    ),
    ...sla.tiers.flatMap((target, i) =>
      check(`tiers.${i}.tier`, target.tier, 'customer tier', vocabulary.tiers, keptTiers, false),
    ),
    ...duplicates(
      sla.tiers.map((target) => target.tier),
      (i) => `tiers.${i}.tier`,
      (tier) => `tier ${tier} already has a target`,
    ),
  ];
}

/** Each repeat of a value already listed, at its own path. */
function duplicates(
  values: readonly string[],
  pathOf: (index: number) => string,
  messageOf: (value: string) => string,
): UnknownTerm[] {
  return values.flatMap((value, index) =>
    values.indexOf(value) === index ? [] : [{ path: pathOf(index), message: messageOf(value) }],
  );
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
