import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../api/api-error.js';
import { findReturnByNumber } from '../../api/receipts.js';
import { RECEIPT_EXCEPTIONS_PATH, receivePath } from '../../auth/permissions.js';
import { Field } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';

/** Where receiving starts: scan the return label (its barcode holds just the RMA number) or type it. */
export function ReceiveStartPage() {
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const find = useMutation({ mutationFn: findReturnByNumber });

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = number.trim();
    if (wanted === '') {
      setError('Scan the return label, or type the RMA number.');
      inputRef.current?.focus();
      return;
    }
    find.mutate(wanted, {
      onSuccess: (rma) => {
        if (rma) {
          void navigate(receivePath(rma.id));
          return;
        }
        setError(`No return has the number ${wanted}.`);
        setNumber('');
        inputRef.current?.focus();
      },
      onError: (failure) => {
        setError(describeError(failure));
        inputRef.current?.focus();
      },
    });
  }

  return (
    <>
      <PageHeader
        title="Receive a return"
        subtitle="Scan the return label on the parcel (its barcode holds the RMA number), or type the number."
        actions={
          <Link className="button" to={RECEIPT_EXCEPTIONS_PATH}>
            Receipt exceptions
          </Link>
        }
      />
      <form className="panel receive-start" onSubmit={submit} noValidate aria-label="Find the return">
        <Field label="RMA number" error={error}>
          {(control) => (
            <input
              ref={inputRef}
              className="input input--scan"
              placeholder="RMA-0000123"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              enterKeyHint="go"
              autoFocus
              value={number}
              onChange={(event) => {
                setNumber(event.target.value);
                setError(undefined);
              }}
              {...control}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={find.isPending}>
            {find.isPending ? 'Finding…' : 'Open the return'}
          </button>
        </div>
      </form>
    </>
  );
}
