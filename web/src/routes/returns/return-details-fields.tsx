import type { ReturnType } from '../../../../src/contracts/returns.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import type { DraftErrors, ReturnDraft } from './return-draft.js';

export function ReturnDetailsFields({
  draft,
  errors,
  returnTypes,
  onDraftChange,
}: {
  draft: ReturnDraft;
  errors: DraftErrors;
  returnTypes: readonly ReturnType[];
  onDraftChange: (change: (current: ReturnDraft) => ReturnDraft) => void;
}) {
  return (
    <fieldset className="panel">
      <legend>About the return</legend>
      <div className="form-grid">
        <SelectField
          label="Return type"
          value={draft.returnType}
          options={returnTypes.map((type) => ({ value: type, label: humanize(type) }))}
          error={errors['returnType']}
          hint="Warranty claims follow the warranty period instead of the return window."
          onChange={(event) => {
            const returnType = event.target.value as ReturnType;
            onDraftChange((current) => ({ ...current, returnType }));
          }}
        />
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
