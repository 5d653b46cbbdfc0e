// Where the outbox relay delivers events: one port, two transports — NATS JetStream in production
// (jetstream-transport.ts), and without NATS_URL the in-process bus below. The relay's code path
// is the same for both; only the last hop differs.
export interface RelayedEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface EventTransport {
  readonly name: string;
  /** Resolves once the event is safely taken (JetStream: stored and acknowledged). */
  publish(event: RelayedEvent): Promise<void>;
  close(): Promise<void>;
}

export type EventHandler = (event: RelayedEvent) => Promise<void> | void;

/**
 * The embedded transport: subscribers in this process receive each event once — a retried
 * publish of an event already delivered (the relay died between publishing and marking it) is
 * dropped by its id, as JetStream drops it by message id.
 */
export class InProcessEventBus implements EventTransport {
  readonly name = 'in-process';
  private readonly handlers = new Set<EventHandler>();
  private readonly seen = new Set<string>();
  private static readonly REMEMBERED = 50_000;

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async publish(event: RelayedEvent): Promise<void> {
    if (this.seen.has(event.id)) return;
    for (const handler of this.handlers) await handler(event);
    this.seen.add(event.id);
    if (this.seen.size > InProcessEventBus.REMEMBERED) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  close(): Promise<void> {
    this.handlers.clear();
    return Promise.resolve();
  }
}
