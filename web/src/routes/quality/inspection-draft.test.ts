import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.js';
import {
  draftFrom,
  isOutOfRange,
  rangeText,
  recordErrorsFrom,
  recordFrom,
  type ChecklistItem,
} from './inspection-draft.js';

const check = (id: string, label: string): ChecklistItem => ({
  id,
  label,
  kind: 'check',
  unit: null,
  min: null,
  max: null,
  required: true,
  passed: null,
  value: null,
  outOfRange: false,
});
const temperature: ChecklistItem = {
  ...check('temperature', 'Temperature on arrival'),
  kind: 'measurement',
  unit: '°C',
  min: 2,
  max: 8,
};
const checklist = [check('seal_intact', 'Tamper-evident seal intact'), temperature];

const saved = {
  checklist,
  grade: null,
  defectCodes: [],
  noFaultFound: false,
  findings: '',
  measurements: [],
  notes: '',
};

function refusal(errors: Array<{ path: string; message: string }>, detail = 'refused') {
  return new ApiError({
    type: 'about:blank',
    title: 'Refused',
    status: 422,
    code: 'validation_failed',
    detail,
    errors,
  });
}

describe('the inspection record as the form holds it', () => {
  it('sends every checklist item, typed numbers as numbers and an empty grade as none', () => {
    const draft = draftFrom(saved);
    draft.answers['seal_intact'] = { passed: false, value: '' };
    draft.answers['temperature'] = { passed: null, value: ' 4,5 ' };
    draft.measurements = [{ key: 'm1', name: ' Weight ', value: '1.25', unit: 'kg' }];
    const { record, errors } = recordFrom(draft, checklist);
    expect(errors).toEqual({});
    expect(record).toEqual({
      checklist: [
        { id: 'seal_intact', passed: false },
        { id: 'temperature', value: 4.5 },
      ],
      grade: null,
      defectCodes: [],
      noFaultFound: false,
      findings: '',
      measurements: [{ name: 'Weight', value: 1.25, unit: 'kg' }],
      notes: '',
    });
  });

  it('refuses a measurement that is not a number, at its field, and leaves an empty one unanswered', () => {
    const draft = draftFrom(saved);
    draft.answers['temperature'] = { passed: null, value: '4 degrees' };
    draft.measurements = [{ key: 'm1', name: 'Weight', value: '', unit: 'kg' }];
    expect(recordFrom(draft, checklist).errors).toEqual({
      'checklist.temperature': 'Enter a number.',
      'measurements.0.value': 'Enter a number.',
    });
    draft.answers['temperature'] = { passed: null, value: '' };
    draft.measurements = [];
    expect(recordFrom(draft, checklist).record.checklist).toContainEqual({ id: 'temperature', value: null });
  });

  it('reads back what was saved unchanged, so a saved draft is not "unsaved"', () => {
    const record = {
      ...saved,
      checklist: [
        { ...checklist[0]!, passed: true },
        { ...temperature, value: 2.5 },
      ],
      grade: 'B' as const,
      measurements: [{ name: 'Weight', value: 1.25, unit: 'kg' }],
    };
    const again = recordFrom(draftFrom(record), checklist).record;
    expect(again.checklist).toEqual([
      { id: 'seal_intact', passed: true },
      { id: 'temperature', value: 2.5 },
    ]);
    expect(again.grade).toBe('B');
    expect(again.measurements).toEqual([{ name: 'Weight', value: 1.25, unit: 'kg' }]);
  });

  it('says the range and flags a value outside it, not an empty one', () => {
    expect(rangeText(temperature)).toBe('2–8 °C');
    expect(rangeText({ min: 2, max: null, unit: 'MΩ' })).toBe('at least 2 MΩ');
    expect(rangeText({ min: null, max: null, unit: null })).toBeNull();
    expect(isOutOfRange(temperature, '9')).toBe(true);
    expect(isOutOfRange(temperature, '1.9')).toBe(true);
    expect(isOutOfRange(temperature, '8')).toBe(false);
    expect(isOutOfRange(temperature, '')).toBe(false);
  });
});

describe('where a refusal is shown', () => {
  it('puts each unanswered checklist item at its item, and the grade at the grade', () => {
    const errors = recordErrorsFrom(
      refusal([
        { path: 'checklist', message: 'Temperature on arrival: not answered' },
        { path: 'grade', message: 'choose a grade' },
      ]),
      checklist,
    );
    expect(errors).toEqual({
      'checklist.temperature': 'Not answered.',
      checklist: 'Answer every item of the checklist.',
      grade: 'Choose a grade',
    });
  });

  it('says above the form what names no field of it', () => {
    expect(recordErrorsFrom(refusal([], 'inspection ins_1 is being worked on by Quinn'), checklist)).toEqual({
      form: 'inspection ins_1 is being worked on by Quinn',
    });
    const mixed = recordErrorsFrom(
      refusal([
        { path: 'defectCodes.1', message: 'not a defect code in force' },
        { path: 'checklist.3.id', message: 'not on the checklist' },
      ]),
      checklist,
    );
    expect(mixed['defectCodes']).toBe('Not a defect code in force');
    expect(mixed['form']).toBe('refused');
  });
});
