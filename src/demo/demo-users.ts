// One demo user per role (`<role>@demo.local`, password `demo`; the repair partner's is
// `repair@demo.local`, of FixPoint; the carrier's `carrier@demo.local`, of the UPS returns desk),
// created through the real use case, and the actors the return
// generator acts as. The supplier's (`supplier@demo.local`) is made later, for the first supplier
// the demo sends a claim to (demo-claims.ts).
import type { Role } from '../contracts/common.js';
import { systemContext, type Actor } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createUser } from '../identity/index.js';
import type { DemoWorld } from './demo-model.js';
import { createDemoPartners } from './demo-partners.js';

export const DEMO_PASSWORD = 'demo';

const USERS: ReadonlyArray<readonly [Exclude<Role, 'supplier'>, string]> = [
  ['customer', 'Casey Customer'],
  ['cs_agent', 'Alex Agent'],
  ['cs_manager', 'Morgan Manager'],
  ['warehouse', 'Wes Warehouse'],
  ['quality', 'Quinn Quality'],
  ['finance', 'Frankie Finance'],
  ['ops_manager', 'Olivia Operations'],
  ['admin', 'Ada Admin'],
  ['repair_partner', 'Riley Repair'],
  ['carrier', 'Cody Carrier'],
];

/** The demo user's sign-in: `<role>@demo.local`, but a shorter name for the partner's technician. */
export const demoEmailOf = (role: Role) => `${role === 'repair_partner' ? 'repair' : role}@demo.local`;

/** The partners the demo's partner users work for: a repair partner, and a carrier. */
const DEMO_PARTNER_CODE_OF: Partial<Record<Role, string>> = { repair_partner: 'PTN-FIX', carrier: 'CAR-UPS' };

/** The demo's people by role; the supplier's joins once the first claim is submitted. */
export type DemoActors = Record<Exclude<Role, 'supplier'>, Actor> & { supplier?: Actor };

export async function createDemoUsers(platform: Platform, world: DemoWorld): Promise<DemoActors> {
  const ctx = systemContext('demo-data');
  const demoCustomer = world.demoCustomer;
  // The warehouse user works at a site of the demo customer's entity: where its returns arrive.
  const homeSite = world.sites.find((site) => site.entity === demoCustomer.entity.key) ?? world.sites[0];
  const partners = await createDemoPartners(platform, world);
  // Concurrently, because scrypt is deliberately slow and runs on the thread pool; the inserts
  // themselves still commit one at a time.
  const created = await Promise.all(
    USERS.map(async ([role, baseName]): Promise<[Exclude<Role, 'supplier'>, Actor]> => {
      const customerId = role === 'customer' ? demoCustomer.id : null;
      const partnerCode = DEMO_PARTNER_CODE_OF[role];
      const userPartnerId = partnerCode ? (partners.get(partnerCode) ?? null) : null;
      const name = role === 'customer' ? `${baseName} (${demoCustomer.name})` : baseName;
      const id = await createUser(platform, ctx, {
        email: demoEmailOf(role),
        name,
        role,
        customerId,
        siteId: role === 'warehouse' ? (homeSite?.id ?? null) : null,
        partnerId: userPartnerId,
        password: DEMO_PASSWORD,
      });
      return [role, { kind: 'user', id, personId: id, name, role, customerId, partnerId: userPartnerId }];
    }),
  );
  return Object.fromEntries(created) as DemoActors;
}
