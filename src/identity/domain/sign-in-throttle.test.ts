import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_FREE_FAILURES,
  findLockEnd,
  LOCK_MINUTES,
  MAX_DELAY_SECONDS,
  MAX_FAILURES,
  recordAccountFailure,
  recordFailure,
  type ThrottleRecord,
} from './sign-in-throttle.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 10, minute)).toISOString();

function failTimes(times: number, minute = 0): ThrottleRecord | null {
  let record: ThrottleRecord | null = null;
  for (let i = 0; i < times; i++) record = recordFailure(record, at(minute));
  return record;
}

describe('sign-in throttle', () => {
  it('locks after the maximum number of failures within the window, for the lock period', () => {
    expect(findLockEnd(failTimes(MAX_FAILURES - 1), at(0))).toBeNull();
    const locked = failTimes(MAX_FAILURES);
    expect(findLockEnd(locked, at(1))).toBe(at(LOCK_MINUTES));
    expect(findLockEnd(locked, at(LOCK_MINUTES))).toBeNull();
  });

  it('starts counting again when the window has passed', () => {
    let record = failTimes(MAX_FAILURES - 1);
    record = recordFailure(record, at(16));
    expect(record.failures).toBe(1);
    expect(findLockEnd(record, at(16))).toBeNull();
  });

  it('does not re-lock on the first failure after a lock ran out', () => {
    const afterLock = recordFailure(failTimes(MAX_FAILURES), at(LOCK_MINUTES + 1));
    expect(afterLock.failures).toBe(1);
    expect(findLockEnd(afterLock, at(LOCK_MINUTES + 1))).toBeNull();
  });
});

describe('account-wide sign-in delays', () => {
  it('adds nothing for the first failures, then doubles the wait up to a minute', () => {
    let record: ThrottleRecord | null = null;
    const waits: number[] = [];
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 9; i++) {
      record = recordAccountFailure(record, at(0));
      const end = findLockEnd(record, at(0));
      waits.push(end ? (Date.parse(end) - Date.parse(at(0))) / 1000 : 0);
    }
    expect(waits.slice(0, ACCOUNT_FREE_FAILURES)).toEqual(Array(ACCOUNT_FREE_FAILURES).fill(0));
    expect(waits.slice(ACCOUNT_FREE_FAILURES)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(Math.max(...waits)).toBe(MAX_DELAY_SECONDS);
  });
});
