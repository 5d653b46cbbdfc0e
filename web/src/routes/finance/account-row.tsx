import { useState } from 'react';
import { formErrorsFrom, isApiError, type FormErrors } from '../../api/api-error.js';
import { useUpdateAccount, type LedgerAccount, type UpdateAccountBody } from '../../api/ledger.js';
import { Badge } from '../../ui/badge.js';
import { TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { useToast } from '../../ui/toast.js';

const FIELDS = ['code', 'name', 'isActive'] as const;
type RowErrors = FormErrors<(typeof FIELDS)[number]> & { isConflict?: boolean };

/**
 * One account, edited in place: code and name saved together, switched off or on by itself. Each
 * change is based on the version the draft started from (If-Match); when someone else changed the
 * account meanwhile it is refused, and Reload shows their change before anything is saved over it.
 */
export function AccountRow({ account }: { account: LedgerAccount }) {
  const [base, setBase] = useState(account);
  const [code, setCode] = useState(account.code);
  const [name, setName] = useState(account.name);
  const [errors, setErrors] = useState<RowErrors>({});
  const update = useUpdateAccount();
  const toast = useToast();
  const isDirty = code !== base.code || name !== base.name;

  function adopt(latest: LedgerAccount) {
    setBase(latest);
    setCode(latest.code);
    setName(latest.name);
    setErrors({});
  }

  // Untouched rows follow the list as it is read again (someone else's change shows at once).
  if (!isDirty && !errors.isConflict && account.version !== base.version) adopt(account);

  function send(changes: UpdateAccountBody, done: string) {
    update.mutate(
      { id: account.id, version: base.version, changes },
      {
        onSuccess: (saved) => {
          adopt(saved);
          toast.show(done.replace('{code}', saved.code));
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412)
            setErrors({
              isConflict: true,
              form: `Account ${base.code} was changed meanwhile by someone else. Reload it to see the change, then try again.`,
            });
          else setErrors(formErrorsFrom(error, FIELDS));
        },
      },
    );
  }

  function save() {
    const changes: UpdateAccountBody = {};
    if (code.trim() !== base.code) changes.code = code.trim();
    if (name.trim() !== base.name) changes.name = name.trim();
    send(changes, 'Account {code} saved');
  }

  const label = `account ${base.code}`;
  return (
    <tr className={base.isActive ? undefined : 'row--inactive'}>
      <td>
        <TextField
          label={`Code of ${label}`}
          hideLabel
          className="field--narrow"
          value={code}
          maxLength={20}
          autoComplete="off"
          error={errors.code}
          onChange={(event) => {
            setCode(event.target.value.toUpperCase());
            setErrors({});
          }}
        />
      </td>
      <td>
        <TextField
          label={`Name of ${label}`}
          hideLabel
          value={name}
          maxLength={120}
          autoComplete="off"
          error={errors.name}
          onChange={(event) => {
            setName(event.target.value);
            setErrors({});
          }}
        />
      </td>
      <td>{humanize(base.type)}</td>
      <td>{base.role ? humanize(base.role) : '—'}</td>
      <td>
        {base.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="muted">Switched off</Badge>}
        {errors.isActive ? <span className="field__error">{errors.isActive}</span> : null}
      </td>
      <td>
        <span className="button-row">
          <button
            type="button"
            className="button button--small button--primary"
            disabled={!isDirty || update.isPending}
            onClick={save}
          >
            Save<span className="visually-hidden"> {label}</span>
          </button>
          {/* Postings need the accounts they are made to: those are renamed, never switched off. */}
          {base.role === null ? (
            <button
              type="button"
              className="button button--small"
              disabled={update.isPending}
              onClick={() =>
                send(
                  { isActive: !base.isActive },
                  base.isActive ? 'Account {code} switched off' : 'Account {code} switched on',
                )
              }
            >
              {base.isActive ? 'Switch off' : 'Switch on'}
              <span className="visually-hidden"> {label}</span>
            </button>
          ) : null}
        </span>
        {errors.form ? (
          <span className="field__error" role="alert">
            {errors.form}{' '}
            {errors.isConflict ? (
              <button type="button" className="link-button" onClick={() => adopt(account)}>
                Reload<span className="visually-hidden"> {label}</span>
              </button>
            ) : null}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
