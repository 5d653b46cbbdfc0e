// Which return window applies to a customer and product. The calendar arithmetic that applies it
// lives in platform/calendar.ts.
import type { ReturnPolicy } from '../../contracts/configuration.js';

export type ReturnWindowSource =
  'customer_override' | 'tier_and_category' | 'tier' | 'category' | 'any' | 'policy_default';

export interface ReturnWindowResolution {
  days: number;
  source: ReturnWindowSource;
  /** Plain-English basis for the window, e.g. "gold tier, category 'Networking'". */
  explanation: string;
}

type PolicyWindow = ReturnPolicy['windows'][number];

const ANY = '*';

// Tiers and categories are typed by admins into the policy; a case slip ("Gold" vs "gold")
// should not silently fall back to a different window.
function matches(pattern: string, value: string): boolean {
  return pattern.trim().toLowerCase() === value.trim().toLowerCase();
}

/**
 * The customer's contracted window wins; otherwise the most specific policy window:
 * tier+category, tier+'*', '*'+category, '*'+'*', then the policy default.
 * Within one level of specificity the first window listed wins.
 */
export function resolveReturnWindowDays(
  policy: ReturnPolicy,
  tier: string,
  category: string,
  customerOverrideDays: number | null,
): ReturnWindowResolution {
  if (customerOverrideDays !== null) {
    return { days: customerOverrideDays, source: 'customer_override', explanation: 'contracted for your account' };
  }
  const find = (t: (p: string) => boolean, c: (p: string) => boolean) =>
    policy.windows.find((w) => t(w.tier) && c(w.category));
  const isTier = (p: string) => p !== ANY && matches(p, tier);
  const isCategory = (p: string) => p !== ANY && matches(p, category);
  const isAny = (p: string) => p === ANY;

  const levels: Array<[ReturnWindowSource, PolicyWindow | undefined, string]> = [
    ['tier_and_category', find(isTier, isCategory), `${tier} tier, category '${category}'`],
    ['tier', find(isTier, isAny), `${tier} tier`],
    ['category', find(isAny, isCategory), `category '${category}'`],
    ['any', find(isAny, isAny), 'policy for all customers and categories'],
  ];
  for (const [source, window, explanation] of levels) {
    if (window) return { days: window.days, source, explanation };
  }
  return { days: policy.defaultReturnWindowDays, source: 'policy_default', explanation: 'standard policy' };
}
