import { useRef, useState, type FormEvent } from 'react';
import { formErrorsFrom, type FormErrors } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useCreateAccount, type CreateAccountBody, type LegalEntity } from '../../api/ledger.js';
import { Alert } from '../../ui/alert.js';
import { SelectField, TextField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { ACCOUNT_TYPE_OPTIONS } from './finance-labels.js';

const FIELDS = ['code', 'name', 'type'] as const;
type Field = (typeof FIELDS)[number];

/** A new account in an entity's chart: its code, name and type. */
export function AddAccountForm({ entity }: { entity: LegalEntity }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const create = useCreateAccount();
  const toast = useToast();

  function clear(field: Field) {
    setErrors((current) => {
      const next: Record<string, string | undefined> = { ...current };
      delete next[field];
      delete next['form'];
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormErrors<Field> = {};
    if (code.trim() === '') missing.code = 'Enter the account code.';
    if (name.trim() === '') missing.name = 'Name the account.';
    if (type === '') missing.type = 'Choose the account type.';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    const body = {
      legalEntityId: entity.id,
      code: code.trim(),
      name: name.trim(),
      type: type as CreateAccountBody['type'],
    };
    // The same body keeps its key, so a retry after a lost answer cannot add the account twice.
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    create.mutate(
      { body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (account) => {
          toast.show(`Account ${account.code} · ${account.name} added to ${entity.code}`);
          setCode('');
          setName('');
          setType('');
          setErrors({});
        },
        onError: (error) => setErrors(formErrorsFrom(error, FIELDS)),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="add-account-title">
      <h2 id="add-account-title">Add an account</h2>
      <form className="finance-form" aria-label="Add an account" noValidate onSubmit={submit}>
        <TextField
          label="Code"
          className="field--narrow"
          value={code}
          maxLength={20}
          autoComplete="off"
          error={errors.code}
          onChange={(event) => {
            setCode(event.target.value.toUpperCase());
            clear('code');
          }}
        />
        <TextField
          label="Name"
          value={name}
          maxLength={120}
          autoComplete="off"
          error={errors.name}
          onChange={(event) => {
            setName(event.target.value);
            clear('name');
          }}
        />
        <SelectField
          label="Type"
          value={type}
          placeholder="Choose…"
          options={ACCOUNT_TYPE_OPTIONS}
          error={errors.type}
          onChange={(event) => {
            setType(event.target.value);
            clear('type');
          }}
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add account'}
        </button>
      </form>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
    </section>
  );
}
