// Four hundred B2B customers across the three entities: names that sound local, tiers, channels,
// contracted return windows and credit holds in believable proportions, and the one demo account
// (a gold-tier US contractor) the portal user belongs to.
import type { CustomersTable } from '../masterdata/index.js';
import type { IdGenerator } from '../platform/ids.js';
import type { Random } from './random.js';
import {
  CUSTOMER_COUNTRIES,
  DEMO_CUSTOMER,
  LEGAL_SUFFIXES,
  NAME_STEMS,
  REGIONS,
  SEGMENT_WEIGHTS,
  TRADE_WORDS,
  type Country,
  type EntityKey,
} from './demo-companies.js';
import type { DemoCustomer, DemoEntity, Tier } from './demo-model.js';

const CUSTOMER_COUNT = 400;
const DEMO_CUSTOMER_INDEX = 41; // account C-100042
const TIER_WEIGHTS: ReadonlyArray<readonly [Tier, number]> = [
  ['platinum', 6],
  ['gold', 20],
  ['silver', 40],
  ['bronze', 34],
];
/** Bigger accounts order more often. */
const ORDERS_BY_TIER: Record<Tier, number> = { platinum: 6, gold: 3, silver: 1.5, bronze: 0.8 };

export interface GeneratedCustomer {
  model: DemoCustomer;
  row: Omit<CustomersTable, 'version' | 'created_at' | 'updated_at'>;
  isDemo: boolean;
}

export function generateCustomers(
  random: Random,
  ids: IdGenerator,
  entityOf: (key: EntityKey) => DemoEntity,
): GeneratedCustomer[] {
  const names = new Set<string>();
  return Array.from({ length: CUSTOMER_COUNT }, (_, i) => {
    const isDemo = i === DEMO_CUSTOMER_INDEX;
    const [country, entityKey] = isDemo
      ? (['US', 'US'] as const)
      : random.weighted(CUSTOMER_COUNTRIES.map(([c, e, w]) => [[c, e] as const, w] as const));
    const segment = isDemo ? DEMO_CUSTOMER.segment : random.weighted(SEGMENT_WEIGHTS);
    const tier: Tier = isDemo ? 'gold' : random.weighted(TIER_WEIGHTS);
    const name = isDemo ? DEMO_CUSTOMER.name : uniqueName(random, country, segment, names);
    names.add(name);
    const [region, taxBps] = isDemo ? (['OH', 575] as const) : random.pick(REGIONS[country]);
    const entity = entityOf(entityKey);
    const channel = isDemo
      ? 'portal'
      : random.weighted([
          ['direct', 30],
          ['edi', tier === 'platinum' || tier === 'gold' ? 35 : 10],
          ['portal', 25],
          ['marketplace', 10],
          ['field_sales', 15],
        ] as const);
    const model: DemoCustomer = {
      id: ids.next('cus'),
      name,
      tier,
      entity,
      country,
      region,
      taxBps,
      segment,
      channel,
      isOnCreditHold: !isDemo && random.chance(0.03),
      returnWindowDays: !isDemo && random.chance(0.08) ? random.pick([30, 45, 90, 120]) : null,
      orderWeight: ORDERS_BY_TIER[tier] * (0.3 + random.next() * 1.4),
    };
    const row = {
      id: model.id,
      account_number: isDemo ? DEMO_CUSTOMER.accountNumber : `C-${100001 + i}`,
      name,
      tier,
      legal_entity_id: entity.id,
      channel,
      currency: entity.currency,
      payment_terms:
        tier === 'platinum'
          ? random.pick(['NET45', 'NET60'])
          : random.pick(['NET30', 'NET30', 'NET30', '2/10 NET30', 'NET15']),
      return_window_days: model.returnWindowDays,
      is_on_credit_hold: model.isOnCreditHold ? 1 : 0,
      email: `${random.pick(['orders', 'purchasing', 'accounts', 'returns'])}@${toDomainLabel(name)}.example`,
      region,
      // The language they are written to in: by country, without a draw (the seed's sequence stays).
      locale: LOCALE_OF[country],
    };
    return { model, row, isDemo };
  });
}

const LOCALE_OF: Record<Country, string> = { US: 'en-US', NL: 'nl', DE: 'de', BE: 'nl-BE', GB: 'en-GB' };

/** 'Müller Haustechnik GmbH' → 'muller-haustechnik' */
function toDomainLabel(name: string): string {
  const suffixes = Object.values(LEGAL_SUFFIXES)
    .flat()
    .sort((a, b) => b.length - a.length);
  const bare = suffixes.reduce((n, suffix) => (n.endsWith(` ${suffix}`) ? n.slice(0, -suffix.length - 1) : n), name);
  return bare
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function uniqueName(random: Random, country: Country, segment: DemoCustomer['segment'], taken: Set<string>): string {
  for (;;) {
    const name = `${random.pick(NAME_STEMS[country])} ${random.pick(TRADE_WORDS[segment][country])} ${random.pick(LEGAL_SUFFIXES[country])}`;
    if (!taken.has(name)) return name;
  }
}
