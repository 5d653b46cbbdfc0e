// The signed-in user's token lives in sessionStorage: it ends with the browser tab, never shared across tabs.
import type { CurrentUser } from '../../../src/contracts/identity.js';

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: CurrentUser;
}

const STORAGE_KEY = 'boomerang.session';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (Date.parse(session.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(STORAGE_KEY);
      return null;
    }
    return session;
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

export function writeSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
