import { useRef, useState, type FormEvent } from 'react';
import type { Customer } from '../../../../src/contracts/masterdata.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { useCustomer } from '../../api/customers.js';
import type { CreateTradingPartnerBody } from '../../api/edi.js';
import { useSuppliers } from '../../api/suppliers.js';
import { Alert } from '../../ui/alert.js';
import { CheckboxField, SelectField, TextField } from '../../ui/field.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { CheckboxGroup } from '../admin/checkbox-group.js';
import { CustomerPicker } from '../warehouse/customer-picker.js';
import { DOCUMENT_KINDS, KIND_LABELS } from './edi-labels.js';
import { MappingTables } from './mapping-tables.js';
import {
  buildPartnerBody,
  fieldOfPath,
  validatePartnerDraft,
  type PartnerDraft,
  type PartnerErrors,
} from './partner-draft.js';

const USAGE_OPTIONS = [
  { value: 'P', label: 'P · production' },
  { value: 'T', label: 'T · test' },
];

/** What the form shows after a refusal; `isConflict` when someone else saved the partner meanwhile. */
export type PartnerSaveErrors = PartnerErrors & { isConflict?: boolean };

/** A refusal beside the fields it names (mapping paths under Mappings), the rest above the buttons. */
export function partnerErrorsFrom(error: unknown): PartnerSaveErrors {
  if (isApiError(error) && error.status === 412) {
    return {
      isConflict: true,
      form: 'This trading partner was changed by someone else while you were editing. Reload it to see their change, then make yours again.',
    };
  }
  const errors: PartnerSaveErrors = {};
  if (!isApiError(error)) return { form: describeError(error) };
  let isUnmapped = false;
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const field = fieldOfPath(path);
    if (!field) {
      isUnmapped = true;
      continue;
    }
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    errors[field] = field === 'mappings' ? `${errors.mappings ? `${errors.mappings} ` : ''}${path}: ${text}` : text;
  }
  if (isUnmapped || Object.keys(errors).length === 0) errors.form = describeError(error);
  return errors;
}

