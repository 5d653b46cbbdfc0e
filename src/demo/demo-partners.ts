// The demo distributor's repair partners: one in the US, one in the UK, created through master
// data's own use case. Work orders for "Repair by partner" go to them; FixPoint has a demo user.
import { systemContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createMasterRecord, PARTNERS } from '../masterdata/index.js';
import type { DemoWorld } from './demo-model.js';
import type { EntityKey } from './demo-companies.js';

const DEMO_PARTNERS: ReadonlyArray<{ code: string; name: string; email: string; entity: EntityKey }> = [
  { code: 'PTN-FIX', name: 'FixPoint Repair Services', email: 'workshop@fixpoint.example', entity: 'US' },
  { code: 'PTN-MTR', name: 'Midlands Tool Repair', email: 'repairs@midlandstool.example', entity: 'UK' },
];

/** The partners' ids by code. */
export async function createDemoPartners(platform: Platform, world: DemoWorld): Promise<Map<string, string>> {
  const ctx = systemContext('demo-data');
  const ids = new Map<string, string>();
  for (const partner of DEMO_PARTNERS) {
    const entity = world.entities.find((candidate) => candidate.key === partner.entity);
    if (!entity) continue;
    const created = await createMasterRecord(platform, ctx, PARTNERS, {
      code: partner.code,
      name: partner.name,
      kind: 'repair',
      email: partner.email,
      legalEntityId: entity.id,
      isActive: true,
    });
    ids.set(partner.code, created.id);
  }
  return ids;
}
