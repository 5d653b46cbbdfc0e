import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TokenResponse } from '../../../src/contracts/identity.js';
import { apiFetch, setUnauthorizedListener } from '../api/client.js';
import { useToast } from '../ui/toast.js';
import { clearSession, readSession, writeSession, type Session } from './session.js';

interface AuthApi {
  session: Session | null;
  signIn: (token: TokenResponse) => void;
  signOut: () => void;
}

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => readSession());
  const queryClient = useQueryClient();
  const toast = useToast();

  const signIn = useCallback(
    (token: TokenResponse) => {
      const next = { accessToken: token.accessToken, expiresAt: token.expiresAt, user: token.user };
      queryClient.clear();
      writeSession(next);
      setSession(next);
    },
    [queryClient],
  );

  const forget = useCallback(() => {
    clearSession();
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  /** Revokes the token on the server too; the request reads the token before it is forgotten. */
  const signOut = useCallback(() => {
    if (readSession()) void apiFetch('/auth/logout', { method: 'POST' }).catch(() => undefined);
    forget();
  }, [forget]);

  useEffect(() => {
    setUnauthorizedListener(() => {
      forget();
      toast.show('Your session has ended. Please sign in again.', 'info');
    });
    return () => setUnauthorizedListener(null);
  }, [forget, toast]);

  const api = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const api = useContext(AuthContext);
  if (!api) throw new Error('useAuth must be used inside <AuthProvider>');
  return api;
}

/** The signed-in user; only for screens behind <RequireAuth>. */
export function useCurrentUser(): Session['user'] {
  const { session } = useAuth();
  if (!session) throw new Error('useCurrentUser needs a signed-in user');
  return session.user;
}
