import { describe, expect, it } from 'vitest';
import { applyTrackingEvents, NO_TRACKING_YET, type ShipmentTracking } from './shipment-state.js';
import type { ShipmentState, TrackingEvent } from './tracking-event.js';

function scan(eventId: string, status: ShipmentState, occurredAt: string): TrackingEvent {
  return { eventId, carrier: 'ups', trackingNumber: '1Z999AA10123456784', status, carrierStatus: status, occurredAt };
}

const pickedUp = scan('a', 'in_transit', '2024-08-01T10:00:00.000Z');
const outForDelivery = scan('b', 'out_for_delivery', '2024-08-02T07:00:00.000Z');
const delivered = scan('c', 'delivered', '2024-08-02T12:00:00.000Z');

function after(...events: TrackingEvent[]): ShipmentTracking {
  return applyTrackingEvents(NO_TRACKING_YET, events).tracking;
}

describe('applying tracking events to a shipment', () => {
  it('follows the events forward and remembers every id', () => {
    const update = applyTrackingEvents(NO_TRACKING_YET, [pickedUp, outForDelivery, delivered]);
    expect(update.tracking).toEqual({
      state: 'delivered',
      lastEventAt: delivered.occurredAt,
      seenEventIds: ['a', 'b', 'c'],
    });
    expect(update.applied).toEqual([pickedUp, outForDelivery, delivered]);
    expect(update.ignored).toEqual([]);
  });

  it('changes nothing when an event id is replayed, even with other content', () => {
    const current = after(pickedUp);
    const replay = applyTrackingEvents(current, [pickedUp, { ...pickedUp, status: 'delivered' }]);
    expect(replay.tracking).toEqual(current);
    expect(replay.ignored.map((i) => i.because)).toEqual(['already_seen', 'already_seen']);
  });

  it('never moves back for an older event arriving late', () => {
    const late = applyTrackingEvents(after(outForDelivery), [pickedUp]);
    expect(late.tracking).toMatchObject({ state: 'out_for_delivery', lastEventAt: outForDelivery.occurredAt });
    expect(late.ignored).toEqual([{ event: pickedUp, because: 'not_newer' }]);
    expect(late.tracking.seenEventIds).toContain('a');
  });

  it('does not leave delivered for an older, equal-time or even newer scan of an earlier stage', () => {
    for (const occurredAt of ['2024-08-02T11:00:00.000Z', delivered.occurredAt, '2024-08-03T00:00:00.000Z']) {
      const update = applyTrackingEvents(after(delivered), [scan(`x${occurredAt}`, 'in_transit', occurredAt)]);
      expect(update.tracking.state).toBe('delivered');
      expect(update.ignored[0]!.because).toBe('after_final_state');
    }
  });

  it('takes a delivery scan that arrives late, even stamped before the last scan', () => {
    const earlyStamp = scan('d', 'delivered', '2024-08-01T09:00:00.000Z');
    expect(applyTrackingEvents(after(outForDelivery), [earlyStamp]).tracking).toMatchObject({
      state: 'delivered',
      lastEventAt: earlyStamp.occurredAt,
    });
  });

  it('leaves an exception for a newer in-transit scan, not for an older one', () => {
    const held = scan('e', 'exception', '2024-08-01T12:00:00.000Z');
    const moving = scan('f', 'in_transit', '2024-08-01T18:00:00.000Z');
    expect(after(held, moving).state).toBe('in_transit');
    expect(after(held, pickedUp).state).toBe('exception');
  });

  it('does not go back to pre_transit once the parcel moves, even for a newer label scan', () => {
    const update = applyTrackingEvents(after(pickedUp), [scan('g', 'pre_transit', '2024-08-01T11:00:00.000Z')]);
    expect(update.tracking.state).toBe('in_transit');
    expect(update.ignored[0]!.because).toBe('earlier_stage');
  });

  it('ranks returned to sender above delivered: the delivery scan at the sender does not undo it', () => {
    const returned = scan('h', 'returned_to_sender', '2024-08-05T09:00:00.000Z');
    const deliveredToSender = scan('i', 'delivered', '2024-08-07T09:00:00.000Z');
    expect(after(returned, deliveredToSender).state).toBe('returned_to_sender');
    expect(after(deliveredToSender, returned).state).toBe('returned_to_sender');
  });

  it('at the same instant, an exception wins over a scan that says the parcel is moving', () => {
    const at = '2024-08-02T07:00:00.000Z';
    const failed = scan('j', 'exception', at);
    expect(after(outForDelivery, failed).state).toBe('exception');
    expect(after(failed, outForDelivery).state).toBe('exception');
  });

  it('keeps events with an unknown status but lets them move nothing', () => {
    const update = applyTrackingEvents(after(pickedUp), [scan('k', 'unknown', '2024-08-09T00:00:00.000Z')]);
    expect(update.tracking).toMatchObject({ state: 'in_transit', seenEventIds: ['a', 'k'] });
    expect(update.ignored[0]!.because).toBe('status_unknown');
  });
});
