// A shipment's tracking state from its events: replays change nothing, and the result does not
// depend on the order the events arrive in (webhooks are retried, delayed and reordered).
import type { ShipmentState, TrackingEvent } from './tracking-event.js';

/** What we keep about one shipment's tracking. */
export interface ShipmentTracking {
  readonly state: ShipmentState;
  /** When the event that decided `state` happened (ISO 8601); null before any event. */
  readonly lastEventAt: string | null;
  /** Every event id seen so far, applied or not, so a replay is recognised. */
  readonly seenEventIds: readonly string[];
}

export const NO_TRACKING_YET: ShipmentTracking = { state: 'unknown', lastEventAt: null, seenEventIds: [] };

export type IgnoredBecause =
  /** The same event id came before: a replay, a retry, or the same scan in a later delivery. */
  | 'already_seen'
  /** The provider's status says nothing about where the parcel is. */
  | 'status_unknown'
  /** The parcel is delivered or back with its sender; a scan of an earlier stage changes nothing. */
  | 'after_final_state'
  /** An earlier stage than the current one, e.g. "label created" once the parcel is moving. */
  | 'earlier_stage'
  /** The current stage, but not newer than the event that decided the state. */
  | 'not_newer';

export interface TrackingUpdate {
  readonly tracking: ShipmentTracking;
  /** Events that moved the state (or its time) forward, in the order they were applied. */
  readonly applied: readonly TrackingEvent[];
  readonly ignored: ReadonlyArray<{ readonly event: TrackingEvent; readonly because: IgnoredBecause }>;
}

/**
 * How far a parcel has come. Within the moving stage the latest event decides, so an exception is
 * left when a newer scan shows the parcel moving again and out_for_delivery is left for a newer
 * failed attempt. A later stage wins even when its event is older: a delivery scan that arrives
 * late (or is stamped early, as in EasyPost's own tracking-webhook sample) still means delivered.
 * Returned to sender outranks delivered because carriers scan "delivered" again when the parcel
 * reaches its sender; the business fact is that it never reached us.
 */
const STAGE: Record<ShipmentState, number> = {
  unknown: 0,
  pre_transit: 1,
  in_transit: 2,
  out_for_delivery: 2,
  exception: 2,
  delivered: 3,
  returned_to_sender: 4,
};
const FINAL_STAGE = STAGE.delivered;

/** Two moving-stage scans at the same instant: the one a person must act on, then the further one. */
const SAME_INSTANT_RANK: Record<ShipmentState, number> = {
  unknown: 0,
  pre_transit: 0,
  in_transit: 0,
  out_for_delivery: 1,
  exception: 2,
  delivered: 0,
  returned_to_sender: 0,
};

type Position = Pick<ShipmentTracking, 'state' | 'lastEventAt'>;

/**
 * Orders tracking positions: stage, then time, then the same-instant rank. A total order on
 * what is stored, so taking the greatest is the same whatever order the events come in.
 */
export function compareProgress(a: Position, b: Position): number {
  return (
    STAGE[a.state] - STAGE[b.state] ||
    timeOf(a.lastEventAt) - timeOf(b.lastEventAt) ||
    SAME_INSTANT_RANK[a.state] - SAME_INSTANT_RANK[b.state]
  );
}

export function isFinalState(state: ShipmentState): boolean {
  return STAGE[state] >= FINAL_STAGE;
}

/**
 * Applies one shipment's events (in any order, duplicates allowed) to what was known. Pure: the
 * caller stores the returned tracking, and can log `ignored` with its reasons.
 */
export function applyTrackingEvents(current: ShipmentTracking, events: readonly TrackingEvent[]): TrackingUpdate {
  const seen = new Set(current.seenEventIds);
  const seenEventIds = [...current.seenEventIds];
  let position: Position = { state: current.state, lastEventAt: current.lastEventAt };
  const applied: TrackingEvent[] = [];
  const ignored: Array<{ event: TrackingEvent; because: IgnoredBecause }> = [];

  for (const event of events) {
    if (seen.has(event.eventId)) {
      ignored.push({ event, because: 'already_seen' });
      continue;
    }
    seen.add(event.eventId);
    seenEventIds.push(event.eventId);
    const candidate: Position = { state: event.status, lastEventAt: event.occurredAt };
    if (event.status === 'unknown') ignored.push({ event, because: 'status_unknown' });
    else if (compareProgress(candidate, position) > 0) {
      position = candidate;
      applied.push(event);
    } else ignored.push({ event, because: whyNotApplied(candidate, position) });
  }
  return { tracking: { ...position, seenEventIds }, applied, ignored };
}

function whyNotApplied(candidate: Position, current: Position): IgnoredBecause {
  if (STAGE[candidate.state] >= STAGE[current.state]) return 'not_newer';
  return isFinalState(current.state) ? 'after_final_state' : 'earlier_stage';
}

function timeOf(iso: string | null): number {
  return iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso);
}
