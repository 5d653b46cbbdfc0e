// Past one process, the parts that need no second process to prove: scheduled work taken by lease
// (two holders racing run a job once; a dead holder's lease runs out and another takes over), and
// the outbox relay — every committed event delivered once, oldest first, each aggregate in order,
// through the in-process bus and through NATS JetStream (the broker drops a retried publish by
// event id; with the broker killed, writes go on, the backlog grows and goes out when it is back).
// On both databases.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { startPlatform, type RunningPlatform } from '../../src/server/platform.js';
import { systemContext } from '../../src/platform/actor.js';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { runDueJobs, type ScheduledJob } from '../../src/platform/jobs/scheduler.js';
import { takeLease } from '../../src/platform/jobs/leases.js';
import { outboxBacklog, relayBatch, startOutboxRelay } from '../../src/platform/outbox/relay.js';
import { InProcessEventBus, type RelayedEvent } from '../../src/platform/outbox/transport.js';
import { connectJetStream } from '../../src/platform/outbox/jetstream-transport.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { hasNatsServer, startNatsServer } from '../support/nats-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Each aggregate in order, the aggregates side by side: `steps` transactions per aggregate. */
function expectEachAggregateInOrder(events: readonly RelayedEvent[], aggregates: readonly string[], steps: number) {
  for (const aggregate of aggregates) {
    const seen = events.filter((e) => e.aggregateId === aggregate).map((e) => e.payload.step);
    expect(seen, aggregate).toEqual(Array.from({ length: steps }, (_, i) => i));
  }
}