/** The supplier whose claims go to this partner as 812 debits (optional). */
function SupplierSelect({ value, error, onChange }: { value: string; error?: string; onChange: (id: string) => void }) {
  const suppliers = useSuppliers();
  return (
    <SelectField
      label="Supplier"
      value={value}
      placeholder={suppliers.isPending ? 'Loading the suppliers…' : 'None'}
      options={(suppliers.data?.items ?? []).map((supplier) => ({
        value: supplier.id,
        label: `${supplier.code} · ${supplier.name}`,
      }))}
      hint="Our 812s for claims against this supplier go to this partner."
      error={error ?? (suppliers.isError ? 'Could not load the suppliers.' : undefined)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/**
 * A trading partner's set-up: who it is, the ISA/GS ids both ways, the documents exchanged, its
 * folders, and how its codes map onto ours. Errors beside their fields (ours after the first
 * submit, then the server's).
 */
export function PartnerForm({
  initial,
  isNew,
  isSaving,
  submitLabel,
  onSave,
  onReload,
}: {
  initial: PartnerDraft;
  isNew: boolean;
  isSaving: boolean;
  submitLabel: string;
  /** Sends the body; resolves to the server's refusal, or null when saved. */
  onSave: (body: CreateTradingPartnerBody) => Promise<PartnerSaveErrors | null>;
  onReload?: () => void;
}) {
  const [draft, setDraft] = useState<PartnerDraft>(initial);
  // undefined: the partner's current customer, shown once loaded.
  const [picked, setPicked] = useState<Customer | null | undefined>(undefined);
  const [isAttempted, setIsAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<PartnerSaveErrors | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const current = useCustomer(initial.customerId ?? '', {
    enabled: initial.customerId !== null && picked === undefined,
  });
  useFocusFirstInvalid(formRef, focusRequest);

  const clientErrors = validatePartnerDraft(draft, isNew);
  const errors: PartnerSaveErrors = { ...(isAttempted ? clientErrors : {}), ...serverErrors };
  const chosenCustomer = picked !== undefined ? picked : (current.data ?? null);

  function update(changes: Partial<PartnerDraft>) {
    setServerErrors(null);
    setDraft((before) => ({ ...before, ...changes }));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    if (Object.keys(clientErrors).length > 0) {
      setFocusRequest((count) => count + 1);
      return;
    }
    const refused = await onSave(buildPartnerBody(draft));
    if (refused) {
      setServerErrors(refused);
      setFocusRequest((count) => count + 1);
    }
  }

  const text = (field: keyof PartnerDraft & keyof PartnerErrors, label: string, hint?: string, maxLength = 15) => (
    <TextField
      label={label}
      value={String(draft[field])}
      maxLength={maxLength}
      hint={hint}
      error={errors[field]}
      onChange={(event) => update({ [field]: event.target.value })}
    />
  );

  return (
    <form ref={formRef} onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={submitLabel}>
      <fieldset className="panel">
        <legend>The partner</legend>
        <div className="form-grid">
          {isNew ? (
            <TextField
              label="Code"
              value={draft.code}
              maxLength={40}
              hint="Letters, digits, - and _; it never changes."
              error={errors.code}
              onChange={(event) => update({ code: event.target.value })}
              data-autofocus
            />
          ) : (
            <TextField label="Code" value={draft.code} readOnly hint="The code never changes." />
          )}
          {text('name', 'Name', undefined, 200)}
        </div>
        <CustomerPicker
          chosen={chosenCustomer}
          required={false}
          error={errors.customerId}
          hint="Their 180s become returns of this customer; our 812s for its credit memos go to them."
          placeholder="Search by name or account number"
          onChoose={(customer) => {
            setPicked(customer);
            update({ customerId: customer?.id ?? null });
          }}
        />
        <SupplierSelect
          value={draft.supplierId}
          error={errors.supplierId}
          onChange={(id) => update({ supplierId: id })}
        />
        <CheckboxField
          label="Active"
          hint="An inactive partner's files are rejected and nothing is sent to it."
          checked={draft.isActive}
          onChange={(event) => update({ isActive: event.target.checked })}
        />
      </fieldset>
      <fieldset className="panel">
        <legend>Interchange ids</legend>
        <div className="form-grid">
          {text('interchangeQualifier', 'Their qualifier', 'ISA05, e.g. ZZ, 01 or 12.', 2)}
          {text('interchangeId', 'Their interchange id', 'ISA06: who the files come from.')}
          {text('groupId', 'Their group id', 'GS02.')}
        </div>
        <div className="form-grid">
          {text('ourInterchangeQualifier', 'Our qualifier', 'ISA07.', 2)}
          {text('ourInterchangeId', 'Our interchange id', 'ISA08: the id they send to.')}
          {text('ourGroupId', 'Our group id', 'GS03.')}
        </div>
        <div className="form-grid">
          {text('x12Version', 'X12 version', 'GS08, e.g. 004010 or 005010.', 6)}
          <SelectField
            label="Usage"
            value={draft.usage}
            options={USAGE_OPTIONS}
            hint="ISA15: production or test files."
            error={errors.usage}
            onChange={(event) => update({ usage: event.target.value as 'P' | 'T' })}
          />
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>Documents and folders</legend>
        <CheckboxGroup
          legend="Documents exchanged"
          options={DOCUMENT_KINDS}
          selected={draft.documents}
          error={errors.documents}
          labelFor={(kind) => KIND_LABELS[kind]}
          onChange={(documents) => update({ documents })}
        />
        <div className="form-grid">
          {text(
            'inboundDirectory',
            'Inbound folder',
            'Where their files arrive (absolute path); empty to hand files in by hand.',
            500,
          )}
          {text('outboundDirectory', 'Outbound folder', 'Where our documents are written; empty for none.', 500)}
        </div>
      </fieldset>
      <MappingTables value={draft} error={errors.mappings} onChange={update} />
      {errors.form ? (
        <Alert tone="error">
          {errors.form}{' '}
          {errors.isConflict && onReload ? (
            <button type="button" className="link-button" onClick={onReload}>
              Reload the partner
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div className="button-row button-row--end">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {isSaving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
