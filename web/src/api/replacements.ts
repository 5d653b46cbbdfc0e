// Replacement orders of a return: a replacement of the same product, an exchange for another, or
// an advance replacement shipped before the return arrives (with a deposit released on receipt or
// invoiced after the policy's days). Staff read every order; a customer reads those of its own
// returns in its own shape. Every change carries the version on screen (If-Match).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  CustomerReplacementOrder,
  ReplacementOrder,
  RequestReplacementSchema,
} from '../../../src/contracts/replacements.js';
import { apiFetch } from './client.js';

export type { ReplacementOrder, CustomerReplacementOrder };
export type ReplacementOrderView = ReplacementOrder | CustomerReplacementOrder;
export type RequestReplacementBody = z.input<typeof RequestReplacementSchema>;

export const isStaffReplacement = (order: ReplacementOrderView): order is ReplacementOrder => 'siteId' in order;

export const replacementKeys = {
  all: ['replacement-orders'] as const,
  ofReturn: (rmaId: string) => ['replacement-orders', 'return', rmaId] as const,
};

export function useReturnReplacements(rmaId: string) {
  return useQuery({
    queryKey: replacementKeys.ofReturn(rmaId),
    queryFn: ({ signal }) =>
      apiFetch<Page<ReplacementOrderView>>('/replacement-orders', { query: { rmaId, pageSize: 50 }, signal }),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: replacementKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['stock'] }),
      queryClient.invalidateQueries({ queryKey: ['ledger'] }),
    ]);
}

export function useRequestReplacement(rmaId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RequestReplacementBody; idempotencyKey: string }) =>
      apiFetch<ReplacementOrder>(`/returns/${encodeURIComponent(rmaId)}/replacement-orders`, {
        method: 'POST',
        body,
        idempotencyKey,
      }),
    onSettled: refresh,
  });
}

export type ReplacementAction =
  | { action: 'allocate' }
  | { action: 'ship'; body: { carrierReference: string } }
  | { action: 'cancel'; body: { reason: string } };

export function useReplacementAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      order,
      change,
      idempotencyKey,
    }: {
      order: Pick<ReplacementOrder, 'id' | 'version'>;
      change: ReplacementAction;
      idempotencyKey: string;
    }) =>
      apiFetch<ReplacementOrder>(`/replacement-orders/${encodeURIComponent(order.id)}/${change.action}`, {
        method: 'POST',
        body: 'body' in change ? change.body : undefined,
        ifMatch: order.version,
        idempotencyKey,
      }),
    onSettled: refresh,
  });
}
