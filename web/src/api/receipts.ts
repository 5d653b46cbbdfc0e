// Receiving against a return (by scan or by hand), and the receipt exceptions that need a decision.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  ListReceiptExceptionsQuerySchema,
  ReceiptExceptionView,
  ReceiptResult,
  ReceiveReturnBodySchema,
  ResolveReceiptExceptionRequest,
} from '../../../src/contracts/receiving.js';
import type { RmaSummaryView } from '../../../src/contracts/returns.js';
import { apiFetch } from './client.js';
import { rmaKeys } from './rmas.js';

/** What the receiving screen sends; the server applies the defaults (quantity 1, unopened). */
export type ReceiveReturnBody = z.input<typeof ReceiveReturnBodySchema>;
export type ReceiptExceptionFilters = z.input<typeof ListReceiptExceptionsQuerySchema> & {
  page: number;
  pageSize: number;
};

export const receiptExceptionKeys = {
  all: ['receipt-exceptions'] as const,
  list: (filters: ReceiptExceptionFilters) => ['receipt-exceptions', 'list', filters] as const,
};

export function useReceiptExceptions(filters: ReceiptExceptionFilters) {
  return useQuery({
    queryKey: receiptExceptionKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetch<Page<ReceiptExceptionView>>('/receiving/exceptions', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One receipt against a return. Scans arrive faster than answers, so callers use `mutateAsync` and
 * await each call: `mutate`'s own callbacks fire for the latest call only.
 */
export function useReceiveReturn(rmaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ReceiveReturnBody; idempotencyKey: string }) =>
      apiFetch<ReceiptResult>(`/returns/${encodeURIComponent(rmaId)}/receipts`, {
        method: 'POST',
        body,
        idempotencyKey,
      }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rmaKeys.detail(rmaId) }),
        queryClient.invalidateQueries({ queryKey: receiptExceptionKeys.all }),
      ]);
    },
  });
}

export function useResolveReceiptException() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      exception,
      body,
      idempotencyKey,
    }: {
      exception: Pick<ReceiptExceptionView, 'id' | 'version'>;
      body: ResolveReceiptExceptionRequest;
      idempotencyKey: string;
    }) =>
      apiFetch<ReceiptExceptionView>(`/receiving/exceptions/${encodeURIComponent(exception.id)}/resolve`, {
        method: 'POST',
        body,
        idempotencyKey,
        ifMatch: exception.version,
      }),
    // Success or conflict: the queue on screen is stale either way; an accepted or new return changed too.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: receiptExceptionKeys.all }),
        queryClient.invalidateQueries({ queryKey: rmaKeys.all }),
      ]);
    },
  });
}

/** The return whose number a label's barcode holds ("RMA-0000123"), through the returns search; null if none. */
export async function findReturnByNumber(number: string): Promise<RmaSummaryView | null> {
  const wanted = number.trim().toUpperCase();
  const page = await apiFetch<Page<RmaSummaryView>>('/returns', { query: { q: wanted, page: 1, pageSize: 10 } });
  return page.items.find((rma) => rma.rmaNumber.toUpperCase() === wanted) ?? null;
}
