// A background loop that runs in whichever one process holds its lease: take (or renew) the
// lease, run a pass, sleep, again. A holder that dies leaves the lease to run out and another
// process takes over; stop() wakes the sleep, waits for the pass in progress and gives the lease up.
// The webhook and notification workers are two of these.
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { releaseLease, renewLease, takeLease, type LeaseTerms } from './leases.js';
import { wakeableSleep } from './wakeable-sleep.js';

export interface LeasedLoop {
  stop(): Promise<void>;
}

export function startLeasedLoop<T>(
  db: Kysely<DB>,
  terms: LeaseTerms,
  pass: (isRunning: () => boolean) => Promise<T>,
  options: { pollMs: number; onPass?: (result: T) => void; onError?: (error: unknown) => void },
): LeasedLoop {
  let stopped = false;
  const isRunning = () => !stopped;
  const pause = wakeableSleep();
  const loop = async () => {
    let holding = false;
    while (!stopped) {
      try {
        holding = holding ? await renewLease(db, terms) : await takeLease(db, terms);
        if (holding) {
          // Not inside `onPass?.(…)`: with no listener, optional chaining would skip the pass itself.
          const result = await pass(isRunning);
          options.onPass?.(result);
        }
      } catch (error) {
        holding = false;
        options.onError?.(error);
      }
      // Someone else holds it: look again less often.
      if (!stopped) await pause.sleep(holding ? options.pollMs : Math.max(options.pollMs, 5_000));
    }
    if (holding) await releaseLease(db, terms, { nextRunAtMs: null, error: null }).catch(() => undefined);
  };
  const running = loop();
  return {
    stop: async () => {
      stopped = true;
      pause.wake();
      await running;
    },
  };
}
