import { useState } from 'react';
import { describeError, isApiError } from '../../api/api-error.js';
import { useDecideClaim, type SupplierClaimView } from '../../api/supplier-claims.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from '../operations/operation-dialog.js';
import { CLAIM_STATUS_LABELS, money } from './claim-labels.js';
import {
  acceptedTotal,
  buildDecisionBody,
  decisionErrorsFromProblem,
  emptyDecisionDraft,
  validateDecision,
  type Decision,
  type DecisionDraft,
  type DecisionErrors,
} from './decision-draft.js';

const CHOICES: { value: Decision; label: string; hint: string }[] = [
  { value: 'accept', label: 'Accept in full', hint: 'Every line as claimed.' },
  { value: 'partially_accept', label: 'Partially accept', hint: 'Say what is accepted per line, and why not all.' },
  { value: 'reject', label: 'Reject', hint: 'Nothing is accepted; say why.' },
];

/**
 * The supplier's answer: accepted in full, in part (line by line, never above what was claimed) or
 * rejected, with a note for anything short of full. The supplier answers itself, or finance records
 * the answer it gave by e-mail. What it accepted becomes the receivable in the books.
 */
export function DecideClaimDialog({
  claim,
  isSupplier,
  onClose,
  onStale,
}: {
  claim: SupplierClaimView;
  isSupplier: boolean;
  onClose: () => void;
  onStale: () => void;
}) {
  const [draft, setDraft] = useState<DecisionDraft>(() => emptyDecisionDraft(claim));
  const [errors, setErrors] = useState<DecisionErrors>({});
  const form = useOperationForm([] as const, claim.claimNumber);
  const decide = useDecideClaim();
  const toast = useToast();
  const title = isSupplier ? `Answer ${claim.claimNumber}` : `Record the supplier’s decision on ${claim.claimNumber}`;
  const total = draft.decision === 'partially_accept' ? acceptedTotal(draft, claim) : null;

  function update(changes: Partial<DecisionDraft>) {
    setErrors({});
    setDraft((current) => ({ ...current, ...changes }));
  }

  function submit() {
    const found = validateDecision(draft, claim);
    const body = buildDecisionBody(draft, claim);
    if (Object.keys(found).length > 0 || !body) {
      setErrors(found);
      return;
    }
    decide.mutate(
      { id: claim.id, version: claim.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: (decided) => {
          toast.show(`${claim.claimNumber} ${CLAIM_STATUS_LABELS[decided.status].toLowerCase()}`);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412) {
            onClose();
            onStale();
          } else if (isApiError(error) && error.status === 422) {
            setErrors(decisionErrorsFromProblem(error.problem.errors ?? [], describeError(error), claim));
          } else setErrors({ form: describeError(error) });
        },
      },
    );
  }

  return (
    <OperationDialog
      title={title}
      formLabel={title}
      onClose={onClose}
      onSubmit={submit}
      isPending={decide.isPending}
      submitLabel={isSupplier ? 'Send answer' : 'Record decision'}
      pendingLabel="Saving…"
      formError={errors.form}
    >
      <fieldset
        className={`choice-group${errors.decision ? ' choice-group--invalid' : ''}`}
        aria-describedby={errors.decision ? 'claim-decision-error' : undefined}
      >
        <legend className="field__label">{isSupplier ? 'Your answer' : 'The supplier’s answer'}</legend>
        {CHOICES.map((choice, index) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="decision"
              value={choice.value}
              checked={draft.decision === choice.value}
              data-autofocus={index === 0 ? true : undefined}
              onChange={() => update({ decision: choice.value })}
            />
            <span>
              <span className="choice__label">{choice.label}</span>
              <span className="choice__hint">{choice.hint}</span>
            </span>
          </label>
        ))}
        {errors.decision ? (
          <p id="claim-decision-error" className="field__error">
            {errors.decision}
          </p>
        ) : null}
      </fieldset>
      {draft.decision === 'partially_accept' ? (
        <AcceptedAmounts
          claim={claim}
          draft={draft}
          errors={errors.lines ?? {}}
          onChange={(lineId, value) => update({ amounts: { ...draft.amounts, [lineId]: value } })}
        />
      ) : null}
      {draft.decision === 'partially_accept' && total !== null ? (
        <p className="claim-decision-total">
          Accepted: <strong>{money(total, claim.currency)}</strong> of {money(claim.claimedMinor, claim.currency)}{' '}
          claimed
        </p>
      ) : null}
      {draft.decision !== '' && draft.decision !== 'accept' ? (
        <TextAreaField
          label="Note"
          hint="Why the claim is not accepted in full; the other side reads it."
          value={draft.note}
          maxLength={1000}
          error={errors.note}
          onChange={(event) => update({ note: event.target.value })}
        />
      ) : null}
    </OperationDialog>
  );
}

/** One amount per line, starting at what was claimed. */
function AcceptedAmounts({
  claim,
  draft,
  errors,
  onChange,
}: {
  claim: SupplierClaimView;
  draft: DecisionDraft;
  errors: Record<string, string>;
  onChange: (lineId: string, value: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table claim-decision-lines">
        <caption className="visually-hidden">Accepted per line</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="align-right">
              Claimed
            </th>
            <th scope="col">Accepted ({claim.currency})</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((line, index) => {
            const name = `Line ${index + 1}: ${line.productSku ?? line.productId}`;
            return (
              <tr key={line.id}>
                <th scope="row" className="claim-line__name">
                  {name}
                  <span className="cell-sub">
                    {line.quantity === 1 ? '1 unit' : `${line.quantity} units`}
                    {line.serial || line.lot ? ` · ${line.serial || line.lot}` : ''}
                  </span>
                </th>
                <td className="align-right claim-amount">{money(line.claimedMinor, claim.currency)}</td>
                <td>
                  <TextField
                    label={`Accepted for line ${index + 1}`}
                    hideLabel
                    inputMode="decimal"
                    value={draft.amounts[line.id] ?? ''}
                    error={errors[line.id]}
                    onChange={(event) => onChange(line.id, event.target.value)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
