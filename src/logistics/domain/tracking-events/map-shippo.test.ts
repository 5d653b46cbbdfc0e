import { describe, expect, it } from 'vitest';
import { readShippoPayload } from './map-shippo.js';
import { applyTrackingEvents, NO_TRACKING_YET } from './shipment-state.js';
import type { ShipmentState, TrackingEvent, TrackingPayloadReading } from './tracking-event.js';
import { hasWebhookSamples, sampleFiles, sampleJson, warnIfSamplesAbsent } from './webhook-samples.test-fixtures.js';

warnIfSamplesAbsent('Shippo tracking objects');

/** Shippo's documented statuses, as the brief's shipment states (the spec this test holds the code to). */
const SHIPPO_MEANS: Record<string, ShipmentState> = {
  UNKNOWN: 'unknown',
  PRE_TRANSIT: 'pre_transit',
  TRANSIT: 'in_transit',
  DELIVERED: 'delivered',
  RETURNED: 'returned_to_sender',
  FAILURE: 'exception',
};

interface SampleStatus {
  status: string;
  status_details: string;
  status_date: string;
  object_id: string;
}
interface SampleTrack {
  carrier: string;
  tracking_number: string;
  tracking_status: SampleStatus | null;
  tracking_history: SampleStatus[];
}
interface Interaction {
  request: { method: string; uri: string };
  status: { code: number };
  response_body: unknown;
}

function eventsOf(reading: TrackingPayloadReading): readonly TrackingEvent[] {
  if (reading.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(reading)}`);
  return reading.events;
}

const cassette = (file: string) => (hasWebhookSamples ? (sampleJson(file) as Interaction[]) : []);

describe.skipIf(!hasWebhookSamples)('Shippo: every shared sample', () => {
  for (const file of sampleFiles('shippo')) {
    cassette(file).forEach((interaction, i) => {
      const what = `${file} #${i + 1} (${interaction.request.method} ${interaction.status.code})`;
      const body = interaction.response_body;

      if (interaction.status.code >= 400) {
        it(`${what}: the error body gives a provider error that quotes Shippo`, () => {
          const reading = readShippoPayload(body);
          expect(reading).toMatchObject({ kind: 'error', error: 'provider_error' });
          const message = reading.kind === 'error' ? reading.message : '';
          // Whatever Shippo said, in its own words.
          const said =
            typeof body === 'string'
              ? /<h1>(.*?)<\/h1>/.exec(body)![1]!
              : Object.values(body as Record<string, unknown>)
                  .flat()
                  .map(String)[0]!;
          expect(message).toContain(said);
        });
        return;
      }

      it(`${what}: maps its tracking history onto shipment states, oldest first`, () => {
        const track = body as SampleTrack;
        const events = eventsOf(readShippoPayload(track));
        expect(events).toHaveLength(track.tracking_history.length);
        const history = [...track.tracking_history].sort(
          (a, b) => Date.parse(a.status_date) - Date.parse(b.status_date),
        );
        events.forEach((event, n) => {
          expect(event.status).toBe(SHIPPO_MEANS[history[n]!.status]);
          expect(event.carrierStatus).toBe(history[n]!.status);
          expect(event.description).toBe(history[n]!.status_details);
          expect(Date.parse(event.occurredAt)).toBe(Date.parse(history[n]!.status_date));
        });
        const { tracking } = applyTrackingEvents(NO_TRACKING_YET, events);
        expect(tracking.state).toBe(track.tracking_status ? SHIPPO_MEANS[track.tracking_status.status] : 'unknown');
      });
    });
  }

  it('the USPS history: 11 events in order, unknown → in transit → delivered', () => {
    const track = cassette('shippo/track_test_create.decoded.json')[0]!.response_body as SampleTrack;
    const events = eventsOf(readShippoPayload(track));
    expect(events).toHaveLength(11);
    expect(events.map((e) => e.description)).toEqual(track.tracking_history.map((h) => h.status_details));
    expect(events.map((e) => e.status)).toEqual([
      ...Array<ShipmentState>(2).fill('unknown'),
      ...Array<ShipmentState>(8).fill('in_transit'),
      'delivered',
    ]);
    expect(events[0]).toMatchObject({ carrier: 'usps', trackingNumber: '9205590164917337534322', location: undefined });
    expect(events[10]!.location).toBe('Berkeley, CA, 94705, US');

    const update = applyTrackingEvents(NO_TRACKING_YET, events);
    expect(update.tracking).toMatchObject({ state: 'delivered', lastEventAt: '2016-12-08T15:19:00.000Z' });
    expect(update.applied).toHaveLength(9);
    expect(update.ignored.map((i) => i.because)).toEqual(['status_unknown', 'status_unknown']);
  });

  it('the same scans in another response (new object_ids) are recognised as already seen', () => {
    const created = cassette('shippo/track_test_create.decoded.json')[0]!.response_body as SampleTrack;
    const fetched = cassette('shippo/track_test_get_status.decoded.json')[0]!.response_body as SampleTrack;
    expect(created.tracking_history[0]!.object_id).not.toBe(fetched.tracking_history[0]!.object_id);

    const first = applyTrackingEvents(NO_TRACKING_YET, eventsOf(readShippoPayload(created)));
    const second = applyTrackingEvents(first.tracking, eventsOf(readShippoPayload(fetched)));
    expect(second.applied).toEqual([]);
    expect(second.ignored.every((i) => i.because === 'already_seen')).toBe(true);
    expect(second.tracking).toEqual(first.tracking);
  });

  it('reads the Track inside a track_updated webhook, and acknowledges other webhooks', () => {
    const track = cassette('shippo/track_test_get_status.decoded.json')[0]!.response_body;
    expect(readShippoPayload({ event: 'track_updated', test: true, data: track })).toEqual(readShippoPayload(track));
    expect(readShippoPayload({ event: 'transaction_created', test: true, data: {} })).toMatchObject({
      kind: 'not_about_tracking',
    });
  });

  it('a tracking number Shippo knows nothing about yet gives no events, not an error', () => {
    const unknownNumber = cassette('shippo/track_test_invalid_create.decoded.json')[1]!.response_body as SampleTrack;
    expect(unknownNumber.tracking_status).toBeNull();
    expect(readShippoPayload(unknownNumber)).toEqual({ kind: 'events', events: [] });
  });
});

