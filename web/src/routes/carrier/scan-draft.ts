// The scan form's content and its checks, apart from the screen: the status, when it happened (the
// browser's local date and time, sent as an instant with its offset), where, and what was said.
import type { ReportCarrierEventBody } from '../../api/carrier-shipments.js';
import type { REPORTABLE_STATES } from '../../../../src/contracts/carrier-shipments.js';

export type ReportableState = (typeof REPORTABLE_STATES)[number];

export interface ScanDraft {
  status: ReportableState | '';
  /** As a datetime-local input gives it: `2026-11-26T14:05`, the person's local time. */
  occurredAt: string;
  location: string;
  description: string;
}

export interface ScanErrors {
  status?: string;
  occurredAt?: string;
  location?: string;
  description?: string;
  form?: string;
}

export const EMPTY_SCAN_DRAFT: ScanDraft = { status: '', occurredAt: '', location: '', description: '' };

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** The server allows this much clock difference before it calls a scan "not happened yet". */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** The local date and time as an instant, or null if it is not one. */
function instantOf(local: string): Date | null {
  if (!LOCAL_DATE_TIME.test(local)) return null;
  const instant = new Date(local);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function validateScanDraft(draft: ScanDraft, now: Date): ScanErrors {
  const errors: ScanErrors = {};
  if (draft.status === '') errors.status = 'Choose what happened to the parcel.';
  const instant = instantOf(draft.occurredAt);
  if (!instant) errors.occurredAt = 'Enter the date and time of the scan.';
  else if (instant.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    errors.occurredAt = 'The scan cannot be in the future: check the date and time.';
  if (draft.location.trim() === '') errors.location = 'Say where the scan happened, e.g. the depot or town.';
  else if (draft.location.trim().length > 200) errors.location = 'Use at most 200 characters.';
  if (draft.description.trim().length > 500) errors.description = 'Use at most 500 characters.';
  return errors;
}

/** The request body, or null while the draft has errors. */
export function buildScanBody(draft: ScanDraft, now: Date): ReportCarrierEventBody | null {
  const instant = instantOf(draft.occurredAt);
  if (Object.keys(validateScanDraft(draft, now)).length > 0 || !instant || draft.status === '') return null;
  return {
    status: draft.status,
    occurredAt: instant.toISOString(),
    location: draft.location.trim(),
    description: draft.description.trim(),
  };
}
