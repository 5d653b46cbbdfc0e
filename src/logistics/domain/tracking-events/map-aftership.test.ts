import { describe, expect, it } from 'vitest';
import { readAfterShipPayload, readAfterShipTracking } from './map-aftership.js';
import { applyTrackingEvents, NO_TRACKING_YET } from './shipment-state.js';
import type { ShipmentState, TrackingEvent, TrackingPayloadReading } from './tracking-event.js';
import { hasWebhookSamples, sampleFiles, sampleJson, warnIfSamplesAbsent } from './webhook-samples.test-fixtures.js';

warnIfSamplesAbsent('AfterShip trackings and checkpoints');

/** AfterShip's documented tags, as the brief's shipment states (the spec this test holds the code to). */
const TAG_MEANS: Record<string, ShipmentState> = {
  Pending: 'unknown',
  InfoReceived: 'pre_transit',
  InTransit: 'in_transit',
  OutForDelivery: 'out_for_delivery',
  AvailableForPickup: 'out_for_delivery',
  AttemptFail: 'exception',
  Exception: 'exception',
  Expired: 'exception',
  Delivered: 'delivered',
};

interface SampleCheckpoint {
  checkpoint_time: string;
  tag: string;
  subtag: string;
  message: string;
}
interface SampleTracking {
  tracking_number: string;
  slug: string;
  tag?: string;
  subtag?: string;
  last_updated_at?: string;
  checkpoints?: SampleCheckpoint[];
}
interface SampleResponse {
  meta?: { code: number };
  data?: { tracking?: SampleTracking; trackings?: SampleTracking[]; checkpoint?: SampleCheckpoint };
}

function eventsOf(reading: TrackingPayloadReading): readonly TrackingEvent[] {
  if (reading.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(reading)}`);
  return reading.events;
}

/** What a tracking's own fields say its events must be: one per checkpoint in time order, or its tag alone. */
function expectEventsOfTracking(events: readonly TrackingEvent[], tracking: SampleTracking): void {
  const checkpoints = tracking.checkpoints ?? [];
  if (checkpoints.length === 0) {
    if (!tracking.tag) return expect(events).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({ status: TAG_MEANS[tracking.tag], carrierStatus: tracking.subtag ?? tracking.tag }),
    ]);
    return;
  }
  expect(events).toHaveLength(checkpoints.length);
  const inTime = [...checkpoints].sort((a, b) => instant(a.checkpoint_time) - instant(b.checkpoint_time));
  events.forEach((event, i) => {
    expect(event).toMatchObject({
      status: TAG_MEANS[inTime[i]!.tag],
      carrierStatus: inTime[i]!.subtag,
      description: inTime[i]!.message,
      carrier: tracking.slug,
      trackingNumber: tracking.tracking_number,
    });
    expect(Date.parse(event.occurredAt)).toBe(instant(inTime[i]!.checkpoint_time));
  });
  // The last scan decides where the parcel is.
  expect(applyTrackingEvents(NO_TRACKING_YET, events).tracking.state).toBe(TAG_MEANS[inTime.at(-1)!.tag]);
}

/** As map-aftership.ts reads it: a checkpoint time without an offset is UTC. */
function instant(text: string): number {
  return Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}

const response = (file: string) => (hasWebhookSamples ? (sampleJson(file) as SampleResponse) : {});

describe.skipIf(!hasWebhookSamples)('AfterShip: every shared sample', () => {
  for (const file of sampleFiles('aftership')) {
    const body = sampleJson(file) as SampleResponse;
    const data = body.data;

    if (!body.meta) {
      it(`${file}: a request, not a webhook or response, is refused with a clear error`, () => {
        expect(readAfterShipPayload(body)).toEqual({
          kind: 'error',
          error: 'unreadable_payload',
          message: 'not an AfterShip webhook (msg) or API response (meta, data)',
        });
      });
    } else if (data?.tracking) {
      it(`${file}: maps the tracking's checkpoints (or its tag) onto shipment states`, () => {
        expectEventsOfTracking(eventsOf(readAfterShipPayload(body)), data.tracking!);
      });
    } else if (data?.trackings) {
      it(`${file}: maps each tracking's checkpoints (or its tag) onto shipment states`, () => {
        for (const tracking of data.trackings!)
          expectEventsOfTracking(eventsOf(readAfterShipTracking(tracking)), tracking);
      });
    } else if (data?.checkpoint) {
      it(`${file}: the last checkpoint is one event`, () => {
        const checkpoint = data.checkpoint!;
        expect(eventsOf(readAfterShipPayload(body))).toEqual([
          expect.objectContaining({ status: TAG_MEANS[checkpoint.tag], carrierStatus: checkpoint.subtag }),
        ]);
      });
    } else {
      it(`${file}: carries no tracking, and is acknowledged as such`, () => {
        expect(readAfterShipPayload(body)).toMatchObject({ kind: 'not_about_tracking' });
      });
    }
  }

  it('GetTrackingsResult: an exception scan is left for the newer in-transit scan, and delivered ends it', () => {
    const tracking = response('aftership/GetTrackingsResult.json').data!.trackings![0]!;
    const events = eventsOf(readAfterShipTracking(tracking));
    const exceptionAt = events.findIndex((e) => e.status === 'exception');
    expect(exceptionAt).toBeGreaterThan(0);
    const upToException = applyTrackingEvents(NO_TRACKING_YET, events.slice(0, exceptionAt + 1));
    expect(upToException.tracking.state).toBe('exception');
    const next = applyTrackingEvents(upToException.tracking, [events[exceptionAt + 1]!]);
    expect(next.tracking.state).toBe('in_transit');
    expect(applyTrackingEvents(next.tracking, events).tracking.state).toBe(TAG_MEANS[tracking.tag!]);
  });

  it('offset-less checkpoint times are UTC: the same scans with and without offsets get the same ids', () => {
    const withOffsets = response('aftership/GetTrackingsResult.json').data!.trackings![0]!;
    const withoutOffsets = response('aftership/UpdateTrackingResult.json').data!.tracking!;
    expect(withoutOffsets.checkpoints![0]!.checkpoint_time).not.toMatch(/[+-]\d\d:\d\d$/);
    const a = eventsOf(readAfterShipTracking(withOffsets));
    const b = eventsOf(readAfterShipTracking(withoutOffsets));
    expect(b.map((e) => e.occurredAt)).toEqual(a.map((e) => e.occurredAt));
    expect(b.map((e) => e.eventId)).toEqual(a.map((e) => e.eventId));
  });

  it('MarkAsCompletedResult: the merchant\'s "lost" mark does not override the carrier\'s delivered scan', () => {
    const tracking = response('aftership/MarkAsCompletedResult.json').data!.tracking!;
    expect(tracking.subtag).toBe('Exception_013');
    const events = eventsOf(readAfterShipTracking(tracking));
    expect(applyTrackingEvents(NO_TRACKING_YET, events).tracking.state).toBe('delivered');
    // The same scans as GetTrackingResult, so applying both applies each once.
    const again = eventsOf(readAfterShipPayload(response('aftership/GetTrackingResult.json')));
    expect(again.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  });

  it('reads the tracking inside a tracking_update webhook, and acknowledges other webhooks', () => {
    const tracking = response('aftership/GetTrackingResult.json').data!.tracking!;
    const webhook = { event: 'tracking_update', msg: tracking, ts: 1532486400 };
    expect(readAfterShipPayload(webhook)).toEqual(readAfterShipTracking(tracking));
    expect(readAfterShipPayload({ event: 'edd_revise', msg: tracking })).toMatchObject({ kind: 'not_about_tracking' });
  });
});

