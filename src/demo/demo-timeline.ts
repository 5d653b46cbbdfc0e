// The later stages' calendar: steps run in the order of their moments, and a step may plan the
// steps that follow from it (a receipt plans the inspections of the units it queued, an inspection
// its disposition). Nothing is planned at or after the demo's now, so what is still due is left as
// it would stand today: in the queue, awaiting sign-off or disposition, or with the repairer.
import { addDays } from '../platform/calendar.js';
import type { Random } from './random.js';

export interface Timeline {
  /** Plans `run` at `moment`; a moment not before the limit is not planned (returns false). */
  plan(moment: string, run: () => Promise<void>): boolean;
  /** Runs every planned step in time order (ties in the order planned), including those they plan. */
  run(): Promise<void>;
}

export function createTimeline(limit: string): Timeline {
  const steps: Array<{ at: string; seq: number; run: () => Promise<void> }> = [];
  let seq = 0;
  return {
    plan(moment, run) {
      if (moment >= limit) return false;
      steps.push({ at: moment, seq: (seq += 1), run });
      return true;
    },
    async run() {
      while (steps.length > 0) {
        let next = 0;
        for (let i = 1; i < steps.length; i += 1) {
          const a = steps[i]!;
          const b = steps[next]!;
          if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = i;
        }
        const [step] = steps.splice(next, 1);
        await step!.run();
      }
    },
  };
}

/**
 * A moment `hours` (and some minutes) after `from`, moved into the working day (07:00–18:00 UTC):
 * work planned for the night is done the next morning.
 */
export function workingHoursAfter(random: Random, from: string, hours: number): string {
  const moment = new Date(Date.parse(from) + hours * 3_600_000 + random.int(0, 59) * 60_000);
  const hour = moment.getUTCHours();
  if (hour >= 7 && hour < 18) return moment.toISOString();
  const day = hour < 7 ? moment.toISOString().slice(0, 10) : addDays(moment.toISOString().slice(0, 10), 1);
  const minutes = random.int(0, 119);
  return `${day}T${String(7 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
}

export function minutesAfter(moment: string, minutes: number): string {
  return new Date(Date.parse(moment) + minutes * 60_000).toISOString();
}
