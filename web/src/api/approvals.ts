// The approval worklist's reads and decisions. Every decision is sent with If-Match, so a return
// someone else changed meanwhile is refused (412) instead of decided blind.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { RmaSummaryView, RmaView } from '../../../src/contracts/returns.js';
import { describeError } from './api-error.js';
import { apiFetch } from './client.js';
import { rmaKeys } from './rmas.js';

/** The most the API lists at once; a queue longer than this is worked from its oldest end. */
export const WORKLIST_LIMIT = 200;

export interface WorklistQuery {
  q: string;
  reasonCode: string;
  sort: string;
}

export function usePendingApprovals(filters: WorklistQuery) {
  return useQuery({
    queryKey: ['rmas', 'worklist', filters],
    queryFn: ({ signal }) =>
      apiFetch<Page<RmaSummaryView>>('/returns', {
        query: { status: 'pending_approval', ...filters, page: 1, pageSize: WORKLIST_LIMIT },
        signal,
      }),
  });
}

/** Each listed return in full, for its items (SKU × quantity); cached with the return page's. */
export function useReturnDetails(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: rmaKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<RmaView>(`/returns/${encodeURIComponent(id)}`, { signal }),
      staleTime: 30_000,
    })),
  });
}

export interface Decision {
  rmaId: string;
  version: number;
  kind: 'approve' | 'reject';
  comment: string;
}

export function decide({ rmaId, version, kind, comment }: Decision): Promise<RmaView> {
  return apiFetch<RmaView>(`/returns/${encodeURIComponent(rmaId)}/${kind}`, {
    method: 'POST',
    body: { comment },
    ifMatch: version,
  });
}

export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSuccess: (updated, decision) => queryClient.setQueryData(rmaKeys.detail(decision.rmaId), updated),
    // Success or conflict: either way the queue on screen is stale now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: rmaKeys.all }),
  });
}

export type BulkRow = { rmaId: string; rmaNumber: string; version: number };
export type BulkResult = BulkRow & ({ kind: 'approved' } | { kind: 'failed'; message: string });

/** Approves each row in turn with the same comment; one refusal does not stop the others. */
export function useBulkApprove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ rows, comment }: { rows: readonly BulkRow[]; comment: string }) => {
      const results: BulkResult[] = [];
      for (const row of rows) {
        try {
          await decide({ rmaId: row.rmaId, version: row.version, kind: 'approve', comment });
          results.push({ ...row, kind: 'approved' });
        } catch (error) {
          results.push({ ...row, kind: 'failed', message: describeError(error) });
        }
      }
      return results;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: rmaKeys.all }),
  });
}
