// The demo distributor's partners, created through master data's own use case: two repair
// partners (one in the US, one in the UK) that work orders for "Repair by partner" go to, and two
// carriers the customers' parcels travel with (UPS in the US, DHL in the EU: the demo's labels,
// demo-shipments.ts). FixPoint and UPS have demo users.
import type { CarrierCode } from '../contracts/carriers.js';
import type { PartnerKind } from '../contracts/masterdata.js';
import { systemContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createMasterRecord, PARTNERS } from '../masterdata/index.js';
import type { DemoWorld } from './demo-model.js';
import type { EntityKey } from './demo-companies.js';

interface DemoPartner {
  code: string;
  name: string;
  kind: PartnerKind;
  email: string;
  entity: EntityKey;
  carrierCodes: CarrierCode[];
}

const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    code: 'PTN-FIX',
    name: 'FixPoint Repair Services',
    kind: 'repair',
    email: 'workshop@fixpoint.example',
    entity: 'US',
    carrierCodes: [],
  },
  {
    code: 'PTN-MTR',
    name: 'Midlands Tool Repair',
    kind: 'repair',
    email: 'repairs@midlandstool.example',
    entity: 'UK',
    carrierCodes: [],
  },
  {
    code: 'CAR-UPS',
    name: 'UPS Returns Desk',
    kind: 'carrier',
    email: 'returns@ups.example',
    entity: 'US',
    carrierCodes: ['ups'],
  },
  {
    code: 'CAR-DHL',
    name: 'DHL Parcel Returns',
    kind: 'carrier',
    email: 'returns@dhl.example',
    entity: 'EU',
    carrierCodes: ['dhl'],
  },
];

/** The partners' ids by code. */
export async function createDemoPartners(platform: Platform, world: DemoWorld): Promise<Map<string, string>> {
  const ctx = systemContext('demo-data');
  const ids = new Map<string, string>();
  for (const { entity: entityKey, ...partner } of DEMO_PARTNERS) {
    const entity = world.entities.find((candidate) => candidate.key === entityKey);
    if (!entity) continue;
    const created = await createMasterRecord(platform, ctx, PARTNERS, {
      ...partner,
      legalEntityId: entity.id,
      isActive: true,
    });
    ids.set(partner.code, created.id);
  }
  return ids;
}
