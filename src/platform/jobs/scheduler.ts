// Scheduled work across server processes: every process ticks, and each due job runs in the one
// process that takes its lease (leases.ts) — exactly once per due time however many processes
// race. A process that dies mid-run leaves its lease to run out; the next tick elsewhere takes it
// over and runs the job again (jobs are written to be safe to re-run: each of their changes is a
// versioned update or an idempotent delete).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { releaseLease, takeLease, type LeaseTerms } from './leases.js';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Longer than a run can take: past it, the job counts as abandoned and another process runs it. */
  leaseMs: number;
  run(): Promise<unknown>;
}

export interface JobRun {
  name: string;
  holder: string;
  error: string | null;
}

/** Who this process is in the leases table: readable in the table, unique per start. */
export const processHolder = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A failed run is tried again after this, or its period if that is sooner. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/** Runs each job that is due and whose lease this process takes; the runs it made. */
export async function runDueJobs(db: Kysely<DB>, jobs: readonly ScheduledJob[], holder: string): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  for (const job of jobs) {
    const terms: LeaseTerms = { name: job.name, holder, leaseMs: job.leaseMs, onlyWhenDue: true };
    const startedMs = Date.now();
    if (!(await takeLease(db, terms, startedMs))) continue;
    let error: string | null = null;
    try {
      await job.run();
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const nextRunAtMs = startedMs + (error ? Math.min(job.everyMs, RETRY_AFTER_FAILURE_MS) : job.everyMs);
    await releaseLease(db, terms, { nextRunAtMs, error });
    runs.push({ name: job.name, holder, error });
  }
  return runs;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Ticks every `tickMs` (and once at start) until stopped; a tick in progress is waited for. */
export function startScheduler(
  db: Kysely<DB>,
  jobs: readonly ScheduledJob[],
  options: { holder?: string; tickMs?: number; onRun?: (run: JobRun) => void; onError?: (error: unknown) => void },
): Scheduler {
  const holder = options.holder ?? processHolder();
  let current: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    // One tick at a time: a long run must not be joined by the next tick of the same holder.
    if (stopped || current) return;
    current = runDueJobs(db, jobs, holder)
      .then((runs) => runs.forEach((run) => options.onRun?.(run)))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        current = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.tickMs ?? 30_000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
