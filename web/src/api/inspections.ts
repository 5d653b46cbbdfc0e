// The inspection queue of a site, one inspection whole, and working it: claim, assign or release,
// split, save a draft, complete, quality's sign-off, and photos. Every change is sent with the
// version on screen (If-Match), so a change someone else made meanwhile is refused (412), not
// overwritten; the answer is the inspection as it now is.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  Inspection,
  InspectionPhoto,
  InspectionQueueItem,
  InspectionQueueQuerySchema,
  RecordInspectionBodySchema,
} from '../../../src/contracts/inspection.js';
import { readSession } from '../auth/session.js';
import { ApiError, problemFromResponse } from './api-error.js';
import { API_BASE, apiFetch, newIdempotencyKey } from './client.js';
import { rmaKeys } from './rmas.js';

export type { Inspection, InspectionPhoto, InspectionQueueItem };
export type InspectionQueueFilters = Omit<z.input<typeof InspectionQueueQuerySchema>, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};
export type InspectionQueuePage = Page<InspectionQueueItem> & { breached: number; dueSoon: number };
/** A return's inspections, with what the list of a return shows beside the queue's fields. */
export type ReturnInspection = InspectionQueueItem & {
  grade: string | null;
  claimVerdict: string | null;
  inspectedBy: string | null;
  completedAt: string | null;
};
export type InspectionRecord = z.input<typeof RecordInspectionBodySchema>;

export const inspectionKeys = {
  all: ['inspections'] as const,
  queue: (filters: InspectionQueueFilters) => ['inspections', 'queue', filters] as const,
  breaches: (siteId: string) => ['inspections', 'sla-breaches', siteId] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
  ofReturn: (rmaId: string) => ['inspections', 'return', rmaId] as const,
};

const inspectionPath = (id: string) => `/inspections/${encodeURIComponent(id)}`;

export function useInspectionQueue(filters: InspectionQueueFilters) {
  return useQuery({
    queryKey: inspectionKeys.queue(filters),
    queryFn: ({ signal }) => apiFetch<InspectionQueuePage>('/inspections', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled: filters.siteId !== '',
  });
}

/** Open inspections past their SLA at a site, or at every site ('') (the API's largest page). */
export function useSlaBreaches(siteId: string) {
  return useQuery({
    queryKey: inspectionKeys.breaches(siteId),
    queryFn: ({ signal }) =>
      apiFetch<Page<InspectionQueueItem>>('/inspections/sla-breaches', {
        query: { siteId, page: 1, pageSize: 200 },
        signal,
      }),
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Inspection>(inspectionPath(id), { signal }),
  });
}

export function useReturnInspections(rmaId: string) {
  return useQuery({
    queryKey: inspectionKeys.ofReturn(rmaId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: ReturnInspection[] }>(`/returns/${encodeURIComponent(rmaId)}/inspections`, { signal }),
  });
}

/** The inspection as the server answered, on screen at once; every list that shows it is stale. */
async function adopt(queryClient: QueryClient, inspection: Inspection, options: { returnChanged?: boolean } = {}) {
  queryClient.setQueryData(inspectionKeys.detail(inspection.id), inspection);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['inspections', 'queue'] }),
    queryClient.invalidateQueries({ queryKey: ['inspections', 'sla-breaches'] }),
    queryClient.invalidateQueries({ queryKey: inspectionKeys.ofReturn(inspection.rmaId) }),
    // Completing moves the return's units on (awaiting disposition); its page and timeline follow.
    options.returnChanged ? queryClient.invalidateQueries({ queryKey: rmaKeys.all }) : undefined,
  ]);
}

/** After a refusal what is on screen may be stale (412: someone else changed it): read it again. */
async function refreshAfterRefusal(queryClient: QueryClient, error: unknown) {
  if (error instanceof ApiError && (error.status === 412 || error.status === 409))
    await queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
}

type Versioned = Pick<Inspection, 'id' | 'version'>;

/** "Take": the inspection becomes mine. */
export function useClaimInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inspection: Versioned) =>
      apiFetch<Inspection>(`${inspectionPath(inspection.id)}/claim`, { method: 'POST', ifMatch: inspection.version }),
    onSuccess: (inspection) => adopt(queryClient, inspection),
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}

