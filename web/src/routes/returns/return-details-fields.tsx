import type { ReturnType } from '../../../../src/contracts/returns.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import type { DraftErrors, ReturnDraft } from './return-draft.js';

const TYPE_MEANING: Record<ReturnType, string> = {
  standard: 'a standard return within the return window',
  serialized: 'each unit is received and inspected by its serial number',
  regulated: 'regulated goods follow the regulated-goods handling workflow',
  warranty: 'a warranty claim, checked against the warranty period instead of the return window',
  stock_rotation: 'stock rotation under the customer’s agreement',
  recall: 'a product recall',
};

/**
 * The return type follows from the goods chosen (regulated, serialized, otherwise standard). A
 * customer only says whether it is a warranty claim; staff may set any type (`overrideTypes`).
 */
export function ReturnDetailsFields({
  draft,
  errors,
  derivedType,
  overrideTypes,
  onDraftChange,
}: {
  draft: ReturnDraft;
  errors: DraftErrors;
  derivedType: ReturnType;
  overrideTypes: readonly ReturnType[] | null;
  onDraftChange: (change: (current: ReturnDraft) => ReturnDraft) => void;
}) {
  const effectiveType = draft.returnType || derivedType;
  return (
    <fieldset className="panel">
      <legend>About the return</legend>
      <div className="form-grid">
        {overrideTypes ? (
          <SelectField
            label="Return type"
            value={draft.returnType}
            options={overrideTypes.map((type) => ({ value: type, label: humanize(type) }))}
            placeholder={`From the lines: ${humanize(derivedType)}`}
            error={errors['returnType']}
            hint={`${humanize(effectiveType)}: ${TYPE_MEANING[effectiveType]}.`}
            onChange={(event) => {
              const returnType = event.target.value as ReturnType | '';
              onDraftChange((current) => ({ ...current, returnType }));
            }}
          />
        ) : (
          <div className="field">
            <CheckboxField
              label="This is a warranty claim: the goods are faulty"
              checked={draft.returnType === 'warranty'}
              onChange={(event) => {
                const returnType: ReturnType | '' = event.target.checked ? 'warranty' : '';
                onDraftChange((current) => ({ ...current, returnType }));
              }}
            />
            <p className="field__hint">
              Warranty claims follow the warranty period instead of the return window, and cover goods sold as
              non-returnable.
            </p>
            <p className="field__hint" aria-live="polite">
              Return type: <strong>{humanize(effectiveType)}</strong> — {TYPE_MEANING[effectiveType]}.
            </p>
            {errors['returnType'] ? <p className="field__error">{errors['returnType']}</p> : null}
          </div>
        )}
        <TextField
          label="Your reference"
          value={draft.customerReference}
          maxLength={80}
          error={errors['customerReference']}
          hint="Optional, e.g. your internal claim number."
          onChange={(event) => {
            const customerReference = event.target.value;
            onDraftChange((current) => ({ ...current, customerReference }));
          }}
        />
      </div>
      <TextAreaField
        label="Note"
        value={draft.note}
        maxLength={4000}
        error={errors['note']}
        hint="Anything that helps us handle the return: what went wrong, how the goods are packed."
        onChange={(event) => {
          const note = event.target.value;
          onDraftChange((current) => ({ ...current, note }));
        }}
      />
    </fieldset>
  );
}
