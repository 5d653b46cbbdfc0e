// Credit memos: what a return is credited, computed from the original sale line by line, and their
// life (draft → approved → issued → applied, or void). Staff read every memo; a customer reads its
// own issued ones (the server leaves the rest out). Every change is sent with the version on
// screen (If-Match): one someone else made meanwhile is refused (412) and the page says reload.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  CreditMemo,
  CreditMemoStatus,
  CustomerCreditMemoSchema,
  VoidCreditMemoSchema,
} from '../../../src/contracts/settlement.js';
import { apiFetch } from './client.js';
import { downloadFile } from './download.js';

export type { CreditMemo, CreditMemoStatus };
export type CreditMemoLine = CreditMemo['lines'][number];
/** What a customer reads: no approver, no ledger entry, no finance flag. */
export type CustomerCreditMemo = z.infer<typeof CustomerCreditMemoSchema>;
export type CreditMemoView = CreditMemo | CustomerCreditMemo;
export type VoidCreditMemoBody = z.input<typeof VoidCreditMemoSchema>;

export const isStaffMemo = (memo: CreditMemoView): memo is CreditMemo => 'needsFinanceApproval' in memo;

export interface CreditMemoFilters {
  /** One status, or empty for all. */
  status?: CreditMemoStatus | '';
  rmaId?: string;
  page: number;
  pageSize: number;
}

export const creditMemoKeys = {
  all: ['credit-memos'] as const,
  lists: ['credit-memos', 'list'] as const,
  list: (filters: CreditMemoFilters) => ['credit-memos', 'list', filters] as const,
  detail: (id: string) => ['credit-memos', 'detail', id] as const,
};

function fetchMemos<Memo extends CreditMemoView>(filters: CreditMemoFilters, signal: AbortSignal) {
  return apiFetch<Page<Memo>>('/credit-memos', {
    query: { ...filters, status: filters.status || undefined, rmaId: filters.rmaId || undefined },
    signal,
  });
}

/** The staff queue, newest first. */
export function useCreditMemos(filters: CreditMemoFilters) {
  return useQuery({
    queryKey: creditMemoKeys.list(filters),
    queryFn: ({ signal }) => fetchMemos<CreditMemo>(filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many memos wait in one status; null while it loads (or when it cannot be read). */
export function useCreditMemoCount(status: CreditMemoStatus) {
  const query = useCreditMemos({ status, page: 1, pageSize: 1 });
  return query.isSuccess ? query.data.total : null;
}

/** A return's memos: all of them for staff, the issued ones for its customer. */
export function useReturnCreditMemos(rmaId: string) {
  const filters: CreditMemoFilters = { rmaId, page: 1, pageSize: 50 };
  return useQuery({
    queryKey: creditMemoKeys.list(filters),
    queryFn: ({ signal }) => fetchMemos<CreditMemoView>(filters, signal),
  });
}

export function useCreditMemo(id: string) {
  return useQuery({
    queryKey: creditMemoKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<CreditMemo>(`/credit-memos/${encodeURIComponent(id)}`, { signal }),
  });
}

/** After a change the lists, the return (its progress counts credits) and the books are read again. */
async function refreshAfterChange(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: creditMemoKeys.lists }),
    queryClient.invalidateQueries({ queryKey: ['rmas'] }),
    queryClient.invalidateQueries({ queryKey: ['ledger'] }),
  ]);
}

interface Change<Body> {
  id: string;
  version: number;
  body?: Body;
  /** The same key for a retry of the same change, so a lost answer cannot apply it twice. */
  idempotencyKey: string;
}

/**
 * A change to one memo. The answer replaces the memo on screen; a refusal leaves it as it was
 * (after a 412 the page asks the person to reload rather than swapping it under them).
 */
function useCreditMemoChange<Body = undefined>(action: 'approve' | 'issue' | 'apply' | 'void') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body, idempotencyKey }: Change<Body>) =>
      apiFetch<CreditMemo>(`/credit-memos/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body,
        ifMatch: version,
        idempotencyKey,
      }),
    onSuccess: (memo) => queryClient.setQueryData(creditMemoKeys.detail(memo.id), memo),
    onSettled: () => refreshAfterChange(queryClient),
  });
}

/** Approving a draft; above the policy's limit, finance alone. */
export const useApproveCreditMemo = () => useCreditMemoChange('approve');
/** Issuing an approved memo: numbered without gaps (CM-…) and posted to the books. */
export const useIssueCreditMemo = () => useCreditMemoChange('issue');
/** Marking an issued memo applied: the credit was used or refunded. */
export const useApplyCreditMemo = () => useCreditMemoChange('apply');
/** Voiding a memo with a reason; an issued one has its entry reversed. */
export const useVoidCreditMemo = () => useCreditMemoChange<VoidCreditMemoBody>('void');

/** Drafting again the units of a return that a void memo had credited: a new draft, computed afresh. */
export function useRedraftCredit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rmaId, idempotencyKey }: { rmaId: string; idempotencyKey: string }) =>
      apiFetch<CreditMemo>(`/returns/${encodeURIComponent(rmaId)}/credit-memos`, { method: 'POST', idempotencyKey }),
    onSettled: () => refreshAfterChange(queryClient),
  });
}

/**
 * The memo as a PDF, saved as a file. A plain link would not carry the session's bearer token,
 * so it is fetched like any other call and handed to the browser as a download.
 */
export function downloadCreditMemoPdf(memo: Pick<CreditMemoView, 'id' | 'creditMemoNumber'>): Promise<void> {
  return downloadFile(
    `/credit-memos/${encodeURIComponent(memo.id)}/document.pdf`,
    'application/pdf',
    `${memo.creditMemoNumber ?? memo.id}.pdf`,
  );
}
