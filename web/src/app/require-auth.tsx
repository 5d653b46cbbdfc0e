import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../../src/contracts/common.js';
import { useAuth } from '../auth/auth-context.js';
import { EmptyState } from '../ui/empty-state.js';

/** Sends signed-out visitors to the login page (and back afterwards); hides screens from other roles. */
export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(session.user.role)) {
    return (
      <EmptyState title="This page is not available to your role">
        <p>Ask an administrator if you need access.</p>
      </EmptyState>
    );
  }
  return <>{children}</>;
}
