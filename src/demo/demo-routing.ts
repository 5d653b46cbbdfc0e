// The demo distributor's routing rules: its US customers send returns to the nearest of four US
// sites by zone (the entities abroad have one receiving site each, which the rules find without a
// zone). Memphis, the repair centre, takes a limited number of open returns.
import { systemContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { DEFAULT_RETURN_ROUTING, findCurrentConfig, publishConfig } from '../configuration/index.js';
import type { ReturnRouting } from '../contracts/configuration.js';

// prettier-ignore
const DEMO_ROUTING: ReturnRouting = {
  zones: [
    { name: 'US West', regions: ['WA', 'OR', 'CA', 'NV', 'AZ', 'UT', 'ID', 'MT', 'WY', 'CO', 'NM', 'AK', 'HI'], sites: ['US-RNO', 'US-DAL', 'US-CMH'] },
    { name: 'US South', regions: ['TX', 'OK', 'AR', 'LA', 'MS', 'AL', 'GA', 'FL', 'SC', 'NC', 'TN', 'KY'], sites: ['US-DAL', 'US-MEM', 'US-CMH'] },
    { name: 'US Midwest and East', regions: ['OH', 'MI', 'IN', 'IL', 'WI', 'MN', 'IA', 'MO', 'PA', 'NY', 'NJ', 'MA', 'CT', 'VA', 'MD'], sites: ['US-CMH', 'US-MEM', 'US-DAL'] },
  ],
  certifications: DEFAULT_RETURN_ROUTING.certifications,
  siteCapacities: [{ siteCode: 'US-MEM', maxOpenUnits: 400 }],
};

export async function publishDemoRouting(platform: Platform): Promise<void> {
  const current = await findCurrentConfig(platform.db, 'return_routing');
  await publishConfig(platform, systemContext('demo-data'), {
    kind: 'return_routing',
    document: DEMO_ROUTING,
    comment: 'Demo distributor: US zones, Memphis capacity',
    expectedVersion: current.version,
  });
}
