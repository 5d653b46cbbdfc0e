// Arrivals that wait to be identified (receiving), and identifying one (which opens its return).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  IdentifyArrivalRequest,
  ListArrivalsQuerySchema,
  UnidentifiedArrival,
  UnidentifiedArrivalBodySchema,
  UnidentifiedArrivalSummary,
} from '../../../src/contracts/receiving.js';
import type { Rma } from '../../../src/contracts/returns.js';
import { apiFetch } from './client.js';
import { rmaKeys } from './rmas.js';

/** What the form sends for goods from an unknown sender or with products not in the catalogue. */
export type UnidentifiedArrivalBody = z.input<typeof UnidentifiedArrivalBodySchema>;
export type ArrivalListFilters = z.input<typeof ListArrivalsQuerySchema> & { page: number; pageSize: number };

export const arrivalKeys = {
  all: ['arrivals'] as const,
  list: (filters: ArrivalListFilters) => ['arrivals', 'list', filters] as const,
  detail: (id: string) => ['arrivals', 'detail', id] as const,
};

export function useArrivals(filters: ArrivalListFilters) {
  return useQuery({
    queryKey: arrivalKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetch<Page<UnidentifiedArrivalSummary>>('/receiving/arrivals', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useArrival(id: string) {
  return useQuery({
    queryKey: arrivalKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<UnidentifiedArrival>(`/receiving/arrivals/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useRecordUnidentifiedArrival() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: UnidentifiedArrivalBody; idempotencyKey: string }) =>
      apiFetch<UnidentifiedArrival>('/receiving/arrivals', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arrivalKeys.all }),
  });
}

export function useIdentifyArrival(arrival: Pick<UnidentifiedArrival, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: IdentifyArrivalRequest; idempotencyKey: string }) =>
      apiFetch<Rma>(`/receiving/arrivals/${encodeURIComponent(arrival.id)}/identify`, {
        method: 'POST',
        body,
        idempotencyKey,
        ifMatch: arrival.version,
      }),
    // Success or conflict: either way the arrival on screen is stale now.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: arrivalKeys.all }),
        queryClient.invalidateQueries({ queryKey: rmaKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
      ]);
    },
  });
}
