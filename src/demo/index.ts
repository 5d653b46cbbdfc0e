import type { Platform } from '../platform/unit-of-work.js';
import { systemContext } from '../platform/actor.js';
import { createUser } from '../identity/index.js';

/** Placeholder until the demo generator lands: only the demo users. */
export async function loadDemoDataIfEmpty(platform: Platform): Promise<void> {
  const existing = await platform.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  for (const role of ['customer', 'cs_agent', 'cs_manager', 'warehouse', 'quality', 'finance', 'ops_manager', 'admin'] as const) {
    if (role === 'customer') continue;
    await createUser(platform, systemContext('demo'), { email: `${role}@demo.local`, name: role, role, customerId: null, password: 'demo' });
  }
}
