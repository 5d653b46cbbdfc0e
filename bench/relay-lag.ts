// `relay-lag`: events per second through the outbox relay to NATS JetStream, and the delay from a
// transaction's commit to the broker's acknowledgement of its event (p50/p99). Writers commit
// transactions of one event each as fast as they can for the phase, the relay runs beside them;
// the baseline is the writers' own commit rate in the same run (what the relay has to keep up with).
// NATS_URL (default nats://127.0.0.1:4222, the machine's service); without a broker the relay runs
// to the in-process bus, and the scenario says so in its name.
import { randomBytes } from 'node:crypto';
import { systemContext } from '../src/platform/actor.js';
import { runInTransaction, type Platform } from '../src/platform/unit-of-work.js';
import { outboxBacklog, startOutboxRelay } from '../src/platform/outbox/relay.js';
import { InProcessEventBus, type EventTransport } from '../src/platform/outbox/transport.js';
import { connectJetStream } from '../src/platform/outbox/jetstream-transport.js';
import { percentile } from './stats.js';
import type { ScenarioResult } from './results.js';

export async function benchRelayLag(
  platform: Platform,
  database: ScenarioResult['database'],
  options: { writers: number; phaseMs: number },
): Promise<{ result: ScenarioResult; line: string }> {
  const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const tag = randomBytes(4).toString('hex');
  let transport: EventTransport;
  try {
    transport = await connectJetStream(url, { stream: `BENCH_${tag}`, subjectPrefix: `bench${tag}.events` });
  } catch {
    transport = new InProcessEventBus();
  }
  // Drain what the earlier scenarios wrote first, so the measure is of this phase's events only.
  const drained = startOutboxRelay(platform.db, transport, { holder: `bench-drain-${tag}`, pollMs: 10 });
  while ((await outboxBacklog(platform.db)).waiting > 0) await new Promise((r) => setTimeout(r, 50));
  await drained.stop();

  // The relay is nudged by the commit and may publish before the writer's await returns: whichever
  // of the two times is known second completes the pair.
  const committedAt = new Map<string, number>();
  const publishedAt = new Map<string, number>();
  const delays: number[] = [];
  let lastPublished = 0;
  const pair = (key: string) => {
    const committed = committedAt.get(key);
    const published = publishedAt.get(key);
    if (committed !== undefined && published !== undefined) delays.push(Math.max(0, published - committed));
  };
  const relay = startOutboxRelay(platform.db, transport, {
    holder: `bench-${tag}`,
    pollMs: 10,
    onPublished: (event) => {
      lastPublished = Date.now();
      const key = `${event.aggregateId}:${String(event.payload.n)}`;
      publishedAt.set(key, lastPublished);
      pair(key);
    },
  });
  platform.outboxRelay = relay;
  const started = Date.now();
  let committed = 0;
  const writer = async (w: number) => {
    for (let n = 0; Date.now() - started < options.phaseMs; n++) {
      const aggregateId = `bench-${tag}-${w}`;
      await runInTransaction(platform, systemContext('bench'), (tx) => {
        tx.emit({ type: 'bench.tick', aggregateType: 'bench', aggregateId, payload: { n } });
        return Promise.resolve();
      });
      committedAt.set(`${aggregateId}:${n}`, Date.now());
      pair(`${aggregateId}:${n}`);
      committed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  const commitSeconds = (Date.now() - started) / 1000;
  while ((await outboxBacklog(platform.db)).waiting > 0) await new Promise((r) => setTimeout(r, 20));
  await relay.stop();
  platform.outboxRelay = undefined;
  await transport.close();
  const relaySeconds = (lastPublished - started) / 1000;
  const sorted = [...delays].sort((a, b) => a - b);
  const name = transport.name === 'jetstream' ? 'relay-lag' : 'relay-lag (in-process: no NATS reachable)';
  const result: ScenarioResult = {
    name,
    database,
    perSecond: Number((delays.length / relaySeconds).toFixed(1)),
    p50Ms: Number(percentile(sorted, 50).toFixed(2)),
    p99Ms: Number(percentile(sorted, 99).toFixed(2)),
    baselinePerSecond: Number((committed / commitSeconds).toFixed(1)),
  };
  const line =
    `${name}: ${delays.length} events through the relay to ${transport.name} at ${result.perSecond}/s while ` +
    `${options.writers} writers committed ${result.baselinePerSecond}/s; commit → broker ack p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`;
  return { result, line };
}
