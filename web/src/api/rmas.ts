import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type {
  CreateRmaBody,
  ListRmasQuery,
  Rma,
  RmaSummaryView,
  RmaView,
  StatusCounts,
  TimelineEntryView,
  UnauthorizedReturnBodySchema,
  VerdictView,
} from '../../../src/contracts/returns.js';
import type { z } from 'zod';
import { apiFetch } from './client.js';

// Staff get whole records; customer-portal users get their own shapes (src/returns/rma-audience.ts).
// Screens shared by both show the staff-only parts only when the record carries them.
export function isStaffRma<T extends RmaView | RmaSummaryView>(rma: T): rma is Extract<T, { legalEntityId: string }> {
  return 'legalEntityId' in rma;
}
export function isStaffVerdict(verdict: VerdictView): verdict is Extract<VerdictView, { routing: unknown }> {
  return 'routing' in verdict;
}
export function isStaffTimelineEntry(
  entry: TimelineEntryView,
): entry is Extract<TimelineEntryView, { actorId: string }> {
  return 'actorId' in entry;
}

/** What the form sends for an arrival without an RMA; the server applies the defaults. */
export type UnauthorizedReturnBody = z.input<typeof UnauthorizedReturnBodySchema>;

export type RmaListFilters = Omit<ListRmasQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const rmaKeys = {
  all: ['rmas'] as const,
  list: (filters: RmaListFilters) => ['rmas', 'list', filters] as const,
  detail: (id: string) => ['rmas', 'detail', id] as const,
  counts: ['rmas', 'counts'] as const,
  timeline: (id: string) => ['rmas', 'timeline', id] as const,
};

export function useRmas(filters: RmaListFilters) {
  return useQuery({
    queryKey: rmaKeys.list(filters),
    queryFn: ({ signal }) => apiFetch<Page<RmaSummaryView>>('/returns', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many returns stand in each status: one request for a whole overview. */
export function useStatusCounts() {
  return useQuery({
    queryKey: rmaKeys.counts,
    queryFn: ({ signal }) => apiFetch<StatusCounts>('/returns/counts', { signal }),
  });
}

export function useRma(id: string) {
  return useQuery({
    queryKey: rmaKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<RmaView>(`/returns/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useRmaTimeline(id: string) {
  return useQuery({
    queryKey: rmaKeys.timeline(id),
    queryFn: ({ signal }) =>
      apiFetch<{ items: TimelineEntryView[] }>(`/returns/${encodeURIComponent(id)}/timeline`, { signal }),
  });
}

/** The policy verdict for a return not yet submitted; `null` while the request is incomplete. */
export function useReturnVerdict(body: CreateRmaBody | null) {
  return useQuery({
    queryKey: ['rmas', 'verdict', body],
    queryFn: () => apiFetch<VerdictView>('/returns/evaluate', { method: 'POST', body }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useCreateRma() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateRmaBody; idempotencyKey: string }) =>
      apiFetch<RmaView>('/returns', { method: 'POST', body, idempotencyKey }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rmaKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
      ]);
    },
  });
}

/** Goods that arrived without an RMA: an RMA awaiting a decision, with the receipt of what arrived. */
export function useRecordUnauthorizedReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: UnauthorizedReturnBody; idempotencyKey: string }) =>
      apiFetch<Rma>('/returns/unauthorized', { method: 'POST', body, idempotencyKey }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rmaKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
      ]);
    },
  });
}

export type RmaAction =
  | { kind: 'approve'; comment: string }
  | { kind: 'reject'; comment: string }
  | { kind: 'cancel'; reason: string }
  /** The goods are worked through: the return's final settlement. */
  | { kind: 'close'; note: string }
  /** Send an authorized return's goods to another site than the routing rules chose. */
  | { kind: 'routing'; siteId: string; reason: string };

export function useRmaAction(rma: Pick<RmaView, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: RmaAction) => {
      return apiFetch<RmaView>(`/returns/${encodeURIComponent(rma.id)}/${kind}`, {
        method: 'POST',
        body,
        ifMatch: rma.version,
      });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(rmaKeys.detail(rma.id), updated);
    },
    // Success or conflict: either way what is on screen is stale now.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: rmaKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}
