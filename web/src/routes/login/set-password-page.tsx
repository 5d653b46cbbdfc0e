import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { MIN_PASSWORD_LENGTH, SetPasswordBodySchema } from '../../../../src/contracts/identity.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { useSetPassword } from '../../api/users.js';
import { Alert } from '../../ui/alert.js';
import { TextField } from '../../ui/field.js';

type PasswordErrors = Partial<Record<'password' | 'repeat' | 'form', string>>;
/** Where the page stands: the form, the password set, or a link the server refused (with its reason). */
type Outcome = { kind: 'form' } | { kind: 'done' } | { kind: 'invalid-link'; message: string };

/**
 * The public page an invitation or reset link opens: the person chooses their password, twice. The
 * token is in the URL's fragment (`#token=…`), which the browser never sends to the server.
 */
export function SetPasswordPage() {
  const { hash } = useLocation();
  const token = tokenFrom(hash);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'form' });

  return (
    <div className="set-password">
      <section className="card login__card" aria-labelledby="set-password-title">
        {!token ? (
          <LinkProblem title="This page needs your link">
            Open the link an administrator sent you; it ends in <code>#token=…</code>. If it does not work, ask them for
            a new one.
          </LinkProblem>
        ) : outcome.kind === 'invalid-link' ? (
          <LinkProblem title="This link cannot be used">
            {outcome.message || 'Ask an administrator for a new link.'}
          </LinkProblem>
        ) : outcome.kind === 'done' ? (
          <>
            <h1 id="set-password-title" tabIndex={-1} ref={(heading) => heading?.focus()}>
              Your password is set
            </h1>
            <p>Sign in with your e-mail address and the new password.</p>
            <Link to="/login" className="button button--primary button--block">
              Sign in
            </Link>
          </>
        ) : (
          <PasswordForm token={token} onOutcome={setOutcome} />
        )}
      </section>
    </div>
  );
}

function PasswordForm({ token, onOutcome }: { token: string; onOutcome: (outcome: Outcome) => void }) {
  const setPassword = useSetPassword();
  const [password, setPasswordText] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const next = validate(password, repeat);
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setPassword.mutate(
      { token, password },
      {
        onSuccess: () => onOutcome({ kind: 'done' }),
        onError: (error) => {
          const fields = isApiError(error) ? error.fieldErrors() : {};
          if (isApiError(error) && error.status === 400 && fields['token']) {
            onOutcome({ kind: 'invalid-link', message: describeError(error) });
          } else if (fields['password']) {
            setErrors({ password: capitalize(fields['password']) });
          } else {
            setErrors({ form: describeError(error) });
          }
        },
      },
    );
  }

  return (
    <>
      <h1 id="set-password-title">Choose your password</h1>
      <p className="muted">For signing in to Boomerang. The link works once.</p>
      <form onSubmit={handleSubmit} noValidate>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField
          label="New password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          value={password}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
          error={errors.password}
          onChange={(event) => setPasswordText(event.target.value)}
          autoFocus
        />
        <TextField
          label="Repeat the new password"
          type="password"
          name="repeat-password"
          autoComplete="new-password"
          value={repeat}
          error={errors.repeat}
          onChange={(event) => setRepeat(event.target.value)}
        />
        <button type="submit" className="button button--primary button--block" disabled={setPassword.isPending}>
          {setPassword.isPending ? 'Setting the password…' : 'Set password'}
        </button>
      </form>
    </>
  );
}

function LinkProblem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 id="set-password-title">{title}</h1>
      <Alert tone="error">{children}</Alert>
      <p>
        <Link to="/login">Go to sign-in</Link>
      </p>
    </>
  );
}

function validate(password: string, repeat: string): PasswordErrors {
  const errors: PasswordErrors = {};
  if (!SetPasswordBodySchema.shape.password.safeParse(password).success) {
    errors.password =
      password.length < MIN_PASSWORD_LENGTH
        ? `Use at least ${MIN_PASSWORD_LENGTH} characters.`
        : 'Use at most 200 characters.';
  }
  if (repeat !== password) {
    errors.repeat = 'The two passwords are not the same.';
  }
  return errors;
}

/** The token from `#token=…`; null when the fragment has none. */
function tokenFrom(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
