// The sealer chains committed audit events into the hash chain, in the order it finds them. One
// sealer at a time: its transaction starts by updating the chain head, which takes the head's row
// lock on PostgreSQL (other processes' sealers wait their turn) and the write lock on SQLite.
// Writers never touch the head, so the chain no longer serialises the write path.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { chainEvents } from './audit-chain.js';
import { toChainedContent } from './audit-log.js';

const BATCH = 500;

/** Seals every event committed so far; returns how many it sealed. */
export async function sealAuditLog(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sealBatch(db);
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

async function sealBatch(db: Kysely<DB>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const head = await trx
      .updateTable('audit_chain_head')
      .set((eb) => ({ seq: eb.ref('seq') }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    const rows = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where('chain_seq', 'is', null)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return 0;
    const chained = chainEvents({ seq: Number(head.seq), hash: head.hash }, rows.map(toChainedContent));
    // One statement per batch: UPDATE … FROM (VALUES …) runs on both SQLite (3.33+) and PostgreSQL.
    const values = sql.join(
      chained.sealed.map((e) => sql`(${e.id}, ${e.seq}, ${e.prevHash}, ${e.hash})`),
      sql`, `,
    );
    await sql`
      update audit_log set
        chain_seq = cast(v.column2 as bigint),
        prev_hash = v.column3,
        hash = v.column4
      from (values ${values}) as v
      where audit_log.id = v.column1`.execute(trx);
    await trx
      .updateTable('audit_chain_head')
      .set({ seq: chained.head.seq, hash: chained.head.hash })
      .where('id', '=', 1)
      .execute();
    return rows.length;
  });
}

export interface AuditSealer {
  /** Asks for a seal run soon (after a commit that wrote audit events). */
  nudge(): void;
  /** Resolves when every event committed before the call is sealed. */
  sealNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the sealer shortly after commits that wrote audit events (nudge), and on a slow timer that
 * picks up events written by other processes (CLI imports, other API servers). Nudges within the
 * delay coalesce into one run, so under load one seal transaction chains many requests' events;
 * runs never overlap within a process.
 */
export function startAuditSealer(
  db: Kysely<DB>,
  options: { delayMs?: number; intervalMs?: number; onError?: (error: unknown) => void } = {},
): AuditSealer {
  const delayMs = options.delayMs ?? 100;
  let loop: Promise<void> | null = null;
  let isDirty = false;
  let isStopped = false;
  const onError = options.onError ?? ((error: unknown) => console.error('audit sealer failed', error));

  const drain = async (wait: number) => {
    await new Promise((resolve) => setTimeout(resolve, wait));
    while (isDirty && !isStopped) {
      isDirty = false;
      await sealAuditLog(db).catch(onError);
    }
  };
  const start = (wait: number) => {
    isDirty = true;
    loop ??= drain(wait).finally(() => {
      loop = null;
      if (isDirty && !isStopped) start(delayMs);
    });
  };
  const timer = setInterval(() => start(0), options.intervalMs ?? 1000);
  timer.unref();
  return {
    nudge: () => start(delayMs),
    sealNow: async () => {
      start(0);
      while (loop) await loop;
    },
    stop: async () => {
      isStopped = true;
      clearInterval(timer);
      while (loop) await loop;
    },
  };
}
