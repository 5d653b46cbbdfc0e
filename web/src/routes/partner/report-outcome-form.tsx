import { useRef, useState, type FormEvent } from 'react';
import { GRADE_LABELS } from '../../../../src/contracts/inspection-vocabulary.js';
import { formErrorsFrom, isApiError } from '../../api/api-error.js';
import { useReportPartnerOutcome, type PartnerWorkOrder } from '../../api/partner-work-orders.js';
import { Alert } from '../../ui/alert.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { formatMoney } from '../../ui/money.js';
import { useToast } from '../../ui/toast.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import {
  buildOutcomeBody,
  EMPTY_OUTCOME_DRAFT,
  REPAIRED_GRADES,
  validateOutcomeDraft,
  type OutcomeDraft,
  type OutcomeErrors,
} from './outcome-draft.js';

const GRADE_OPTIONS = REPAIRED_GRADES.map((grade) => ({ value: grade, label: GRADE_LABELS[grade] }));

const CHOICES = [
  { value: 'repaired', label: 'Repaired', hint: 'It works again: it goes back into stock at the grade you give.' },
  { value: 'beyond_repair', label: 'Beyond repair', hint: 'It cannot be repaired economically: it is written off.' },
] as const;

/**
 * The partner's report on an open work order: repaired (at a grade, with what it cost) or beyond
 * repair (the cost so far and why). Sent with the version read, so a report made on a stale screen
 * is refused rather than recorded twice.
 */
export function ReportOutcomeForm({ order, onReload }: { order: PartnerWorkOrder; onReload: () => void }) {
  const [draft, setDraft] = useState<OutcomeDraft>(EMPTY_OUTCOME_DRAFT);
  const [isAttempted, setIsAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<(OutcomeErrors & { isStale?: boolean }) | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const report = useReportPartnerOutcome();
  const toast = useToast();
  useFocusFirstInvalid(formRef, focusRequest);

  const clientErrors = validateOutcomeDraft(draft, order.currency);
  const errors = { ...(isAttempted ? clientErrors : {}), ...serverErrors };

  function update(changes: Partial<OutcomeDraft>) {
    setServerErrors(null);
    setDraft((current) => ({ ...current, ...changes }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    const body = buildOutcomeBody(draft, order.currency);
    if (!body) {
      setFocusRequest((count) => count + 1);
      return;
    }
    // Not mutate's own callbacks: the completed order replaces this form on screen before they would run.
    report.mutateAsync({ id: order.id, version: order.version, body }).then(
      (done) => toast.show(`${done.workOrderNumber} is completed`),
      (error: unknown) => {
        setServerErrors(outcomeErrorsFrom(error, order));
        setFocusRequest((count) => count + 1);
      },
    );
  }

  return (
    <form ref={formRef} className="panel" onSubmit={handleSubmit} noValidate aria-label="Report the outcome">
      <div className="panel__header">
        <h2>Report the outcome</h2>
      </div>
      <fieldset
        className={`choice-group${errors.outcome ? ' choice-group--invalid' : ''}`}
        aria-describedby={errors.outcome ? 'outcome-choice-error' : undefined}
      >
        <legend className="field__label">Outcome</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="outcome"
              value={choice.value}
              checked={draft.outcome === choice.value}
              onChange={() => update({ outcome: choice.value })}
            />
            <span>
              <span className="choice__label">{choice.label}</span>
              <span className="choice__hint">{choice.hint}</span>
            </span>
          </label>
        ))}
        {errors.outcome ? (
          <p id="outcome-choice-error" className="field__error">
            {errors.outcome}
          </p>
        ) : null}
      </fieldset>
      <div className="form-grid">
        {draft.outcome === 'repaired' ? (
          <SelectField
            label="Grade"
            value={draft.grade}
            options={GRADE_OPTIONS}
            hint="The condition it is in now."
            error={errors.grade}
            onChange={(event) => update({ grade: event.target.value as OutcomeDraft['grade'] })}
          />
        ) : null}
        <TextField
          label={`Actual cost (${order.currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={draft.cost}
          hint={`Estimate: ${formatMoney(order.estimatedCostMinor, order.currency)}.`}
          error={errors.actualCostMinor}
          onChange={(event) => update({ cost: event.target.value })}
        />
      </div>
      <TextAreaField
        label="Note"
        value={draft.note}
        maxLength={2000}
        hint={
          draft.outcome === 'beyond_repair' ? 'Why it cannot be repaired.' : 'What was done, for the record (optional).'
        }
        error={errors.note}
        onChange={(event) => update({ note: event.target.value })}
      />
      {errors.form ? (
        <Alert tone="error">
          {errors.form}{' '}
          {serverErrors?.isStale ? (
            <button type="button" className="link-button" onClick={onReload}>
              Reload the work order
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={report.isPending}>
          {report.isPending ? 'Reporting…' : 'Report outcome'}
        </button>
      </div>
    </form>
  );
}

function outcomeErrorsFrom(error: unknown, order: PartnerWorkOrder): OutcomeErrors & { isStale?: boolean } {
  if (isApiError(error) && (error.status === 412 || error.status === 409))
    return {
      isStale: true,
      form: `${order.workOrderNumber} changed since you opened it (perhaps it was already reported). Reload it to see where it stands.`,
    };
  return formErrorsFrom(error, ['outcome', 'grade', 'actualCostMinor', 'note'] as const);
}
