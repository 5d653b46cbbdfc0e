// Drafts of long forms, kept in this tab's sessionStorage per page and person, so a form survives a
// session that ends under it (sign in again, come back, find it as it was). An explicit sign-out
// throws every draft away: the next person at this browser must not find them.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

const PREFIX = 'boomerang.draft.';

export function draftKey(page: string, userId: string): string {
  return `${PREFIX}${userId}:${page}`;
}

export function readDraft<T>(key: string, isDraft: (value: unknown) => value is T): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works, it just is not kept.
  }
}

export function removeDraft(key: string): void {
  sessionStorage.removeItem(key);
}

export function clearAllDrafts(): void {
  for (let index = sessionStorage.length - 1; index >= 0; index--) {
    const key = sessionStorage.key(index);
    if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}

/**
 * Like useState, but kept as a draft under `key` while it differs from the fresh form. Returns
 * whether the state was restored from a draft, and `discard` for after a successful submit.
 */
export function useDraftState<T>(
  key: string,
  fresh: () => T,
  isDraft: (value: unknown) => value is T,
): { state: T; setState: Dispatch<SetStateAction<T>>; isRestored: boolean; discard: () => void } {
  const [initial] = useState(() => {
    const blank = fresh();
    const restored = readDraft(key, isDraft);
    return { state: restored ?? blank, blankJson: JSON.stringify(blank), isRestored: restored !== null };
  });
  const [state, setState] = useState<T>(initial.state);
  const isDiscarded = useRef(false);

  useEffect(() => {
    if (isDiscarded.current) return;
    const json = JSON.stringify(state);
    if (json === initial.blankJson) removeDraft(key);
    else writeDraft(key, state);
  }, [key, state, initial.blankJson]);

  return {
    state,
    setState,
    isRestored: initial.isRestored,
    discard: () => {
      isDiscarded.current = true;
      removeDraft(key);
    },
  };
}
