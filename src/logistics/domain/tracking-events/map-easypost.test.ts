import { describe, expect, it } from 'vitest';
import { readEasyPostTracker, readEasyPostWebhook } from './map-easypost.js';
import { applyTrackingEvents, NO_TRACKING_YET } from './shipment-state.js';
import { SHIPMENT_STATES, type TrackingEvent, type TrackingPayloadReading } from './tracking-event.js';
import { hasWebhookSamples, sampleFiles, sampleJson, warnIfSamplesAbsent } from './webhook-samples.test-fixtures.js';

warnIfSamplesAbsent('EasyPost tracker payloads');

interface SampleDetail {
  status: string;
  datetime: string;
}
interface SampleTracker {
  object: 'Tracker';
  tracking_code: string;
  carrier: string;
  status: string;
  tracking_details: SampleDetail[];
}

function eventsOf(reading: TrackingPayloadReading): readonly TrackingEvent[] {
  if (reading.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(reading)}`);
  return reading.events;
}

/** What a tracker's own fields say its events must be: one per detail, oldest first, same status. */
function expectEventsOfTracker(events: readonly TrackingEvent[], tracker: SampleTracker): void {
  expect(events).toHaveLength(tracker.tracking_details.length);
  const details = [...tracker.tracking_details].sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime));
  events.forEach((event, i) => {
    const detail = details[i]!;
    // These samples use only statuses whose EasyPost name is Boomerang's name too.
    expect(SHIPMENT_STATES).toContain(detail.status);
    expect(event.status).toBe(detail.status);
    expect(Date.parse(event.occurredAt)).toBe(Date.parse(detail.datetime));
    expect(event.trackingNumber).toBe(tracker.tracking_code);
    expect(event.carrier).toBe(tracker.carrier.toLowerCase());
  });
  expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  const { tracking } = applyTrackingEvents(NO_TRACKING_YET, events);
  expect(tracking.state).toBe(tracker.status);
}

describe.skipIf(!hasWebhookSamples)('EasyPost: every shared sample', () => {
  for (const file of sampleFiles('easypost')) {
    const body = sampleJson(file) as Record<string, unknown>;

    if (body.object === 'Event' && String(body.description).startsWith('tracker.') && body.result) {
      it(`${file}: ${String(body.description)} maps each tracking detail onto its shipment state`, () => {
        const tracker = body.result as SampleTracker;
        const events = eventsOf(readEasyPostWebhook(body));
        expectEventsOfTracker(events, tracker);
        // A replayed event id changes nothing: the second delivery's events are all already seen.
        const first = applyTrackingEvents(NO_TRACKING_YET, events);
        const replay = applyTrackingEvents(first.tracking, eventsOf(readEasyPostWebhook(structuredClone(body))));
        expect(replay.applied).toEqual([]);
        expect(replay.ignored.every((i) => i.because === 'already_seen')).toBe(true);
        expect(replay.tracking).toEqual(first.tracking);
      });
    } else if (body.object === 'Event' && String(body.description).startsWith('tracker.')) {
      it(`${file}: a ${String(body.description)} event without its Tracker is an error naming the event`, () => {
        const reading = readEasyPostWebhook(body);
        expect(reading).toMatchObject({ kind: 'error', error: 'unreadable_payload' });
        expect(reading.kind === 'error' && reading.message).toContain(String(body.id));
      });
    } else if (body.object === 'Event') {
      it(`${file}: ${String(body.description)} is acknowledged as not about tracking`, () => {
        const reading = readEasyPostWebhook(body);
        expect(reading.kind).toBe('not_about_tracking');
        expect(reading.kind === 'not_about_tracking' && reading.reason).toContain(String(body.description));
      });
    } else if (body.object === 'Tracker' || Array.isArray(body.trackers)) {
      it(`${file}: each Tracker maps its tracking details onto shipment states`, () => {
        const trackers = (body.object === 'Tracker' ? [body] : body.trackers) as SampleTracker[];
        for (const tracker of trackers) expectEventsOfTracker(eventsOf(readEasyPostTracker(tracker)), tracker);
      });
    } else {
      it(`${file}: is not an Event, and reading it as a webhook says so`, () => {
        const reading = readEasyPostWebhook(body);
        expect(reading).toMatchObject({ kind: 'error', error: 'unreadable_payload' });
        expect(reading.kind === 'error' && reading.message).toMatch(/^not an EasyPost Event: /);
      });
    }
  }

  it('tracking-webhook.json: the delivery scan is stamped before the others, and still decides', () => {
    const body = sampleJson('easypost/tracking-webhook.json') as { result: SampleTracker };
    const details = body.result.tracking_details;
    const delivered = details.find((d) => d.status === 'delivered')!;
    expect(details.every((d) => d === delivered || Date.parse(d.datetime) > Date.parse(delivered.datetime))).toBe(true);

    const events = eventsOf(readEasyPostWebhook(body));
    const inTimeOrder = applyTrackingEvents(NO_TRACKING_YET, events);
    expect(inTimeOrder.tracking.state).toBe('delivered');
    expect(inTimeOrder.ignored.map((i) => i.because)).toEqual(Array(details.length - 1).fill('after_final_state'));
    const asListed = applyTrackingEvents(
      NO_TRACKING_YET,
      [...events].sort((a, b) => order(a) - order(b)),
    );
    expect(asListed.tracking.state).toBe('delivered');

    function order(event: TrackingEvent): number {
      return details.findIndex((d) => Date.parse(d.datetime) === Date.parse(event.occurredAt));
    }
  });

  it('event-body.json: a later delivery of the same history (a new event id) applies nothing twice', () => {
    const body = sampleJson('easypost/event-body.json') as Record<string, unknown>;
    const first = applyTrackingEvents(NO_TRACKING_YET, eventsOf(readEasyPostWebhook(body)));
    const next = applyTrackingEvents(first.tracking, eventsOf(readEasyPostWebhook({ ...body, id: 'evt_2' })));
    expect(next.applied).toEqual([]);
    expect(next.tracking).toEqual(first.tracking);
  });
});

describe('EasyPost: statuses and bodies the samples do not show', () => {
  const tracker = (status: string, details: Array<{ status: string; datetime: string }> = []) => ({
    object: 'Tracker',
    tracking_code: 'EZ1000000001',
    carrier: 'USPS',
    status,
    updated_at: '2025-05-09T20:40:17Z',
    tracking_details: details,
  });

  it.each([
    ['available_for_pickup', 'out_for_delivery'],
    ['return_to_sender', 'returned_to_sender'],
    ['failure', 'exception'],
    ['cancelled', 'exception'],
    ['error', 'unknown'],
    ['some_future_status', 'unknown'],
    ['constructor', 'unknown'],
  ])('reads %s as %s, keeping the raw status', (raw, state) => {
    const [event] = eventsOf(readEasyPostTracker(tracker(raw, [{ status: raw, datetime: '2025-05-09T10:00:00Z' }])));
    expect(event).toMatchObject({ status: state, carrierStatus: raw });
  });

  it('without tracking details, the tracker status is one event dated updated_at', () => {
    const events = eventsOf(readEasyPostTracker(tracker('in_transit')));
    expect(events).toEqual([expect.objectContaining({ status: 'in_transit', occurredAt: '2025-05-09T20:40:17.000Z' })]);
  });

  it('an EasyPost error body is a provider error quoting it', () => {
    const reading = readEasyPostWebhook({
      error: {
        code: 'PARAMETER.REQUIRED',
        message: 'Missing required parameter.',
        errors: [{ field: 'tracker.tracking_code', message: 'cannot be blank' }],
      },
    });
    expect(reading).toEqual({
      kind: 'error',
      error: 'provider_error',
      message:
        'EasyPost error PARAMETER.REQUIRED: Missing required parameter. (tracker.tracking_code: cannot be blank)',
    });
  });

  it('a tracker with an unreadable date says where', () => {
    const reading = readEasyPostTracker(tracker('in_transit', [{ status: 'in_transit', datetime: 'yesterday' }]));
    expect(reading.kind === 'error' && reading.message).toContain('tracking_details.0.datetime: "yesterday" is not');
  });
});
