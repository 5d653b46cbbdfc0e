// Supplier claims: what we ask a supplier to pay for goods it took back, its answer and its credit
// note. Finance reads every claim (with what the books hold against it) and the aging board; a
// supplier's own users read only its claims (the server leaves the rest out, and the books). Every
// change is sent with the version on screen (If-Match): one made meanwhile is refused (412).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  AcknowledgeClaimSchema,
  ClaimAging,
  ClaimStatus,
  DecideClaimSchema,
  RecordClaimPaymentSchema,
  StaffSupplierClaimSchema,
  SupplierClaim,
  SupplierViewClaim,
} from '../../../src/contracts/recovery.js';
import { apiFetch } from './client.js';

export type { ClaimAging, ClaimStatus, SupplierClaim, SupplierViewClaim };
export type StaffSupplierClaim = z.infer<typeof StaffSupplierClaimSchema>;
/** Finance's claim, or a supplier's view of its own (its lines without our internal record ids). */
export type SupplierClaimView = StaffSupplierClaim | SupplierClaim | SupplierViewClaim;
/** A line as both audiences read it; our own record ids (the return's, the inspection's) only on staff's. */
export type SupplierClaimLine = SupplierViewClaim['lines'][number] &
  Partial<Pick<SupplierClaim['lines'][number], 'rmaId' | 'rmaLineId' | 'inspectionId'>>;
export type ClaimAgingRow = ClaimAging['rows'][number];
export type AcknowledgeClaimBody = z.input<typeof AcknowledgeClaimSchema>;
export type DecideClaimBody = z.input<typeof DecideClaimSchema>;
export type RecordClaimPaymentBody = z.input<typeof RecordClaimPaymentSchema>;

/** Finance's view carries what the books hold against the supplier; a supplier's does not. */
export const isStaffClaim = (claim: SupplierClaimView): claim is StaffSupplierClaim => 'receivableMinor' in claim;

export interface ClaimFilters {
  status?: ClaimStatus | '';
  /** 'true': not yet paid or rejected; 'false': paid or rejected; '' for all. */
  open?: 'true' | 'false' | '';
  supplierId?: string;
  legalEntityId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const BASE = '/supplier-claims';
const pathOf = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const supplierClaimKeys = {
  all: ['supplier-claims'] as const,
  lists: ['supplier-claims', 'list'] as const,
  list: (filters: ClaimFilters) => ['supplier-claims', 'list', filters] as const,
  aging: (filters: { legalEntityId?: string; supplierId?: string }) => ['supplier-claims', 'aging', filters] as const,
  detail: (id: string) => ['supplier-claims', 'detail', id] as const,
};

/** Claims, newest first; empty filters are left out of the address. */
export function useSupplierClaims(filters: ClaimFilters) {
  return useQuery({
    queryKey: supplierClaimKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetch<Page<SupplierClaimView>>(BASE, {
        query: { ...filters, q: filters.q?.trim() },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Open claims per supplier and currency in age buckets, and how long paid ones took. Staff only. */
export function useSupplierClaimAging(filters: { legalEntityId?: string; supplierId?: string }) {
  return useQuery({
    queryKey: supplierClaimKeys.aging(filters),
    queryFn: ({ signal }) => apiFetch<ClaimAging>(`${BASE}/aging`, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSupplierClaim(id: string) {
  return useQuery({
    queryKey: supplierClaimKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<SupplierClaimView>(pathOf(id), { signal }),
    enabled: id !== '',
  });
}

interface Change<Body> {
  id: string;
  version: number;
  body: Body;
  /** The same key for a retry of the same change, so a lost answer cannot apply it twice. */
  idempotencyKey: string;
}

/**
 * One step of the claim's life. The answer replaces the claim on screen; the lists, the aging and
 * (for the answer and the payment, which post) the books are read again.
 */
function useClaimChange<Body>(action: 'acknowledge' | 'decision' | 'payment') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body, idempotencyKey }: Change<Body>) =>
      apiFetch<SupplierClaimView>(`${pathOf(id)}/${action}`, {
        method: 'POST',
        body,
        ifMatch: version,
        idempotencyKey,
      }),
    onSuccess: (claim) => queryClient.setQueryData(supplierClaimKeys.detail(claim.id), claim),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supplierClaimKeys.lists }),
        queryClient.invalidateQueries({ queryKey: ['supplier-claims', 'aging'] }),
        queryClient.invalidateQueries({ queryKey: ['ledger'] }),
      ]),
  });
}

/** The supplier acknowledges the claim, with its own reference (by its own login, or finance for it). */
export const useAcknowledgeClaim = () => useClaimChange<AcknowledgeClaimBody>('acknowledge');
/** Accepted in full, in part (per line) or rejected with a note. */
export const useDecideClaim = () => useClaimChange<DecideClaimBody>('decision');
/** The supplier's credit note for the accepted amount: finance only. */
export const useRecordClaimPayment = () => useClaimChange<RecordClaimPaymentBody>('payment');
