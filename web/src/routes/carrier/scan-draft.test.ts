import { describe, expect, it } from 'vitest';
import { buildScanBody, EMPTY_SCAN_DRAFT, validateScanDraft, type ScanDraft } from './scan-draft.js';

const NOW = new Date('2026-11-26T10:00:00');
const filled: ScanDraft = {
  status: 'out_for_delivery',
  occurredAt: '2026-11-26T08:15',
  location: '  Reno depot ',
  description: ' On the van ',
};

describe('the scan a carrier reports', () => {
  it('says what is missing in an empty form, and builds nothing', () => {
    expect(validateScanDraft(EMPTY_SCAN_DRAFT, NOW)).toEqual({
      status: 'Choose what happened to the parcel.',
      occurredAt: 'Enter the date and time of the scan.',
      location: 'Say where the scan happened, e.g. the depot or town.',
    });
    expect(buildScanBody(EMPTY_SCAN_DRAFT, NOW)).toBeNull();
  });

  it('sends the local time as an instant, and the words trimmed', () => {
    expect(validateScanDraft(filled, NOW)).toEqual({});
    expect(buildScanBody(filled, NOW)).toEqual({
      status: 'out_for_delivery',
      occurredAt: new Date('2026-11-26T08:15').toISOString(),
      location: 'Reno depot',
      description: 'On the van',
    });
  });

  it('refuses a scan later than now (beyond a few minutes of clock difference) and a time that is not one', () => {
    expect(validateScanDraft({ ...filled, occurredAt: '2026-11-26T10:05' }, NOW)).toEqual({});
    expect(validateScanDraft({ ...filled, occurredAt: '2026-11-27T08:15' }, NOW).occurredAt).toBe(
      'The scan cannot be in the future: check the date and time.',
    );
    expect(validateScanDraft({ ...filled, occurredAt: '26/11/2026 08:15' }, NOW).occurredAt).toBe(
      'Enter the date and time of the scan.',
    );
    expect(buildScanBody({ ...filled, occurredAt: '2026-11-27T08:15' }, NOW)).toBeNull();
  });

  it('keeps place and words within what the server takes', () => {
    expect(validateScanDraft({ ...filled, location: 'x'.repeat(201) }, NOW).location).toBe(
      'Use at most 200 characters.',
    );
    expect(validateScanDraft({ ...filled, description: 'x'.repeat(501) }, NOW).description).toBe(
      'Use at most 500 characters.',
    );
  });
});
