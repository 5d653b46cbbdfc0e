import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context.js';
import { isPartnerRole } from '../../../src/contracts/common.js';
import { navLinksFor } from '../auth/permissions.js';
import { ROLE_LABELS } from '../ui/labels.js';
import { GlobalSearch } from './global-search.js';
import { SessionNotice } from './session-notice.js';

export function AppLayout() {
  const { session, lapsedUser, signOut } = useAuth();
  const navigate = useNavigate();
  const user = session?.user ?? lapsedUser;
  // A repair partner sees its work orders, a supplier its claims, a carrier its shipments, and
  // nothing else: no home of its own, no search of returns.
  const isPartner = user ? isPartnerRole(user.role) : false;
  useFocusMainOnNavigation();

  function handleSignOut() {
    signOut();
    void navigate('/login', { replace: true });
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            ↺
          </span>
          Boomerang
        </Link>
        {user ? (
          <>
            <nav className="topnav" aria-label="Main">
              {isPartner ? null : (
                <NavLink to="/" end>
                  Home
                </NavLink>
              )}
              {navLinksFor(user.role).map((link) => (
                <NavLink key={link.to} to={link.to} end={link.isExact ?? false}>
                  {link.label}
                </NavLink>
              ))}
            </nav>
            {user.role !== 'customer' && !isPartner ? <GlobalSearch role={user.role} /> : null}
            <div className="topbar__user">
              <span className="topbar__name">
                {user.name}
                <small>{ROLE_LABELS[user.role] ?? user.role}</small>
              </span>
              <button type="button" className="button button--ghost" onClick={handleSignOut}>
                Sign out
              </button>
            </div>
          </>
        ) : null}
      </header>
      <SessionNotice />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/** After a client-side navigation, start at the top, with keyboard and screen-reader focus on the new content. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [pathname]);
}
