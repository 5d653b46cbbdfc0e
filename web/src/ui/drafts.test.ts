import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearAllDrafts, draftKey, readDraft, removeDraft, writeDraft } from './drafts.js';

/** sessionStorage as the browser has it, for the node test environment. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const isNote = (value: unknown): value is { note: string } =>
  typeof value === 'object' && value !== null && typeof (value as { note?: unknown }).note === 'string';

describe('drafts', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a draft per page and person', () => {
    writeDraft(draftKey('/warehouse/unauthorized/new', 'usr_a'), { note: 'two boxes' });
    expect(readDraft(draftKey('/warehouse/unauthorized/new', 'usr_a'), isNote)).toEqual({ note: 'two boxes' });
    expect(readDraft(draftKey('/warehouse/unauthorized/new', 'usr_b'), isNote)).toBeNull();
    removeDraft(draftKey('/warehouse/unauthorized/new', 'usr_a'));
    expect(readDraft(draftKey('/warehouse/unauthorized/new', 'usr_a'), isNote)).toBeNull();
  });

  it('ignores a draft of another shape or unreadable text', () => {
    sessionStorage.setItem(draftKey('/p', 'usr_a'), JSON.stringify({ notes: 1 }));
    expect(readDraft(draftKey('/p', 'usr_a'), isNote)).toBeNull();
    sessionStorage.setItem(draftKey('/p', 'usr_a'), '{broken');
    expect(readDraft(draftKey('/p', 'usr_a'), isNote)).toBeNull();
  });

  it('clearing on sign-out removes every draft and nothing else', () => {
    writeDraft(draftKey('/a', 'usr_a'), { note: 'a' });
    writeDraft(draftKey('/b', 'usr_b'), { note: 'b' });
    sessionStorage.setItem('something.else', 'kept');
    clearAllDrafts();
    expect(sessionStorage.length).toBe(1);
    expect(sessionStorage.getItem('something.else')).toBe('kept');
  });
});
