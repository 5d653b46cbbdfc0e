import { useRef, useState, type FormEvent } from 'react';
import { roleCan } from '../../../../src/contracts/permissions.js';
import { formErrorsFrom, type FormErrors } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import {
  useDecideDisposition,
  type DecideDispositionBody,
  type DispositionOption,
  type RecommendationResponse,
} from '../../api/dispositions.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { Alert } from '../../ui/alert.js';
import { Field, SelectField, TextAreaField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';

type DecideField = 'code' | 'overrideReason' | 'partnerId';
type Recommendation = RecommendationResponse['recommendation'];

type Option = RecommendationResponse['options'][number];

// A partner is asked for only when the code sends the unit to an outside repair partner.
const needsPartner = (option: Option | undefined) =>
  option !== undefined &&
  (option.action === 'repair' || option.action === 'refurbish') &&
  option.performer === 'partner';

/** Confirm the recommendation, or choose another code with a reason; either executes at once. */
export function DecideDisposition({
  inspectionId,
  recommendation,
  options,
  repairPartners,
}: {
  inspectionId: string;
  recommendation: Recommendation;
  options: RecommendationResponse['options'];
  repairPartners: RecommendationResponse['repairPartners'];
}) {
  const user = useCurrentUser();
  const decide = useDecideDisposition();
  const toast = useToast();
  const [isChoosing, setIsChoosing] = useState(false);
  const [code, setCode] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [errors, setErrors] = useState<FormErrors<DecideField>>({});
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const mayScrap = roleCan(user.role, 'disposition.approve_scrap');
  const isBarred = (option: Pick<DispositionOption, 'needsScrapApproval'>) => option.needsScrapApproval && !mayScrap;
  const recommended = options.find((option) => option.code === recommendation.code);
  const chosen = options.find((option) => option.code === code);
  const asksForPartner = needsPartner(isChoosing ? chosen : recommended);

  function send(body: DecideDispositionBody, label: string) {
    // A retry of the same decision reuses its key, so a lost answer cannot execute it twice.
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    decide.mutate(
      { inspectionId, body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: () => toast.show(`${label}: decided and executed`),
        onError: (failure) => setErrors(formErrorsFrom(failure, ['code', 'overrideReason', 'partnerId'] as const)),
      },
    );
  }

  function partnerPart(): Pick<DecideDispositionBody, 'partnerId'> {
    return asksForPartner && partnerId !== '' ? { partnerId } : {};
  }

  function confirm() {
    setErrors({});
    send(
      { code: recommendation.code, rulesVersion: recommendation.rulesVersion, ...partnerPart() },
      recommendation.label,
    );
  }

  function override(event: FormEvent) {
    event.preventDefault();
    const missing: FormErrors<DecideField> = {};
    if (!chosen) missing.code = 'Choose what to do instead.';
    if (overrideReason.trim() === '') missing.overrideReason = 'Say why not the recommendation.';
    setErrors(missing);
    if (!chosen || Object.keys(missing).length > 0) return;
    send(
      {
        code: chosen.code,
        rulesVersion: recommendation.rulesVersion,
        overrideReason: overrideReason.trim(),
        ...partnerPart(),
      },
      chosen.label,
    );
  }

  const partnerField =
    asksForPartner && repairPartners.length > 0 ? (
      <SelectField
        label="Repair partner"
        hint="The outside partner that does this repair."
        placeholder="Choose a partner"
        value={partnerId}
        options={repairPartners.map((partner) => ({ value: partner.id, label: `${partner.code} · ${partner.name}` }))}
        error={errors.partnerId}
        onChange={(event) => setPartnerId(event.target.value)}
      />
    ) : null;

  if (!isChoosing) {
    const isConfirmBarred = recommended ? isBarred(recommended) : false;
    return (
      <div className="decide-disposition">
        {partnerField}
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        {isConfirmBarred ? (
          <p className="muted">Scrapping writes the goods off: someone entitled to approve write-offs decides it.</p>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={decide.isPending || isConfirmBarred}
            onClick={confirm}
          >
            {decide.isPending ? 'Executing…' : `Confirm ${recommendation.label}`}
          </button>
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => {
              setErrors({});
              setIsChoosing(true);
            }}
          >
            Choose another…
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="decide-disposition" aria-label="Choose another disposition" onSubmit={override} noValidate>
      <CodeSelect
        options={options.filter((option) => option.code !== recommendation.code)}
        value={code}
        error={errors.code}
        isBarred={isBarred}
        onChange={(next) => {
          setCode(next);
          setErrors(({ code: _code, form: _form, ...rest }) => rest);
        }}
      />
      {partnerField}
      <TextAreaField
        label="Why not the recommendation"
        hint="Recorded with the decision, for whoever audits it."
        value={overrideReason}
        maxLength={1000}
        error={errors.overrideReason}
        onChange={(event) => {
          setOverrideReason(event.target.value);
          setErrors(({ overrideReason: _reason, form: _form, ...rest }) => rest);
        }}
      />
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={decide.isPending}>
          {decide.isPending ? 'Executing…' : chosen ? `Decide ${chosen.label}` : 'Decide'}
        </button>
        <button
          type="button"
          className="button"
          disabled={decide.isPending}
          onClick={() => {
            setErrors({});
            setIsChoosing(false);
          }}
        >
          Back to the recommendation
        </button>
      </div>
    </form>
  );
}

/** The codes to choose from; scrapping is greyed out for those who may not approve a write-off. */
function CodeSelect({
  options,
  value,
  error,
  isBarred,
  onChange,
}: {
  options: readonly DispositionOption[];
  value: string;
  error: string | undefined;
  isBarred: (option: DispositionOption) => boolean;
  onChange: (code: string) => void;
}) {
  const chosen = options.find((option) => option.code === value);
  const hasBarred = options.some(isBarred);
  return (
    <Field
      label="Disposition"
      error={error}
      hint={
        <>
          {chosen ? chosen.description : 'What to do with the units instead.'}
          {hasBarred ? (
            <span> Scrapping needs someone entitled to approve write-offs (quality, operations manager or admin).</span>
          ) : null}
        </>
      }
    >
      {(control) => (
        <select
          className="input"
          value={value}
          {...control}
          onChange={(event) => onChange(event.target.value)}
          data-autofocus
        >
          <option value="">Choose a disposition</option>
          {options.map((option) => (
            <option key={option.code} value={option.code} disabled={isBarred(option)}>
              {option.label}
              {isBarred(option) ? ' — needs a write-off approver' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
