import { describe, expect, it } from 'vitest';
import { describeTimeLeft, sessionPhase, WARN_BEFORE_MS } from './session-timing.js';

describe('sessionPhase', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');

  it('is active until the warning window, and says when the warning is due', () => {
    expect(sessionPhase('2026-12-02T11:00:00Z', now)).toEqual({
      kind: 'active',
      warnInMs: 60 * 60_000 - WARN_BEFORE_MS,
    });
  });

  it('is expiring inside the window, with the time left', () => {
    expect(sessionPhase('2026-12-02T10:03:00Z', now)).toEqual({ kind: 'expiring', endsInMs: 3 * 60_000 });
  });

  it('never reports negative time once the token has ended', () => {
    expect(sessionPhase('2026-12-02T09:00:00Z', now)).toEqual({ kind: 'expiring', endsInMs: 0 });
  });
});

describe('describeTimeLeft', () => {
  it('says minutes in words', () => {
    expect(describeTimeLeft(4 * 60_000 + 59_000)).toBe('in 4 minutes');
    expect(describeTimeLeft(60_000)).toBe('in 1 minute');
    expect(describeTimeLeft(59_000)).toBe('in less than a minute');
  });
});
