// Leases on scheduled work: one row per job, taken by a single conditional UPDATE — atomic on
// SQLite and on PostgreSQL (a racing update waits for the first and re-checks the condition, so
// exactly one process wins). Lease times are the machine's real time, not the business clock
// (tests move that one by weeks; a lease is about living processes).
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';

export interface LeaseTerms {
  name: string;
  /** This process (and run): only the holder may renew or release. */
  holder: string;
  leaseMs: number;
  /** Only when the job is due (next_run_at passed); false for work that is always due (the relay). */
  onlyWhenDue: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Takes the job's lease if nobody holds it (or the holder's lease ran out, whoever held it), and it is due. */
export async function takeLease(db: Kysely<DB>, terms: LeaseTerms, nowMs = Date.now()): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name: terms.name, holder: null, lease_until: null, next_run_at: null, runs: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const now = iso(nowMs);
  let update = db
    .updateTable('job_leases')
    .set({ holder: terms.holder, lease_until: iso(nowMs + terms.leaseMs), last_started_at: now })
    .where('name', '=', terms.name)
    // Not "or held by me": two runs of the same process must not both pass (renewLease extends).
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]));
  if (terms.onlyWhenDue)
    update = update.where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', now)]));
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Extends a lease still held; false when it was lost (ran out and another process took it). */
export async function renewLease(db: Kysely<DB>, terms: LeaseTerms, nowMs = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable('job_leases')
    .set({ lease_until: iso(nowMs + terms.leaseMs) })
    .where('name', '=', terms.name)
    .where('holder', '=', terms.holder)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Gives the lease up after a run: the job is next due at `nextRunAtMs` (null: at once). */
export async function releaseLease(
  db: Kysely<DB>,
  terms: LeaseTerms,
  outcome: { nextRunAtMs: number | null; error: string | null },
  nowMs = Date.now(),
): Promise<void> {
  await db
    .updateTable('job_leases')
    .set((eb) => ({
      holder: null,
      lease_until: null,
      next_run_at: outcome.nextRunAtMs === null ? null : iso(outcome.nextRunAtMs),
      runs: eb('runs', '+', 1),
      last_finished_at: iso(nowMs),
      last_error: outcome.error,
    }))
    .where('name', '=', terms.name)
    .where('holder', '=', terms.holder)
    .execute();
}
