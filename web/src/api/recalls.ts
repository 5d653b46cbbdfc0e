// Recalls: the list, one with the returns it raised, and raising one (recall RMAs for every customer
// who received an affected lot).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { RaisedRecall, RaiseRecallBody, Recall, RecallSummary } from '../../../src/contracts/recalls.js';
import { apiFetch } from './client.js';

export function useRecalls(filters: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['recalls', 'list', filters],
    queryFn: ({ signal }) => apiFetch<Page<RecallSummary>>('/recalls', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecall(id: string) {
  return useQuery({
    queryKey: ['recalls', 'detail', id],
    queryFn: ({ signal }) => apiFetch<Recall>(`/recalls/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Raises the recall; every list of returns (and the orders' returnable quantities) is stale afterwards. */
export function useRaiseRecall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RaiseRecallBody; idempotencyKey: string }) =>
      apiFetch<RaisedRecall>('/recalls', { method: 'POST', body, idempotencyKey }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['recalls'] });
      await queryClient.invalidateQueries({ queryKey: ['rmas'] });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      await queryClient.invalidateQueries({ queryKey: ['stock'] });
    },
  });
}