describe('AfterShip: errors and tags the samples do not show', () => {
  it('a meta error gives a provider error with its code, type and message', () => {
    // AfterShip/aftership-sdk-java, aftership-sdk/src/test/resources/error/Error.json (MIT).
    const error = { meta: { code: 401, message: 'Invalid API Key.', type: 'Unauthorized' }, data: {} };
    expect(readAfterShipPayload(error)).toEqual({
      kind: 'error',
      error: 'provider_error',
      message: 'AfterShip error 401 Unauthorized: Invalid API Key.',
    });
    expect(
      readAfterShipPayload({ meta: { code: 4004, message: 'Tracking does not exist.', type: 'BadRequest' } }),
    ).toEqual({
      kind: 'error',
      error: 'provider_error',
      message: 'AfterShip error 4004 BadRequest: Tracking does not exist.',
    });
  });

  it.each([
    ['Exception', 'Exception_011', 'returned_to_sender'],
    ['Exception', 'Exception_010', 'exception'],
    ['AttemptFail', 'AttemptFail_001', 'exception'],
    ['AvailableForPickup', 'AvailableForPickup_001', 'out_for_delivery'],
    ['SomethingNew', 'SomethingNew_001', 'unknown'],
    ['constructor', '__proto__', 'unknown'],
  ])('reads %s / %s as %s', (tag, subtag, state) => {
    const checkpoint = { checkpoint_time: '2024-05-01T10:00:00+02:00', tag, subtag, message: 'scan' };
    const tracking = { tracking_number: 'RA223547577RU', slug: 'russian-post', checkpoints: [checkpoint] };
    expect(eventsOf(readAfterShipTracking(tracking))[0]).toMatchObject({
      status: state,
      occurredAt: '2024-05-01T08:00:00.000Z',
    });
  });

  it('a body that is not JSON object is refused', () => {
    expect(readAfterShipPayload('<html>')).toMatchObject({ kind: 'error', error: 'unreadable_payload' });
  });
});
