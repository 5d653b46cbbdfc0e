import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTrackingEvents,
  compareProgress,
  isFinalState,
  NO_TRACKING_YET,
  type ShipmentTracking,
} from './shipment-state.js';
import { SHIPMENT_STATES, type TrackingEvent } from './tracking-event.js';

// Few distinct instants, so that equal times (the hard case for ordering) are common.
const instantArb = fc.integer({ min: 0, max: 12 }).map((hour) => new Date(Date.UTC(2024, 7, 1, hour)).toISOString());

const eventsArb: fc.Arbitrary<TrackingEvent[]> = fc
  .uniqueArray(
    fc.record({
      eventId: fc.string({ minLength: 1, maxLength: 6 }),
      status: fc.constantFrom(...SHIPMENT_STATES),
      occurredAt: instantArb,
    }),
    { selector: (e) => e.eventId, maxLength: 12 },
  )
  .map((events) => events.map((e) => ({ ...e, carrier: 'dhl', trackingNumber: 'JD0146', carrierStatus: e.status })));

/** The same events in any order, some of them delivered more than once, in several batches. */
const deliveriesArb = eventsArb.chain((events) => {
  if (events.length === 0) return fc.constant({ events, batches: [] as TrackingEvent[][] });
  const duplicated = fc
    .array(fc.nat({ max: events.length - 1 }), { maxLength: events.length })
    .map((repeats) => [...events, ...repeats.map((i) => events[i]!)]);
  return duplicated.chain((all) =>
    fc
      .tuple(
        fc.shuffledSubarray(all, { minLength: all.length }),
        fc.array(fc.nat({ max: all.length }), { maxLength: 3 }),
      )
      .map(([order, cuts]) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), order.length];
        return { events, batches: bounds.slice(1).map((end, i) => order.slice(bounds[i], end)) };
      }),
  );
});

function inTimeOrder(events: readonly TrackingEvent[]): ShipmentTracking {
  const sorted = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  return applyTrackingEvents(NO_TRACKING_YET, sorted).tracking;
}

describe('applying tracking events (property)', () => {
  it('any order, duplication and batching of the same events ends where time order ends', () => {
    fc.assert(
      fc.property(deliveriesArb, ({ events, batches }) => {
        let tracking = NO_TRACKING_YET;
        for (const batch of batches) tracking = applyTrackingEvents(tracking, batch).tracking;
        const expected = inTimeOrder(events);
        expect({ state: tracking.state, lastEventAt: tracking.lastEventAt }).toEqual({
          state: expected.state,
          lastEventAt: expected.lastEventAt,
        });
        expect(new Set(tracking.seenEventIds)).toEqual(new Set(events.map((e) => e.eventId)));
        expect(tracking.seenEventIds).toHaveLength(events.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never moves backwards, and never leaves a final state for an earlier stage', () => {
    fc.assert(
      fc.property(deliveriesArb, ({ batches }) => {
        let tracking = NO_TRACKING_YET;
        for (const event of batches.flat()) {
          const next = applyTrackingEvents(tracking, [event]).tracking;
          expect(compareProgress(next, tracking)).toBeGreaterThanOrEqual(0);
          if (isFinalState(tracking.state)) expect(isFinalState(next.state)).toBe(true);
          if (next.state !== tracking.state) expect(next.state).toBe(event.status);
          tracking = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a replay of everything already applied changes nothing', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const first = applyTrackingEvents(NO_TRACKING_YET, events);
        const replay = applyTrackingEvents(first.tracking, [...events].reverse());
        expect(replay.tracking).toEqual(first.tracking);
        expect(replay.applied).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
