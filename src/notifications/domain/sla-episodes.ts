// A breach episode: the time a queue has work past its SLA, from the first overdue item until the
// queue is back within it. Staff get one digest when an episode starts — not one per check, which
// would bury the alert — and the next only after the queue recovered and breached again.
export interface QueueBreaches {
  scopeId: string;
  breached: number;
}

export interface EpisodeChanges {
  /** Queues that breached and had no open episode: open one and send its digest. */
  start: QueueBreaches[];
  /** Open episodes whose queue is within its SLA again: closed (nothing is sent). */
  end: string[];
}

export function episodeChanges(openScopes: ReadonlySet<string>, now: readonly QueueBreaches[]): EpisodeChanges {
  const breachedNow = now.filter((q) => q.breached > 0);
  const breachedScopes = new Set(breachedNow.map((q) => q.scopeId));
  return {
    start: breachedNow.filter((q) => !openScopes.has(q.scopeId)),
    end: [...openScopes].filter((scope) => !breachedScopes.has(scope)),
  };
}
