// The signed-in user's token lives in localStorage: one session for every tab of this origin (a
// Ctrl-click opens signed in), never readable by another origin. Tabs learn of each other's sign-in
// and sign-out through the `storage` event, which fires in every other tab of the origin.
import type { CurrentUser } from '../../../src/contracts/identity.js';

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: CurrentUser;
}

const STORAGE_KEY = 'boomerang.session';
/** Written on an explicit sign-out, so other tabs can tell it from a token that merely ended. */
const SIGN_OUT_KEY = 'boomerang.signed-out';

export function readSession(): Session | null {
  return parseSession(localStorage.getItem(STORAGE_KEY));
}

/** A stored session, or null when there is none, it is unreadable or its token has expired. */
export function parseSession(raw: string | null, now = Date.now()): Session | null {
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Partial<Session>;
    if (typeof session.accessToken !== 'string' || typeof session.expiresAt !== 'string' || !session.user) return null;
    if (Date.parse(session.expiresAt) <= now) return null;
    return session as Session;
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

/** Forgets the token in this tab and, through the storage event, in every other one. */
export function clearSession({ isSignOut }: { isSignOut: boolean }): void {
  localStorage.removeItem(STORAGE_KEY);
  if (isSignOut) localStorage.setItem(SIGN_OUT_KEY, String(Date.now()));
}

export type SessionChange = { kind: 'signed_in'; session: Session } | { kind: 'ended' } | { kind: 'signed_out' };

/** What another tab did, from a `storage` event; null when the event is about something else. */
export function sessionChangeOf(key: string | null, newValue: string | null): SessionChange | null {
  if (key === SIGN_OUT_KEY || key === null) return { kind: 'signed_out' };
  if (key !== STORAGE_KEY) return null;
  const session = parseSession(newValue);
  return session ? { kind: 'signed_in', session } : { kind: 'ended' };
}

/** Calls `listener` when another tab signs in, signs out or drops the token. */
export function subscribeToOtherTabs(listener: (change: SessionChange) => void): () => void {
  function handleStorage(event: StorageEvent) {
    if (event.storageArea !== localStorage) return;
    const change = sessionChangeOf(event.key, event.newValue);
    if (change) listener(change);
  }
  window.addEventListener('storage', handleStorage);
  return () => window.removeEventListener('storage', handleStorage);
}
