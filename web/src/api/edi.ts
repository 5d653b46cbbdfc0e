// EDI with trading partners: their set-up (admins), the log of every document in and out, a
// partner's file handed in by hand, and a return, credit memo or claim sent by EDI.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  CreateTradingPartnerBodySchema,
  EdiDocument,
  EdiDocumentKind,
  EdiDocumentStatus,
  EdiRecord,
  PartnerMappings,
  TradingPartner,
  UpdateTradingPartnerBodySchema,
} from '../../../src/contracts/edi.js';
import { apiFetch } from './client.js';
import { downloadFile } from './download.js';

export type { EdiDocument, EdiDocumentKind, EdiDocumentStatus, EdiRecord, PartnerMappings, TradingPartner };
export type EdiDocumentWithContent = EdiDocument & { content: string };
export type CreateTradingPartnerBody = z.input<typeof CreateTradingPartnerBodySchema>;
export type UpdateTradingPartnerBody = z.input<typeof UpdateTradingPartnerBodySchema>;
export type EdiTransactionSet = '180' | '812' | '997';

export interface EdiDocumentFilters {
  partnerId: string;
  direction: 'in' | 'out' | '';
  status: EdiDocumentStatus | '';
  transactionSet: EdiTransactionSet | '';
  page: number;
  pageSize: number;
}

export interface HandInBody {
  content: string;
  fileName: string | null;
  partnerId?: string;
}

export type SendEdiBody =
  | { transactionSet: '180'; rmaId: string }
  | { transactionSet: '812'; creditMemoId: string }
  | { transactionSet: '812'; supplierClaimId: string };

export const ediKeys = {
  partners: ['edi', 'partners'] as const,
  partner: (id: string) => ['edi', 'partners', id] as const,
  documents: ['edi', 'documents'] as const,
  document: (id: string) => ['edi', 'documents', 'one', id] as const,
};

export function useTradingPartners() {
  return useQuery({
    queryKey: ediKeys.partners,
    queryFn: ({ signal }) => apiFetch<{ items: TradingPartner[] }>('/edi/partners', { signal }),
  });
}

export function useTradingPartner(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ediKeys.partner(id),
    queryFn: ({ signal }) => apiFetch<TradingPartner>(`/edi/partners/${encodeURIComponent(id)}`, { signal }),
    enabled: options.enabled ?? true,
  });
}

export function useCreateTradingPartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTradingPartnerBody) => apiFetch<TradingPartner>('/edi/partners', { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ediKeys.partners });
    },
  });
}

/** A change based on the version on screen (If-Match): one someone else made meanwhile is refused (412). */
export function useUpdateTradingPartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateTradingPartnerBody }) =>
      apiFetch<TradingPartner>(`/edi/partners/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changes,
        ifMatch: version,
      }),
    onSuccess: async (partner) => {
      queryClient.setQueryData(ediKeys.partner(partner.id), partner);
      await queryClient.invalidateQueries({ queryKey: ediKeys.partners, exact: true });
    },
  });
}

/** The log, newest first; refreshed every few seconds so queued documents turn sent. */
export function useEdiDocuments(filters: EdiDocumentFilters) {
  return useQuery({
    queryKey: [...ediKeys.documents, 'list', filters],
    queryFn: ({ signal }) => apiFetch<Page<EdiDocument>>('/edi/documents', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

export function useEdiDocument(id: string) {
  return useQuery({
    queryKey: ediKeys.document(id),
    queryFn: ({ signal }) => apiFetch<EdiDocumentWithContent>(`/edi/documents/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The documents answering one (its 997 and 180), from the log of its partner. */
export function useEdiReplies(document: Pick<EdiDocument, 'id' | 'partnerId' | 'direction'>) {
  return useQuery({
    queryKey: [...ediKeys.documents, 'replies', document.id],
    queryFn: ({ signal }) =>
      apiFetch<Page<EdiDocument>>('/edi/documents', {
        signal,
        query: { partnerId: document.partnerId, direction: 'out', pageSize: 200 },
      }),
    select: (page) => page.items.filter((candidate) => candidate.inReplyTo === document.id),
    enabled: document.direction === 'in' && document.partnerId !== null,
  });
}

/** A partner's X12 file, handed in as the folder poller would: kept, worked through, answered. */
export function useHandInEdiFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HandInBody) => apiFetch<EdiDocument>('/edi/inbound', { method: 'POST', body }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ediKeys.documents });
    },
  });
}

/** A return as a 180, or a credit memo or supplier claim as an 812 (once per subject). */
export function useSendEdiDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partnerId, body }: { partnerId: string; body: SendEdiBody }) =>
      apiFetch<{ documentId: string; alreadySent: boolean }>(`/edi/partners/${encodeURIComponent(partnerId)}/send`, {
        method: 'POST',
        body,
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ediKeys.documents });
    },
  });
}

/**
 * The document as it was received or written, saved as a file. A plain link would not carry the
 * session's bearer token, so it is fetched like any other call and handed to the browser.
 */
export function downloadEdiDocument(document: Pick<EdiDocument, 'id' | 'fileName'>): Promise<void> {
  return downloadFile(
    `/edi/documents/${encodeURIComponent(document.id)}/raw`,
    'application/edi-x12',
    document.fileName ?? `${document.id}.x12`,
  );
}
