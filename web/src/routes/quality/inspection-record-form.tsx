import { useRef, useState, type FormEvent } from 'react';
import { GRADE_LABELS, GRADES } from '../../../../src/contracts/inspection-vocabulary.js';
import { useConfig } from '../../api/config.js';
import { useRecordInspection, type Inspection } from '../../api/inspections.js';
import { Alert } from '../../ui/alert.js';
import { CheckboxField, TextAreaField } from '../../ui/field.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { useToast } from '../../ui/toast.js';
import { useUnsavedChangesGuard } from '../../ui/use-unsaved-changes-guard.js';
import { ChecklistFields } from './checklist-fields.js';
import {
  draftFrom,
  recordErrorsFrom,
  recordFrom,
  type InspectionDraft,
  type RecordErrors,
} from './inspection-draft.js';
import { MeasurementRows } from './measurement-rows.js';

/**
 * The inspector's record: checklist, grade, defects, findings, measurements and notes. Saved as a
 * draft as often as wanted; completing it asks the server to check it is whole, and what it
 * refuses is shown at the field it concerns.
 */
export function InspectionRecordForm({ inspection }: { inspection: Inspection }) {
  const [draft, setDraft] = useState<InspectionDraft>(() => draftFrom(inspection));
  const [errors, setErrors] = useState<RecordErrors>({});
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const record = useRecordInspection();
  const toast = useToast();
  useFocusFirstInvalid(formRef, refusals, '.alert');
  const saved = JSON.stringify(recordFrom(draftFrom(inspection), inspection.checklist).record);
  useUnsavedChangesGuard(JSON.stringify(recordFrom(draft, inspection.checklist).record) !== saved);

  const change = (changes: Partial<InspectionDraft>, ...cleared: string[]) => {
    setDraft((current) => ({ ...current, ...changes }));
    if (cleared.length > 0)
      setErrors((current) =>
        Object.fromEntries(Object.entries(current).filter(([key]) => !cleared.includes(key) && key !== 'form')),
      );
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const complete = submitter instanceof HTMLButtonElement && submitter.value === 'complete';
    const { record: body, errors: typed } = recordFrom(draft, inspection.checklist);
    if (Object.keys(typed).length > 0) {
      setErrors(typed);
      setRefusals((count) => count + 1);
      return;
    }
    setErrors({});
    record.mutate(
      { inspection, record: body, complete },
      {
        onSuccess: (updated) =>
          toast.show(
            !complete
              ? 'Draft saved'
              : updated.status === 'awaiting_sign_off'
                ? 'Inspection completed: waiting for quality’s sign-off'
                : 'Inspection completed',
          ),
        onError: (failure) => {
          setErrors(recordErrorsFrom(failure, inspection.checklist));
          setRefusals((count) => count + 1);
        },
      },
    );
  }

  const isBusy = record.isPending;
  return (
    <form ref={formRef} className="panel inspection-form" aria-label="Inspection record" onSubmit={submit} noValidate>
      <h2>Inspection record</h2>
      {errors['form'] ? <Alert tone="error">{errors['form']}</Alert> : null}
      <ChecklistFields
        items={inspection.checklist}
        answers={draft.answers}
        errors={errors}
        disabled={isBusy}
        onChange={(id, answer) =>
          change({ answers: { ...draft.answers, [id]: answer } }, `checklist.${id}`, 'checklist')
        }
      />
      <GradeField
        grade={draft.grade}
        error={errors['grade']}
        disabled={isBusy}
        onChange={(grade) => change({ grade }, 'grade')}
      />
      <DefectCodesField
        selected={draft.defectCodes}
        error={errors['defectCodes']}
        disabled={isBusy}
        onChange={(defectCodes) => change({ defectCodes }, 'defectCodes', 'noFaultFound')}
      />
      <CheckboxField
        label="No fault found"
        hint="Tested, and it works as specified."
        checked={draft.noFaultFound}
        disabled={isBusy}
        aria-invalid={errors['noFaultFound'] ? true : undefined}
        onChange={(event) => change({ noFaultFound: event.target.checked }, 'noFaultFound', 'grade')}
      />
      {errors['noFaultFound'] ? <p className="field__error">{errors['noFaultFound']}</p> : null}
      <TextAreaField
        label="Findings"
        hint="What you found, for the bench, the supplier or the customer."
        value={draft.findings}
        maxLength={4000}
        disabled={isBusy}
        error={errors['findings']}
        onChange={(event) => change({ findings: event.target.value }, 'findings')}
      />
      <MeasurementRows
        rows={draft.measurements}
        errors={errors}
        disabled={isBusy}
        onChange={(measurements) =>
          change({ measurements }, ...Object.keys(errors).filter((key) => key.startsWith('measurements.')))
        }
      />
      <TextAreaField
        label="Notes"
        value={draft.notes}
        maxLength={4000}
        disabled={isBusy}
        error={errors['notes']}
        onChange={(event) => change({ notes: event.target.value }, 'notes')}
      />
      <div className="button-row">
        {/* First in the form, so Enter in a field saves a draft rather than completing. */}
        <button type="submit" name="intent" value="draft" className="button" disabled={isBusy}>
          Save draft
        </button>
        <button type="submit" name="intent" value="complete" className="button button--primary" disabled={isBusy}>
          {isBusy ? 'Saving…' : 'Complete inspection'}
        </button>
      </div>
    </form>
  );
}

function GradeField({
  grade,
  error,
  disabled,
  onChange,
}: {
  grade: InspectionDraft['grade'];
  error: string | undefined;
  disabled: boolean;
  onChange: (grade: InspectionDraft['grade']) => void;
}) {
  return (
    <fieldset
      className={`choice-group grade-choices${error ? ' choice-group--invalid' : ''}`}
      aria-describedby={error ? 'inspection-grade-error' : undefined}
    >
      <legend className="field__label">Grade</legend>
      {GRADES.map((value) => (
        <label key={value} className="choice">
          <input
            type="radio"
            name="grade"
            value={value}
            checked={grade === value}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(value)}
          />
          <span className="choice__label">{GRADE_LABELS[value]}</span>
        </label>
      ))}
      {error ? (
        <p id="inspection-grade-error" className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const NO_FAULT_FOUND_CODE = 'NO_FAULT_FOUND';

/** The defect codes in force (configuration), ticked as they apply. */
function DefectCodesField({
  selected,
  error,
  disabled,
  onChange,
}: {
  selected: readonly string[];
  error: string | undefined;
  disabled: boolean;
  onChange: (codes: string[]) => void;
}) {
  const config = useConfig('inspection_checklists');
  // "No fault found" has its own box below; the code of that name is shown only if a record has it.
  const inForce = (config.data?.document.defectCodes ?? []).filter(
    (defect) => selected.includes(defect.code) || (defect.isActive && defect.code !== NO_FAULT_FOUND_CODE),
  );
  return (
    <fieldset className="checkbox-group" aria-describedby={error ? 'inspection-defects-error' : undefined}>
      <legend>Defects</legend>
      {config.isPending ? <p className="muted">Loading the defect codes…</p> : null}
      {config.isError ? <Alert tone="error">Could not load the defect codes.</Alert> : null}
      <div className="checkbox-group__options">
        {inForce.map((defect) => (
          <CheckboxField
            key={defect.code}
            label={defect.label}
            title={defect.description}
            checked={selected.includes(defect.code)}
            disabled={disabled}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...selected, defect.code] : selected.filter((code) => code !== defect.code),
              )
            }
          />
        ))}
      </div>
      {error ? (
        <p id="inspection-defects-error" className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
