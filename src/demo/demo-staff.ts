// The people the later stages need beyond one user per role: a warehouse clerk at each receiving
// site besides the demo warehouse user's own (goods are received, inspected and dispositioned
// where they arrive, by the people who work there), and a second quality inspector, because
// regulated goods need a sign-off by someone other than the one who inspected them. Real users
// (password `demo`), so what they did can be looked at signed in as them.
import { systemContext, type Actor } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createUser } from '../identity/index.js';
import type { DemoSite, DemoWorld } from './demo-model.js';
import { DEMO_PASSWORD } from './demo-users.js';

/** Clerks by site code; a receiving site not named here gets a clerk named after it. */
const CLERKS: Record<string, string> = {
  'US-DAL': 'Dana Delgado',
  'US-RNO': 'Rosa Navarro',
  'US-CMH': 'Colin Mason',
  'US-MEM': 'Maya Porter',
  'NL-VLO': 'Daan Visser',
  'UK-DAV': 'Dave Thompson',
};
const SECOND_QUALITY = { name: 'Quincy Quality', email: 'quality2@demo.local' };

export interface DemoStaff {
  /** The warehouse clerk of each receiving site but the demo warehouse user's home site, by site id. */
  clerks: ReadonlyMap<string, Actor>;
  /** A second quality inspector: the sign-off on regulated goods. */
  secondQuality: Actor;
}

/** The site demo-users.ts gives the demo warehouse user: a site of the demo customer's entity. */
export function warehouseHomeSiteOf(world: DemoWorld): DemoSite | undefined {
  return world.sites.find((site) => site.entity === world.demoCustomer.entity.key) ?? world.sites[0];
}

export const clerkEmailOf = (site: Pick<DemoSite, 'code'>) =>
  `warehouse.${site.code.replace(/^[A-Z]+-/, '').toLowerCase()}@demo.local`;

export async function createDemoStaff(platform: Platform, world: DemoWorld): Promise<DemoStaff> {
  const ctx = systemContext('demo-data');
  const home = warehouseHomeSiteOf(world);
  const sites = world.sites.filter((site) => site.capabilities.includes('receiving') && site.id !== home?.id);
  const person = async (input: {
    name: string;
    email: string;
    role: 'warehouse' | 'quality';
    siteId: string | null;
  }) => {
    const id = await createUser(platform, ctx, { ...input, customerId: null, password: DEMO_PASSWORD });
    return { kind: 'user', id, personId: id, name: input.name, role: input.role, customerId: null } satisfies Actor;
  };
  // Concurrently, as demo-users.ts does: scrypt runs on the thread pool.
  const [secondQuality, ...clerks] = await Promise.all([
    person({ ...SECOND_QUALITY, role: 'quality', siteId: null }),
    ...sites.map((site) =>
      person({
        name: CLERKS[site.code] ?? `Warehouse ${site.code}`,
        email: clerkEmailOf(site),
        role: 'warehouse',
        siteId: site.id,
      }),
    ),
  ]);
  return { clerks: new Map(sites.map((site, index) => [site.id, clerks[index]!])), secondQuality };
}
