// The rules' recommended disposition for a completed inspection, the decision (confirm, or override
// with a reason) that executes it, and the dispositions a return's units have had.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DecideDispositionBodySchema,
  Disposition,
  RecommendationResponseSchema,
} from '../../../src/contracts/disposition.js';
import { apiFetch } from './client.js';
import { inspectionKeys } from './inspections.js';
import { rmaKeys } from './rmas.js';

export type { Disposition };
export type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;
export type DispositionOption = RecommendationResponse['options'][number];
export type DecideDispositionBody = z.input<typeof DecideDispositionBodySchema>;

export const dispositionKeys = {
  all: ['dispositions'] as const,
  recommendation: (inspectionId: string) => ['dispositions', 'recommendation', inspectionId] as const,
  ofReturn: (rmaId: string) => ['dispositions', 'return', rmaId] as const,
};

/** Asked only once the inspection is completed (signed off where regulated): before that it is a 409. */
export function useRecommendation(inspectionId: string, enabled: boolean) {
  return useQuery({
    queryKey: dispositionKeys.recommendation(inspectionId),
    queryFn: ({ signal }) =>
      apiFetch<RecommendationResponse>(`/inspections/${encodeURIComponent(inspectionId)}/recommendation`, { signal }),
    enabled,
  });
}

/**
 * A return's dispositions. The inspection page finds its own among them rather than asking
 * `/inspections/:id/disposition`, which answers 404 until one is decided.
 */
export function useReturnDispositions(rmaId: string, enabled = true) {
  return useQuery({
    queryKey: dispositionKeys.ofReturn(rmaId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Disposition[] }>(`/returns/${encodeURIComponent(rmaId)}/dispositions`, { signal }),
    enabled,
  });
}

/** Confirms or overrides the recommendation, which executes it: stock moves, follow-ups open. */
export function useDecideDisposition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      inspectionId,
      body,
      idempotencyKey,
    }: {
      inspectionId: string;
      body: DecideDispositionBody;
      idempotencyKey: string;
    }) =>
      apiFetch<Disposition>(`/inspections/${encodeURIComponent(inspectionId)}/disposition`, {
        method: 'POST',
        body,
        idempotencyKey,
      }),
    onSuccess: async (disposition) => {
      queryClient.setQueryData<{ items: Disposition[] }>(dispositionKeys.ofReturn(disposition.rmaId), (current) => ({
        items: [...(current?.items ?? []).filter((item) => item.id !== disposition.id), disposition],
      }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['dispositions', 'return'] }),
        queryClient.invalidateQueries({ queryKey: inspectionKeys.ofReturn(disposition.rmaId) }),
        queryClient.invalidateQueries({ queryKey: rmaKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['stock'] }),
      ]);
    },
    // Refused because the rules changed since (409) or it was decided elsewhere: read both again.
    onError: (_error, { inspectionId }) =>
      queryClient.invalidateQueries({ queryKey: dispositionKeys.recommendation(inspectionId) }),
  });
}
