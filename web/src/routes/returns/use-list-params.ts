import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL so a filtered, paged list can be bookmarked, shared and
 * returned to with the back button. Changing a filter or the page size goes back to page 1.
 */
export function useListParams<K extends string>(keys: readonly K[], defaultPageSize = 25) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? ''])) as Record<K, string>;
  const page = positiveInt(searchParams.get('page'), 1);
  const pageSize = positiveInt(searchParams.get('pageSize'), defaultPageSize);

  const setParams = useCallback(
    (changes: Partial<Record<string, string | number>>) => {
      setSearchParams(
        () => {
          // From the address bar, not the updater's argument: react-router hands the updater the
          // params of the last render, so two filters changed in quick succession (before a render)
          // lost the first — found by the EDI log's browser journey.
          const next = new URLSearchParams(window.location.search);
          for (const [key, value] of Object.entries(changes)) {
            if (value === '' || value === undefined) next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  const update: (changes: Partial<Record<K | 'page' | 'pageSize', string | number>>) => void = setParams;
  const setPage = useCallback((next: number) => setParams({ page: next }), [setParams]);
  const setPageSize = useCallback((next: number) => setParams({ pageSize: next }), [setParams]);

  return { filters, page, pageSize, update, setPage, setPageSize };
}

function positiveInt(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}
