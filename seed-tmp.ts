import { startPlatform } from './src/server/platform.js';
import { seedKpiWorld } from './bench/kpi-seed.js';
const platform = await startPlatform({ databaseUrl: process.argv[2]! });
await seedKpiWorld(platform, { returns: Number(process.argv[3]), customers: 2000, products: 1500, suppliers: 40 }, console.log);
await platform.close();
