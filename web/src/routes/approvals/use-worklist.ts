import { useMemo } from 'react';
import type { RmaSummary } from '../../../../src/contracts/returns.js';
import { usePendingApprovals } from '../../api/approvals.js';
import { isStaffRma } from '../../api/rmas.js';
import { useListParams } from '../returns/use-list-params.js';
import { matchesValueFilter, sortParamOf } from './worklist.js';

export const WORKLIST_FILTERS = ['q', 'reasonCode', 'currency', 'minValue', 'maxValue', 'order'] as const;

/**
 * The queue as filtered and ordered in the URL, shared by the list and the review page, so
 * "next" after a decision follows the same list the manager was working through.
 */
export function useWorklist() {
  const params = useListParams(WORKLIST_FILTERS);
  const { filters } = params;
  const query = usePendingApprovals({ q: filters.q, reasonCode: filters.reasonCode, sort: sortParamOf(filters.order) });
  const rows = useMemo<RmaSummary[]>(
    () =>
      (query.data?.items ?? []).filter(isStaffRma).filter((rma) =>
        matchesValueFilter(rma, {
          currency: filters.currency,
          minValue: filters.minValue,
          maxValue: filters.maxValue,
        }),
      ),
    [query.data, filters.currency, filters.minValue, filters.maxValue],
  );
  const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '')).toString();
  return { ...params, query, rows, search: search ? `?${search}` : '' };
}
