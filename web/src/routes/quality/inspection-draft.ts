// The inspection record as the form holds it (text as typed), what it sends, and where the
// server's refusals go. Pure, so the rules of the form are tested without a browser.
import type { Grade } from '../../../../src/contracts/inspection-vocabulary.js';
import type { Inspection, InspectionRecord } from '../../api/inspections.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { newRowKey, type EditableRow } from '../../ui/editable-rows.js';

export type ChecklistItem = Inspection['checklist'][number];

export interface MeasurementRow extends EditableRow {
  name: string;
  value: string;
  unit: string;
}

export interface InspectionDraft {
  /** Per checklist item: a check passed or not (null: not answered), a measurement as typed. */
  answers: Record<string, { passed: boolean | null; value: string }>;
  grade: Grade | '';
  defectCodes: string[];
  noFaultFound: boolean;
  findings: string;
  measurements: MeasurementRow[];
  notes: string;
}

/** Errors by the field they belong to: API paths (`grade`, `measurements.0.name`), `checklist.<item id>`, `form`. */
export type RecordErrors = Record<string, string>;

export function draftFrom(
  inspection: Pick<
    Inspection,
    'checklist' | 'grade' | 'defectCodes' | 'noFaultFound' | 'findings' | 'measurements' | 'notes'
  >,
): InspectionDraft {
  return {
    answers: Object.fromEntries(
      inspection.checklist.map((item) => [
        item.id,
        { passed: item.passed, value: item.value === null ? '' : String(item.value) },
      ]),
    ),
    grade: inspection.grade ?? '',
    defectCodes: [...inspection.defectCodes],
    noFaultFound: inspection.noFaultFound,
    findings: inspection.findings,
    measurements: inspection.measurements.map((m) => ({
      key: newRowKey(),
      name: m.name,
      value: String(m.value),
      unit: m.unit,
    })),
    notes: inspection.notes,
  };
}

/** A number as typed: null when empty, NaN when it is not one. */
function numberOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What the form sends, or why it cannot be sent yet (a number that is not one). */
export function recordFrom(
  draft: InspectionDraft,
  checklist: readonly ChecklistItem[],
): { record: InspectionRecord; errors: RecordErrors } {
  const errors: RecordErrors = {};
  const answers = checklist.map((item) => {
    const answer = draft.answers[item.id] ?? { passed: null, value: '' };
    if (item.kind === 'check') return { id: item.id, passed: answer.passed };
    const value = numberOf(answer.value);
    if (Number.isNaN(value)) errors[`checklist.${item.id}`] = 'Enter a number.';
    return { id: item.id, value: Number.isNaN(value) ? null : value };
  });
  const measurements = draft.measurements.map((row, index) => {
    const value = numberOf(row.value);
    if (value === null || Number.isNaN(value)) errors[`measurements.${index}.value`] = 'Enter a number.';
    return { name: row.name.trim(), value: value ?? 0, unit: row.unit.trim() };
  });
  return {
    record: {
      checklist: answers,
      grade: draft.grade === '' ? null : draft.grade,
      defectCodes: draft.defectCodes,
      noFaultFound: draft.noFaultFound,
      findings: draft.findings.trim(),
      measurements,
      notes: draft.notes.trim(),
    },
    errors,
  };
}

/** "2–8 °C", "at least 2 MΩ", "at most 40 °C", or null when the measurement has no range. */
export function rangeText(item: Pick<ChecklistItem, 'min' | 'max' | 'unit'>): string | null {
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.min !== null && item.max !== null) return `${item.min}–${item.max}${unit}`;
  if (item.min !== null) return `at least ${item.min}${unit}`;
  if (item.max !== null) return `at most ${item.max}${unit}`;
  return null;
}

/** A value typed outside the measurement's range (empty or not a number is not out of range). */
export function isOutOfRange(item: Pick<ChecklistItem, 'min' | 'max'>, text: string): boolean {
  const value = numberOf(text);
  if (value === null || Number.isNaN(value)) return false;
  return (item.min !== null && value < item.min) || (item.max !== null && value > item.max);
}

const capitalized = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/**
 * A refusal as errors beside the fields. The server names unanswered checklist items by label
 * (`checklist`: "<label>: not answered"), so each is put at its item; what names no field of the
 * form is said above it.
 */
export function recordErrorsFrom(error: unknown, checklist: readonly ChecklistItem[]): RecordErrors {
  if (!isApiError(error)) return { form: describeError(error) };
  const errors: RecordErrors = {};
  let isUnplaced = false;
  for (const { path, message } of error.problem.errors ?? []) {
    if (path === 'checklist') {
      const item = checklist.find((candidate) => message.startsWith(`${candidate.label}:`));
      if (item) errors[`checklist.${item.id}`] ??= 'Not answered.';
      errors['checklist'] ??= 'Answer every item of the checklist.';
    } else if (
      /^(grade|noFaultFound|findings|notes|defectCodes(\.\d+)?|measurements\.\d+\.(name|value|unit))$/.test(path)
    ) {
      errors[path.startsWith('defectCodes') ? 'defectCodes' : path] ??= capitalized(message);
    } else {
      isUnplaced = true;
    }
  }
  if (isUnplaced || Object.keys(errors).length === 0) errors['form'] = describeError(error);
  return errors;
}
