import { describe, expect, it } from 'vitest';
import { providerInstant, readGenericTrackingPayload } from './tracking-event.js';

// The example in GenericTrackingEventSchema's documentation: it must stay valid.
const documented = {
  eventId: 'dhl-scan-81723',
  carrier: 'dhl',
  trackingNumber: 'JD014600006281230704',
  status: 'in_transit',
  carrierStatus: 'PU',
  occurredAt: '2024-08-02T14:05:00+02:00',
  location: 'Leipzig, DE',
  description: 'Shipment picked up',
};

function messageOf(body: unknown): string {
  const reading = readGenericTrackingPayload(body);
  if (reading.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(reading)}`);
  expect(reading.error).toBe('unreadable_payload');
  return reading.message;
}

describe('the generic tracking format', () => {
  it('reads the documented example, with its time in UTC', () => {
    expect(readGenericTrackingPayload({ events: [documented] })).toEqual({
      kind: 'events',
      events: [{ ...documented, occurredAt: '2024-08-02T12:05:00.000Z' }],
    });
  });

  it('returns the events oldest first, whatever order they were posted in', () => {
    const later = { ...documented, eventId: 'dhl-scan-81724', status: 'delivered', occurredAt: '2024-08-03T09:00:00Z' };
    const reading = readGenericTrackingPayload({ events: [later, documented] });
    expect(reading.kind === 'events' && reading.events.map((e) => e.eventId)).toEqual([
      'dhl-scan-81723',
      'dhl-scan-81724',
    ]);
  });

  it('needs only the required fields', () => {
    const { location: _location, description: _description, ...required } = documented;
    expect(readGenericTrackingPayload({ events: [required] }).kind).toBe('events');
  });

  it('refuses fields it does not know, naming them', () => {
    expect(messageOf({ events: [{ ...documented, signedBy: 'J. Doe' }] })).toContain('events.0');
    expect(messageOf({ events: [{ ...documented, signedBy: 'J. Doe' }] })).toContain('signedBy');
  });

  it('refuses a time without its UTC offset, since the order of scans depends on it', () => {
    expect(messageOf({ events: [{ ...documented, occurredAt: '2024-08-02T14:05:00' }] })).toContain(
      'events.0.occurredAt',
    );
  });

  it("refuses a status outside Boomerang's words, and a carrier code that is not lower-case", () => {
    expect(messageOf({ events: [{ ...documented, status: 'TRANSIT' }] })).toContain('events.0.status');
    expect(messageOf({ events: [{ ...documented, carrier: 'DHL Express' }] })).toContain('events.0.carrier');
  });

  it('refuses an empty body or an empty list', () => {
    expect(messageOf({})).toContain('events');
    expect(messageOf({ events: [] })).toContain('events');
    expect(messageOf(null)).toMatch(/^not a tracking payload in the generic format: /);
  });
});

describe("providers' timestamps", () => {
  it('are read as instants in UTC, offset-less ones as UTC rather than local time', () => {
    expect(providerInstant.parse('2018-07-23T16:58:00+08:00')).toBe('2018-07-23T08:58:00.000Z');
    expect(providerInstant.parse('2018-07-31T14:33:00')).toBe('2018-07-31T14:33:00.000Z');
    expect(providerInstant.parse('2016-12-09T01:40:17.515Z')).toBe('2016-12-09T01:40:17.515Z');
  });

  it('refuse what is not an ISO 8601 date-time', () => {
    for (const text of ['yesterday', '2018-07-31', 'Tue, 31 Jul 2018 14:33:00 GMT', '2018-13-45T99:00:00Z']) {
      expect(providerInstant.safeParse(text).success, text).toBe(false);
    }
  });
});
