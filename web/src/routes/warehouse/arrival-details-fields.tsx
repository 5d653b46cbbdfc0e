import type { Site } from '../../../../src/contracts/masterdata.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field.js';
import type { ArrivalDraft, ArrivalErrors } from './arrival-draft.js';
import { CustomerPicker } from './customer-picker.js';

/** Who sent the goods, where they arrived, the carrier's reference and what was found. */
export function ArrivalDetailsFields({
  draft,
  errors,
  sites,
  onDraftChange,
}: {
  draft: ArrivalDraft;
  errors: ArrivalErrors;
  sites: Site[];
  onDraftChange: (change: (current: ArrivalDraft) => ArrivalDraft) => void;
}) {
  const siteOptions = sites.map((site) => ({
    value: site.id,
    label: `${site.code} · ${site.name}${site.city ? ` (${site.city})` : ''}`,
  }));
  return (
    <fieldset className="panel">
      <legend>The arrival</legend>
      <div className="form-grid">
        <div>
          {draft.isSenderUnknown ? (
            <TextAreaField
              label="Sender as the parcel shows it"
              value={draft.sender}
              maxLength={1000}
              required
              error={errors['sender']}
              hint="Name, address, any account or order number on the label or paperwork."
              onChange={(event) => {
                const sender = event.target.value;
                onDraftChange((current) => ({ ...current, sender }));
              }}
            />
          ) : (
            <CustomerPicker
              chosen={draft.customer}
              error={errors['customerId']}
              onChoose={(customer) => onDraftChange((current) => ({ ...current, customer }))}
            />
          )}
          <CheckboxField
            label="The sender is not one of our customers, or cannot be told"
            hint="The arrival then waits in receiving, under its own number, until someone identifies it."
            checked={draft.isSenderUnknown}
            onChange={(event) => {
              const isSenderUnknown = event.target.checked;
              onDraftChange((current) => ({ ...current, isSenderUnknown }));
            }}
          />
        </div>
        <div>
          <SelectField
            label="Receiving site"
            value={draft.siteId}
            options={siteOptions}
            placeholder="Choose the site…"
            required
            error={errors['siteId']}
            onChange={(event) => {
              const siteId = event.target.value;
              onDraftChange((current) => ({ ...current, siteId }));
            }}
          />
          <TextField
            label="Carrier or tracking reference"
            value={draft.carrierReference}
            maxLength={80}
            error={errors['carrierReference']}
            hint="Optional: the tracking number or delivery note."
            onChange={(event) => {
              const carrierReference = event.target.value;
              onDraftChange((current) => ({ ...current, carrierReference }));
            }}
          />
        </div>
      </div>
      <TextAreaField
        label="Note"
        value={draft.note}
        maxLength={4000}
        required
        error={errors['note']}
        hint="Required. Describe what arrived: packaging, labels, paperwork, anything that identifies the sender or why it was sent."
        onChange={(event) => {
          const note = event.target.value;
          onDraftChange((current) => ({ ...current, note }));
        }}
      />
    </fieldset>
  );
}
