// Which subscriptions want an event: an exact type, or '*' for all of them — and only events that
// happened since the subscription was made (both times from the business clock), so a new
// subscriber is not sent the backlog of history that was committed before it existed.
export const ALL_EVENTS = '*';

export function wantsEvent(eventTypes: readonly string[], eventType: string): boolean {
  return eventTypes.includes(ALL_EVENTS) || eventTypes.includes(eventType);
}

export function subscribersOf<S extends { eventTypes: readonly string[]; createdAt: string }>(
  subscriptions: readonly S[],
  event: { type: string; occurredAt: string },
): S[] {
  return subscriptions.filter((s) => wantsEvent(s.eventTypes, event.type) && event.occurredAt >= s.createdAt);
}
