// A barcode scanner types the code and ends with one Enter, usually faster than a search answers.
// So Enter on a search means: if the look-up for exactly this text found one record, open it; if
// the look-up has not answered for this text yet, search now and decide when it does.
import { useCallback, useEffect, useRef } from 'react';

/** What the look-up answered, for which term; `total` counts every match, not only those shown. */
export interface SearchAnswer<T> {
  term: string;
  matches: readonly T[];
  total: number;
}

export type EnterOutcome<T> = { kind: 'open'; match: T } | { kind: 'wait' } | { kind: 'stay' };

export function outcomeOfEnter<T>(typed: string, answer: SearchAnswer<T> | null): EnterOutcome<T> {
  const term = typed.trim();
  if (term === '') return { kind: 'stay' };
  if (!answer || answer.term !== term) return { kind: 'wait' };
  const [only] = answer.matches;
  return answer.total === 1 && answer.matches.length === 1 && only !== undefined
    ? { kind: 'open', match: only }
    : { kind: 'stay' };
}

/**
 * Returns `pressEnter(typed)`: opens the single match now, or remembers the Enter until the answer
 * for that text arrives (`answer` must be null while a look-up is running or shows older results).
 */
export function useOpenOnEnter<T>(answer: SearchAnswer<T> | null, open: (match: T) => void): (typed: string) => void {
  const pending = useRef<string | null>(null);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });

  useEffect(() => {
    if (pending.current === null || !answer || answer.term !== pending.current) return;
    const outcome = outcomeOfEnter(pending.current, answer);
    pending.current = null;
    if (outcome.kind === 'open') openRef.current(outcome.match);
  }, [answer]);

  return useCallback(
    (typed: string) => {
      const outcome = outcomeOfEnter(typed, answer);
      pending.current = outcome.kind === 'wait' ? typed.trim() : null;
      if (outcome.kind === 'open') openRef.current(outcome.match);
    },
    [answer],
  );
}
