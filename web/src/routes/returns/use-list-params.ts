import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL so a filtered, paged list can be bookmarked, shared and
 * returned to with the back button. Changing a filter goes back to page 1.
 */
export function useListParams<K extends string>(keys: readonly K[], defaultPageSize = 25) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? ''])) as Record<K, string>;
  const page = positiveInt(searchParams.get('page'), 1);
  const pageSize = positiveInt(searchParams.get('pageSize'), defaultPageSize);

  const update = useCallback(
    (changes: Partial<Record<K | 'page' | 'pageSize', string | number>>) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
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

  return { filters, page, pageSize, update };
}

function positiveInt(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}
