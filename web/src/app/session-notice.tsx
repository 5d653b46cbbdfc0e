import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiError } from '../api/api-error.js';
import { useRequestToken } from '../api/auth.js';
import { useAuth } from '../auth/auth-context.js';
import { describeTimeLeft, sessionPhase, type SessionPhase } from '../auth/session-timing.js';
import { Alert } from '../ui/alert.js';
import { Dialog } from '../ui/dialog.js';
import { TextField } from '../ui/field.js';

/**
 * Warns a few minutes before the sign-in ends and, once it has, asks for the password in a dialog
 * over the page: whatever was being typed stays where it is.
 */
export function SessionNotice() {
  const { session, lapsedUser } = useAuth();
  const phase = useSessionPhase(session?.expiresAt ?? null);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const user = session?.user ?? lapsedUser;
  if (!user) return null;

  const isLapsed = lapsedUser !== null;
  return (
    <>
      {!isLapsed && phase?.kind === 'expiring' ? (
        <div className="session-notice" role="alert">
          <span>
            Your session ends {describeTimeLeft(phase.endsInMs)}. Sign in again to keep working; nothing you have typed
            is lost.
          </span>
          <button type="button" className="button button--small" onClick={() => setIsDialogOpen(true)}>
            Stay signed in
          </button>
        </div>
      ) : null}
      <ReSignInDialog
        isOpen={isLapsed || isDialogOpen}
        isLapsed={isLapsed}
        email={user.email}
        onClose={() => setIsDialogOpen(false)}
      />
    </>
  );
}

function useSessionPhase(expiresAt: string | null): SessionPhase | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return undefined;
    const phase = sessionPhase(expiresAt, Date.now());
    // Wake at the start of the warning, then every few seconds to count the minutes down.
    const delay = phase.kind === 'active' ? phase.warnInMs : 5_000;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(delay, 2_147_000_000));
    return () => window.clearTimeout(timer);
  }, [expiresAt, now]);
  return expiresAt ? sessionPhase(expiresAt, now) : null;
}

function ReSignInDialog({
  isOpen,
  isLapsed,
  email,
  onClose,
}: {
  isOpen: boolean;
  isLapsed: boolean;
  email: string;
  onClose: () => void;
}) {
  const { signIn, signOut } = useAuth();
  const navigate = useNavigate();
  const requestToken = useRequestToken();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ password?: string; form?: string }>({});

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (password === '') {
      setErrors({ password: 'Enter your password.' });
      return;
    }
    requestToken.mutate(
      { email, password },
      {
        onSuccess: (token) => {
          setPassword('');
          setErrors({});
          signIn(token);
          onClose();
        },
        onError: (cause) =>
          setErrors(
            isApiError(cause) && cause.status === 401
              ? { password: 'The password is not correct.' }
              : { form: describeError(cause) },
          ),
      },
    );
  }

  function handleSignOut() {
    signOut();
    void navigate('/login', { replace: true });
  }

  return (
    <Dialog
      isOpen={isOpen}
      title={isLapsed ? 'Your session has ended' : 'Stay signed in'}
      // Once the session has ended the page cannot be used without signing in: the dialog stays.
      onClose={isLapsed ? () => undefined : onClose}
    >
      <form onSubmit={handleSubmit} noValidate aria-label="Sign in again">
        <p>
          {isLapsed
            ? 'Sign in again to carry on where you were. The page and what you typed are kept.'
            : 'Sign in again now and the session starts afresh. The page and what you typed are kept.'}
        </p>
        <p>
          Signed in as <strong>{email}</strong>
        </p>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
          data-autofocus
        />
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={requestToken.isPending}>
            {requestToken.isPending ? 'Signing in…' : 'Sign in again'}
          </button>
          <button type="button" className="button button--ghost" onClick={handleSignOut}>
            Sign out
          </button>
        </div>
      </form>
    </Dialog>
  );
}
