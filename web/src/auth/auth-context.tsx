import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, TokenResponse } from '../../../src/contracts/identity.js';
import { apiFetch, setUnauthorizedListener } from '../api/client.js';
import { clearAllDrafts } from '../ui/drafts.js';
import { useToast } from '../ui/toast.js';
import { clearSession, readSession, subscribeToOtherTabs, writeSession, type Session } from './session.js';

interface AuthApi {
  session: Session | null;
  /**
   * The person whose token ran out while this page was open. Their pages stay on screen (with
   * whatever they were typing) until they sign in again in the dialog or sign out.
   */
  lapsedUser: CurrentUser | null;
  signIn: (token: TokenResponse) => void;
  signOut: () => void;
}

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => readSession());
  const [lapsedUser, setLapsedUser] = useState<CurrentUser | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  /** Takes a session as this tab's; the same person keeps the page and its data, another starts afresh. */
  const adopt = useCallback(
    (next: Session, previousUserId: string | undefined) => {
      setSession(next);
      setLapsedUser(null);
      if (previousUserId === next.user.id) void queryClient.invalidateQueries();
      else queryClient.clear();
    },
    [queryClient],
  );

  const signIn = useCallback(
    (token: TokenResponse) => {
      const next = { accessToken: token.accessToken, expiresAt: token.expiresAt, user: token.user };
      writeSession(next);
      adopt(next, (session ?? null)?.user.id ?? lapsedUser?.id);
    },
    [adopt, session, lapsedUser],
  );

  /** Back to the sign-in page: nothing of the previous person stays in memory. */
  const forgetInThisTab = useCallback(() => {
    setSession(null);
    setLapsedUser(null);
    queryClient.clear();
  }, [queryClient]);

  /** Revokes the token on the server too; the request reads the token before it is forgotten. */
  const signOut = useCallback(() => {
    if (readSession()) void apiFetch('/auth/logout', { method: 'POST' }).catch(() => undefined);
    clearSession({ isSignOut: true });
    clearAllDrafts();
    forgetInThisTab();
  }, [forgetInThisTab]);

  // The token's own end: the page stays and a dialog asks for the password again.
  const lapse = useCallback(() => {
    if (!session) return;
    setLapsedUser(session.user);
    setSession(null);
  }, [session]);

  useEffect(() => {
    if (!session) return undefined;
    // Capped: a longer delay than setTimeout holds (about 24.8 days) would fire at once.
    const delay = Math.min(Math.max(0, Date.parse(session.expiresAt) - Date.now()), 2_147_000_000);
    const timer = window.setTimeout(lapse, delay);
    return () => window.clearTimeout(timer);
  }, [session, lapse]);

  useEffect(() => {
    setUnauthorizedListener(() => {
      if (session && Date.parse(session.expiresAt) <= Date.now()) {
        lapse();
        return;
      }
      // Refused before its time: the server ended the session (deactivated, revoked), so it is over everywhere.
      clearSession({ isSignOut: false });
      forgetInThisTab();
      toast.show('Your session has ended. Please sign in again.', 'info');
    });
    return () => setUnauthorizedListener(null);
  }, [forgetInThisTab, lapse, session, toast]);

  useEffect(
    () =>
      subscribeToOtherTabs((change) => {
        if (change.kind === 'signed_in') {
          adopt(change.session, session?.user.id ?? lapsedUser?.id);
        } else if (change.kind === 'signed_out') {
          clearAllDrafts();
          forgetInThisTab();
        } else if (session) {
          forgetInThisTab();
          toast.show('Your session has ended. Please sign in again.', 'info');
        }
      }),
    [adopt, forgetInThisTab, lapsedUser, session, toast],
  );

  const api = useMemo(() => ({ session, lapsedUser, signIn, signOut }), [session, lapsedUser, signIn, signOut]);
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const api = useContext(AuthContext);
  if (!api) throw new Error('useAuth must be used inside <AuthProvider>');
  return api;
}

/** The signed-in user (or the one signing in again); only for screens behind <RequireAuth>. */
export function useCurrentUser(): Session['user'] {
  const { session, lapsedUser } = useAuth();
  const user = session?.user ?? lapsedUser;
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