describe.each(DIALECTS)('scheduled work and the outbox relay on %s', (dialect) => {
  let database: TestDatabase;
  let platform: RunningPlatform;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    platform = await startPlatform({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await platform.close();
    await database.drop();
  });

  const unique = () => randomBytes(4).toString('hex');

  /** Real transactions of the write path, each emitting one event of its aggregate. */
  async function commitEvents(aggregates: readonly string[], steps: number) {
    for (let step = 0; step < steps; step++)
      await Promise.all(
        aggregates.map((aggregateId) =>
          runInTransaction(platform, systemContext('test'), (tx) => {
            tx.emit({ type: 'test.step', aggregateType: 'test', aggregateId, payload: { step } });
            return Promise.resolve();
          }),
        ),
      );
  }

  const waiting = async () => (await outboxBacklog(platform.db)).waiting;

  it('two processes racing for every job run each once per due time; a dead holder’s job is taken over', async () => {
    const name = `job-${unique()}`;
    let runs = 0;
    const job: ScheduledJob = {
      name,
      everyMs: 60 * 60 * 1000,
      leaseMs: 60_000,
      run: async () => {
        runs += 1;
        await sleep(20);
      },
    };
    const rounds = await Promise.all(
      Array.from({ length: 8 }, (_, i) => runDueJobs(platform.db, [job], i % 2 === 0 ? 'process-a' : 'process-b')),
    );
    expect(runs).toBe(1);
    expect(rounds.flat()).toHaveLength(1);
    // Not due again within the hour, whoever asks.
    expect(await runDueJobs(platform.db, [job], 'process-c')).toEqual([]);
    expect(runs).toBe(1);

    // A holder that took a job's lease and died: nobody runs it while the lease lasts, then another does.
    const orphan: ScheduledJob = { ...job, name: `orphan-${unique()}`, leaseMs: 300 };
    expect(await takeLease(platform.db, { name: orphan.name, holder: 'dead', leaseMs: 300, onlyWhenDue: true })).toBe(
      true,
    );
    expect(await runDueJobs(platform.db, [orphan], 'process-b')).toEqual([]);
    await sleep(400);
    expect(await runDueJobs(platform.db, [orphan], 'process-b')).toEqual([
      { name: orphan.name, holder: 'process-b', error: null },
    ]);
    const lease = await platform.db
      .selectFrom('job_leases')
      .selectAll()
      .where('name', '=', orphan.name)
      .executeTakeFirstOrThrow();
    expect(lease).toMatchObject({ holder: null, runs: 1, last_error: null });
  });

  it('relays every committed event once, each aggregate in order, through the in-process bus; a relay that died before marking delivers nothing twice', async () => {
    // Two processes' relays, each with its own bus: only the lease holder delivers.
    const buses = [new InProcessEventBus(), new InProcessEventBus()];
    const received: RelayedEvent[] = [];
    for (const bus of buses) bus.subscribe((event) => void received.push(event));
    const relays = buses.map((bus, i) => startOutboxRelay(platform.db, bus, { holder: `relay-${i}`, pollMs: 20 }));
    const aggregates = ['a', 'b', 'c', 'd'].map((x) => `${x}-${unique()}`);
    await commitEvents(aggregates, 15);
    await waitFor('the backlog to empty', async () => (await waiting()) === 0);
    await Promise.all(relays.map((relay) => relay.stop()));
    const ours = received.filter((e) => aggregates.includes(e.aggregateId));
    expect(ours).toHaveLength(60);
    expect(new Set(ours.map((e) => e.id)).size).toBe(60);
    expectEachAggregateInOrder(ours, aggregates, 15);

    // A relay published these and died before marking them: the next one publishes them again, and
    // the bus (as JetStream does) drops what it already delivered.
    const late = `late-${unique()}`;
    await commitEvents([late], 3);
    const rows = await platform.db.selectFrom('outbox_events').selectAll().where('aggregate_id', '=', late).execute();
    for (const row of rows)
      await buses[0]!.publish({
        id: row.id,
        type: row.event_type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        occurredAt: row.occurred_at,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
      });
    expect(await relayBatch(platform.db, buses[0]!)).toMatchObject({ published: 3, error: null });
    expect(received.filter((e) => e.aggregateId === late)).toHaveLength(3);
    expect(await waiting()).toBe(0);
  });

  it.skipIf(!hasNatsServer)(
    'to NATS JetStream: a subject per event type, the event id as message id — a retry is dropped by the broker; with the broker killed, writes go on and the backlog goes out when it is back',
    async () => {
      const nats = await startNatsServer();
      const stream = `T_${unique()}`;
      const prefix = `t${unique()}.events`;
      const transport = await connectJetStream(nats.url, { stream, subjectPrefix: prefix });
      const manager = await jetstreamManager(transport.connection);
      const relay = startOutboxRelay(platform.db, transport, { holder: `jetstream-${unique()}`, pollMs: 20 });
      const stored = async () => (await manager.streams.info(stream)).state.messages;
      const storedEvents = async () => {
        const events: Array<RelayedEvent & { subject: string }> = [];
        for (let seq = 1; seq <= (await stored()); seq++) {
          const message = await manager.streams.getMessage(stream, { seq });
          events.push({ ...message!.json<RelayedEvent>(), subject: message!.subject });
        }
        return events;
      };
      try {
        const aggregates = ['x', 'y', 'z'].map((x) => `${x}-${unique()}`);
        await commitEvents(aggregates, 10);
        await waitFor('the backlog to reach JetStream', async () => (await waiting()) === 0);
        expect(await stored()).toBe(30);
        const first = await storedEvents();
        expect(new Set(first.map((e) => e.subject))).toEqual(new Set([`${prefix}.test.step`]));
        expectEachAggregateInOrder(first, aggregates, 10);

        // The relay died after publishing, before marking: they go again, and the broker drops them.
        await platform.db
          .updateTable('outbox_events')
          .set({ published_at: null })
          .where('aggregate_id', 'in', aggregates)
          .execute();
        await waitFor('the republish', async () => (await waiting()) === 0);
        expect(await stored()).toBe(30);

        // The broker is killed: writes go on, the outbox grows; when it is back, all of it goes out once.
        await nats.kill();
        const during = `during-${unique()}`;
        await commitEvents([during], 8);
        await sleep(300);
        expect(await waiting()).toBeGreaterThan(0);
        await nats.start();
        await waitFor('the backlog to drain after the broker returned', async () => (await waiting()) === 0, 60_000);
        expect(await stored()).toBe(38);
        const all = await storedEvents();
        expect(new Set(all.map((e) => e.id)).size).toBe(38);
        expectEachAggregateInOrder(all, [...aggregates, during].slice(-1), 8);
      } finally {
        await relay.stop();
        await transport.close().catch(() => undefined);
        await nats.kill();
      }
    },
    120_000,
  );
});
