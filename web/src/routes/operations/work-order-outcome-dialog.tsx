import { useState } from 'react';
import { GRADE_LABELS } from '../../../../src/contracts/inspection-vocabulary.js';
import { useReportWorkOrderOutcome, type WorkOrder } from '../../api/operations.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { formatMoney } from '../../ui/money.js';
import { useToast } from '../../ui/toast.js';
import {
  buildOutcomeBody,
  EMPTY_OUTCOME_DRAFT,
  REPAIRED_GRADES,
  validateOutcomeDraft,
  type OutcomeDraft,
} from '../partner/outcome-draft.js';
import { OperationDialog, useOperationForm } from './operation-dialog.js';
import { productLabel, unitDetail } from './operations-labels.js';

const FIELDS = ['outcome', 'grade', 'actualCostMinor', 'note'] as const;
const GRADE_OPTIONS = REPAIRED_GRADES.map((grade) => ({ value: grade, label: GRADE_LABELS[grade] }));
const CHOICES = [
  { value: 'repaired', label: 'Repaired', hint: 'It works again: back into saleable stock at the grade given.' },
  { value: 'beyond_repair', label: 'Beyond repair', hint: 'It cannot be repaired economically: it is written off.' },
] as const;

/** Our bench's outcome of a work order: repaired at a grade, or beyond repair; with what it cost. */
export function WorkOrderOutcomeDialog({ order, onClose }: { order: WorkOrder; onClose: () => void }) {
  const [draft, setDraft] = useState<OutcomeDraft>(EMPTY_OUTCOME_DRAFT);
  const form = useOperationForm(FIELDS, order.workOrderNumber);
  const report = useReportWorkOrderOutcome();
  const toast = useToast();
  const { errors } = form;

  function update(changes: Partial<OutcomeDraft>, field: (typeof FIELDS)[number]) {
    setDraft((current) => ({ ...current, ...changes }));
    form.clear(field);
  }

  function submit() {
    const problems = validateOutcomeDraft(draft, order.currency);
    const body = buildOutcomeBody(draft, order.currency);
    if (!body) {
      form.setErrors(problems);
      return;
    }
    report.mutate(
      { id: order.id, version: order.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: (done) => {
          toast.show(
            `${done.workOrderNumber}: ${done.outcome === 'repaired' ? `repaired, restocked at grade ${done.outcomeGrade ?? ''}` : 'beyond repair, written off'}`,
          );
          onClose();
        },
        onError: form.refused,
      },
    );
  }

  const detail = unitDetail(order);
  return (
    <OperationDialog
      title={`Outcome of ${order.workOrderNumber}`}
      formLabel="Record the outcome"
      onClose={onClose}
      onSubmit={submit}
      isPending={report.isPending}
      submitLabel="Record outcome"
      pendingLabel="Recording…"
      formError={errors.form}
    >
      <p>
        {productLabel(order)} · {order.quantity} unit{order.quantity === 1 ? '' : 's'}
        {detail ? ` · ${detail}` : ''}
      </p>
      {order.findings ? <p className="muted">Inspection found: {order.findings}</p> : null}
      <fieldset
        className={`choice-group${errors.outcome ? ' choice-group--invalid' : ''}`}
        aria-describedby={errors.outcome ? 'bench-outcome-error' : undefined}
      >
        <legend className="field__label">Outcome</legend>
        {CHOICES.map((choice, index) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="bench-outcome"
              value={choice.value}
              checked={draft.outcome === choice.value}
              data-autofocus={index === 0 ? true : undefined}
              onChange={() => update({ outcome: choice.value }, 'outcome')}
            />
            <span>
              <span className="choice__label">{choice.label}</span>
              <span className="choice__hint">{choice.hint}</span>
            </span>
          </label>
        ))}
        {errors.outcome ? (
          <p id="bench-outcome-error" className="field__error">
            {errors.outcome}
          </p>
        ) : null}
      </fieldset>
      {draft.outcome === 'repaired' ? (
        <SelectField
          label="Grade"
          value={draft.grade}
          options={GRADE_OPTIONS}
          hint="The condition it is in now: it sets the value it is restocked at."
          error={errors.grade}
          onChange={(event) => update({ grade: event.target.value as OutcomeDraft['grade'] }, 'grade')}
        />
      ) : null}
      <TextField
        label={`Actual cost (${order.currency})`}
        inputMode="decimal"
        autoComplete="off"
        value={draft.cost}
        hint={`Estimate: ${formatMoney(order.estimatedCostMinor, order.currency)}.`}
        error={errors.actualCostMinor}
        onChange={(event) => update({ cost: event.target.value }, 'actualCostMinor')}
      />
      <TextAreaField
        label="Note"
        value={draft.note}
        maxLength={2000}
        hint={draft.outcome === 'beyond_repair' ? 'Why it cannot be repaired.' : 'What was done (optional).'}
        error={errors.note}
        onChange={(event) => update({ note: event.target.value }, 'note')}
      />
    </OperationDialog>
  );
}
