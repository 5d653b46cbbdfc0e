import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { TokenRequestSchema } from '../../../../src/contracts/identity.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { useRequestToken } from '../../api/auth.js';
import { useAuth } from '../../auth/auth-context.js';
import { Alert } from '../../ui/alert.js';
import { TextField } from '../../ui/field.js';
import { DemoUsersHint } from './demo-users-hint.js';

type LoginErrors = Partial<Record<'email' | 'password' | 'form', string>>;

export function LoginPage() {
  const { session, signIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const requestToken = useRequestToken();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<LoginErrors>({});
  const next = safeNext(searchParams.get('next'));

  if (session) return <Navigate to={next} replace />;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = TokenRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      const fieldErrors: LoginErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'email' ? 'email' : 'password';
        fieldErrors[key] ??= key === 'email' ? 'Enter your e-mail address.' : 'Enter your password.';
      }
      setErrors(fieldErrors);
      return;
    }
    setErrors({});
    requestToken.mutate(parsed.data, {
      onSuccess: (token) => {
        signIn(token);
        void navigate(next, { replace: true });
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 401) {
          setErrors({ password: 'The e-mail address or password is not correct.' });
        } else {
          setErrors({ form: describeError(error) });
        }
      },
    });
  }

  return (
    <div className="login">
      <section className="card login__card" aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Boomerang</h1>
        <p className="muted">Returns management for distributors</p>
        <form onSubmit={handleSubmit} noValidate>
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <TextField
            label="E-mail"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.target.value)}
            autoFocus
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" className="button button--primary button--block" disabled={requestToken.isPending}>
            {requestToken.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </section>
      <DemoUsersHint
        onPick={(pickedEmail) => {
          setEmail(pickedEmail);
          setPassword('demo');
          setErrors({});
        }}
      />
    </div>
  );
}

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  return next;
}
