// Dock doors and slots at the demo's receiving sites, so the dock schedule has something to book
// from the first start: two doors per site, hourly slots 07:00–17:00 UTC, Monday to Saturday, from
// yesterday for two weeks, two trucks per slot.
import { systemContext } from '../platform/actor.js';
import { addDays } from '../platform/calendar.js';
import type { Platform } from '../platform/unit-of-work.js';
import { createDockDoor, generateDockSlots } from '../logistics/index.js';
import type { DemoWorld } from './demo-model.js';

export async function createDemoDocks(platform: Platform, world: DemoWorld, today: string): Promise<number> {
  const ctx = systemContext('demo-data');
  let slots = 0;
  for (const site of world.sites.filter((candidate) => candidate.capabilities.includes('receiving'))) {
    for (const code of ['D1', 'D2']) {
      const door = await createDockDoor(platform, ctx, site.id, { code, name: `Returns door ${code.slice(1)}` });
      const generated = await generateDockSlots(platform, ctx, door.id, {
        from: addDays(today, -1),
        to: addDays(today, 13),
        startTime: '07:00',
        endTime: '17:00',
        everyMinutes: 60,
        capacity: 2,
        weekdays: [1, 2, 3, 4, 5, 6],
      });
      slots += generated.created;
    }
  }
  return slots;
}
