import { describe, expect, it } from 'vitest';
import { parseSession, sessionChangeOf } from './session.js';

const user = { id: 'usr_1', email: 'a@example.com', name: 'A', role: 'cs_agent', customerId: null };
const future = new Date(Date.now() + 60_000).toISOString();
const past = new Date(Date.now() - 1).toISOString();
const stored = (expiresAt: string) => JSON.stringify({ accessToken: 't', expiresAt, user });

describe('parseSession', () => {
  it('reads a stored session whose token has not ended', () => {
    expect(parseSession(stored(future))?.accessToken).toBe('t');
  });

  it('ignores an ended token, unreadable text and a partial record', () => {
    expect(parseSession(stored(past))).toBeNull();
    expect(parseSession('{not json')).toBeNull();
    expect(parseSession(JSON.stringify({ accessToken: 't' }))).toBeNull();
    expect(parseSession(null)).toBeNull();
  });
});

describe('sessionChangeOf', () => {
  it('tells a sign-in in another tab from a dropped token and a sign-out', () => {
    expect(sessionChangeOf('boomerang.session', stored(future))?.kind).toBe('signed_in');
    expect(sessionChangeOf('boomerang.session', null)).toEqual({ kind: 'ended' });
    expect(sessionChangeOf('boomerang.signed-out', '123')).toEqual({ kind: 'signed_out' });
    expect(sessionChangeOf(null, null)).toEqual({ kind: 'signed_out' });
  });

  it('ignores other keys', () => {
    expect(sessionChangeOf('something.else', 'x')).toBeNull();
  });
});