describe('Shippo: bodies the samples do not show', () => {
  const entry = (status: string, substatus?: string) => ({
    status,
    status_details: 'scan',
    status_date: '2024-01-02T03:04:05Z',
    substatus: substatus ? { code: substatus, text: substatus } : null,
    location: null,
  });

  it.each([
    ['PRE_TRANSIT', undefined, 'pre_transit', 'PRE_TRANSIT'],
    ['TRANSIT', 'out_for_delivery', 'out_for_delivery', 'TRANSIT/out_for_delivery'],
    ['RETURNED', undefined, 'returned_to_sender', 'RETURNED'],
    ['FAILURE', undefined, 'exception', 'FAILURE'],
    ['LOST_IN_SPACE', undefined, 'unknown', 'LOST_IN_SPACE'],
    ['toString', undefined, 'unknown', 'toString'],
  ])('reads %s (substatus %s) as %s', (status, substatus, state, carrierStatus) => {
    const track = {
      carrier: 'ups',
      tracking_number: '1Z999',
      tracking_status: null,
      tracking_history: [entry(status, substatus)],
    };
    expect(eventsOf(readShippoPayload(track))[0]).toMatchObject({ status: state, carrierStatus });
  });

  it('without history, the tracking status is the one event', () => {
    const track = { carrier: 'ups', tracking_number: '1Z999', tracking_status: entry('TRANSIT'), tracking_history: [] };
    expect(eventsOf(readShippoPayload(track))).toEqual([expect.objectContaining({ status: 'in_transit' })]);
  });

  it('a body that is neither a Track nor an error says what is missing', () => {
    const reading = readShippoPayload({ carrier: 'usps' });
    expect(reading).toMatchObject({ kind: 'error', error: 'unreadable_payload' });
    expect(reading.kind === 'error' && reading.message).toContain('tracking_number');
  });
});
