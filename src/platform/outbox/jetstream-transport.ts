// The production transport: NATS JetStream. One subject per event type under `boomerang.events.`,
// all captured by one stream; the event id is the message id, so JetStream drops a retried
// publish within the stream's duplicate window (the relay marks events published after the
// broker's acknowledgement, and a relay that died in between publishes them again).
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { EventTransport, RelayedEvent } from './transport.js';

export const EVENT_SUBJECT_PREFIX = 'boomerang.events';
export const DEFAULT_STREAM = 'BOOMERANG_EVENTS';
/** Longer than any relay outage we retry through without a restart's worth of doubt. */
const DUPLICATE_WINDOW_MS = 15 * 60 * 1000;

export const subjectOf = (eventType: string, prefix = EVENT_SUBJECT_PREFIX): string =>
  `${prefix}.${eventType.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

export async function connectJetStream(
  url: string,
  options: { stream?: string; subjectPrefix?: string } = {},
): Promise<EventTransport & { connection: NatsConnection }> {
  const stream = options.stream ?? DEFAULT_STREAM;
  const prefix = options.subjectPrefix ?? EVENT_SUBJECT_PREFIX;
  // Reconnects for ever: while NATS is away the relay's publishes fail, the outbox grows, and
  // everything goes out when it is back.
  const connection = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
  const manager = await jetstreamManager(connection);
  const config = { name: stream, subjects: [`${prefix}.>`], duplicate_window: nanos(DUPLICATE_WINDOW_MS) };
  try {
    await manager.streams.info(stream);
    await manager.streams.update(stream, { subjects: config.subjects, duplicate_window: config.duplicate_window });
  } catch {
    await manager.streams.add(config);
  }
  const js: JetStreamClient = jetstream(connection, { timeout: 5_000 });
  return {
    name: 'jetstream',
    connection,
    async publish(event: RelayedEvent) {
      const meta = headers();
      meta.set('Boomerang-Event-Type', event.type);
      meta.set('Boomerang-Aggregate', `${event.aggregateType}/${event.aggregateId}`);
      meta.set('Boomerang-Occurred-At', event.occurredAt);
      await js.publish(subjectOf(event.type, prefix), JSON.stringify(event), {
        msgID: event.id,
        headers: meta,
        expect: { streamName: stream },
      });
    },
    close: () => connection.drain(),
  };
}
