import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../../src/contracts/common.js';
import { useAuth } from '../auth/auth-context.js';
import { EmptyState } from '../ui/empty-state.js';

/**
 * A layout route around the pages it guards: sends signed-out visitors to the login page (and back
 * afterwards); hides the pages from other roles.
 */
export function RequireAuth({ roles }: { roles?: readonly Role[] }) {
  const { session, lapsedUser } = useAuth();
  const location = useLocation();
  // A lapsed session keeps its pages (and what is typed in them) while the person signs in again.
  const user = session?.user ?? lapsedUser;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <EmptyState title="This page is not available to your role">
        <p>Ask an administrator if you need access.</p>
      </EmptyState>
    );
  }
  return <Outlet />;
}
