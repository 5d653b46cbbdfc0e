// One demo user per role (`<role>@demo.local`, password `demo`), created through the real use case,
// and the actors the return generator acts as.
import type { Role } from '../contracts/common.js';
import { systemContext, type Actor } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createUser } from '../identity/index.js';
import type { DemoWorld } from './demo-model.js';

export const DEMO_PASSWORD = 'demo';

const USERS: ReadonlyArray<readonly [Role, string]> = [
  ['customer', 'Casey Customer'],
  ['cs_agent', 'Alex Agent'],
  ['cs_manager', 'Morgan Manager'],
  ['warehouse', 'Wes Warehouse'],
  ['quality', 'Quinn Quality'],
  ['finance', 'Frankie Finance'],
  ['ops_manager', 'Olivia Operations'],
  ['admin', 'Ada Admin'],
];

export type DemoActors = Record<Role, Actor>;

export async function createDemoUsers(platform: Platform, world: DemoWorld): Promise<DemoActors> {
  const ctx = systemContext('demo-data');
  const demoCustomer = world.demoCustomer;
  // The warehouse user works at a site of the demo customer's entity: where its returns arrive.
  const homeSite = world.sites.find((site) => site.entity === demoCustomer.entity.key) ?? world.sites[0];
  // Concurrently, because scrypt is deliberately slow and runs on the thread pool; the inserts
  // themselves still commit one at a time.
  const created = await Promise.all(
    USERS.map(async ([role, baseName]): Promise<[Role, Actor]> => {
      const customerId = role === 'customer' ? demoCustomer.id : null;
      const name = role === 'customer' ? `${baseName} (${demoCustomer.name})` : baseName;
      const id = await createUser(platform, ctx, {
        email: `${role}@demo.local`,
        name,
        role,
        customerId,
        siteId: role === 'warehouse' ? (homeSite?.id ?? null) : null,
        password: DEMO_PASSWORD,
      });
      return [role, { kind: 'user', id, personId: id, name, role, customerId }];
    }),
  );
  return Object.fromEntries(created) as DemoActors;
}