/** Gives the inspection to someone, or releases it to the queue (`userId: null`). */
export function useAssignInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ inspection, userId }: { inspection: Versioned; userId: string | null }) =>
      apiFetch<Inspection>(`${inspectionPath(inspection.id)}/assign`, {
        method: 'POST',
        body: { userId },
        ifMatch: inspection.version,
      }),
    onSuccess: (inspection) => adopt(queryClient, inspection),
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}

/** Splits units off into an inspection of their own; answers with the new one. */
export function useSplitInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ inspection, quantity }: { inspection: Versioned; quantity: number }) =>
      apiFetch<Inspection>(`${inspectionPath(inspection.id)}/split`, {
        method: 'POST',
        body: { quantity },
        ifMatch: inspection.version,
      }),
    onSuccess: async (created, { inspection }) => {
      queryClient.setQueryData(inspectionKeys.detail(created.id), created);
      // The original kept fewer units (and a new version): read it again.
      await queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(inspection.id) });
      await adopt(queryClient, created);
    },
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}

/** Saves the record as it stands (a draft), or completes it: the grade given, the checklist answered. */
export function useRecordInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      inspection,
      record,
      complete,
    }: {
      inspection: Versioned;
      record: InspectionRecord;
      complete: boolean;
    }) =>
      complete
        ? apiFetch<Inspection>(`${inspectionPath(inspection.id)}/complete`, {
            method: 'POST',
            body: record,
            ifMatch: inspection.version,
          })
        : apiFetch<Inspection>(`${inspectionPath(inspection.id)}/record`, {
            method: 'PUT',
            body: record,
            ifMatch: inspection.version,
          }),
    onSuccess: (inspection, { complete }) => adopt(queryClient, inspection, { returnChanged: complete }),
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}

/** Quality's second sign-off on regulated goods: approve, or reject with what to look at again. */
export function useSignOffInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      inspection,
      decision,
      note,
    }: {
      inspection: Versioned;
      decision: 'approve' | 'reject';
      note: string;
    }) =>
      apiFetch<Inspection>(`${inspectionPath(inspection.id)}/sign-off`, {
        method: 'POST',
        body: { decision, note },
        ifMatch: inspection.version,
      }),
    onSuccess: (inspection) => adopt(queryClient, inspection, { returnChanged: true }),
    onError: (error) => refreshAfterRefusal(queryClient, error),
  });
}

/** The bearer token, as apiFetch sends it, for the two calls that are not JSON. */
function authorizationHeaders(): Headers {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  const session = readSession();
  if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
  return headers;
}

async function refusalOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the status line says what happened
  }
  return new ApiError(problemFromResponse(response.status, response.statusText, body));
}

/**
 * Uploads photos as multipart/form-data (field `photos`), the way a form would: the browser sets
 * the boundary, so no Content-Type is set here.
 */
export async function uploadInspectionPhotos(inspectionId: string, files: readonly File[]): Promise<InspectionPhoto[]> {
  const form = new FormData();
  for (const file of files) form.append('photos', file, file.name);
  const headers = authorizationHeaders();
  headers.set('Idempotency-Key', newIdempotencyKey());
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${inspectionPath(inspectionId)}/photos`, {
      method: 'POST',
      headers,
      body: form,
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
  }
  if (!response.ok) throw await refusalOf(response);
  return ((await response.json()) as { items: InspectionPhoto[] }).items;
}

export function useUploadInspectionPhotos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ inspectionId, files }: { inspectionId: string; files: readonly File[] }) =>
      uploadInspectionPhotos(inspectionId, files),
    onSuccess: (_photos, { inspectionId }) =>
      queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(inspectionId) }),
  });
}

/** The bytes as a data: URL, which an <img> may show under the app's content security policy (img-src 'self' data:). */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL always yields a string.
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('the photo could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * A photo to show. Its bytes need the bearer token, which an <img src> cannot send, so they are
 * fetched here and shown as a data: URL (the content security policy allows data: images, not
 * blob: ones). A photo never changes (stored by its hash): fetched once, dropped from memory ten
 * minutes after no screen shows it.
 */
export function usePhotoDataUrl(url: string) {
  return useQuery({
    queryKey: ['inspection-photos', url],
    queryFn: async ({ signal }) => {
      // The URL the API gives is absolute from the origin (/api/v1/…).
      const response = await fetch(url, { headers: authorizationHeaders(), signal });
      if (!response.ok) throw await refusalOf(response);
      return dataUrlOf(await response.blob());
    },
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
}
