// A year of returns in every state the system can reach today. Plans every step first (reserving
// quantities and serials), then runs all steps in time order, so RMA numbers and the audit trail
// follow the calendar. Finally runs the expiry job with the real clock, as the server does hourly.
import { findCurrentConfig } from '../configuration/index.js';
import { systemContext } from '../platform/actor.js';
import { fixedClock } from '../platform/clock.js';
import type { Platform } from '../platform/unit-of-work.js';
import { expireDueAuthorizations } from '../returns/index.js';
import { loadReturnFacts } from '../workflows/index.js';
import type { Random } from './random.js';
import type { DemoOrderLine, DemoWorld } from './demo-model.js';
import type { DemoActors } from './demo-users.js';
import { createReturnPool } from './return-pool.js';
import { planUseCaseReturns, type PlanContext } from './plan-returns.js';

export async function generateReturns(
  platform: Platform,
  world: DemoWorld,
  orderLines: DemoOrderLine[],
  actors: DemoActors,
  random: Random,
): Promise<void> {
  const [policy, rules] = await Promise.all([
    findCurrentConfig(platform.db, 'return_policy'),
    findCurrentConfig(platform.db, 'approval_rules'),
  ]);
  const now = platform.clock.now().toISOString();
  const plan: PlanContext = {
    random,
    pool: createReturnPool(random, orderLines, now.slice(0, 10), policy.document),
    world,
    actors,
    policy: policy.document,
    policyVersion: policy.version,
    rules: rules.document,
    rulesVersion: rules.version,
    now,
    at: (moment) => ({ ...platform, clock: fixedClock(moment) }),
  };
  const steps = await planUseCaseReturns(plan);
  // Stable: a step planned after another at the same moment (approve after create) runs after it.
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.at.localeCompare(b.step.at) || a.index - b.index);
  for (const { step } of ordered) await step.run();
  await expireDueAuthorizations(platform, systemContext('expiry-job'), loadReturnFacts);
}
