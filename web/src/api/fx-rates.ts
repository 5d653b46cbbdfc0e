// Exchange rates: finance uploads the ECB's euro reference rates as the XML file it downloaded
// (sent as it is, application/xml), and anyone who reads the books sees the rates in force.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FxImportResult, FxRate } from '../../../src/contracts/ledger.js';
import { readSession } from '../auth/session.js';
import { ApiError, problemFromResponse } from './api-error.js';
import { API_BASE, apiFetch } from './client.js';

export type { FxImportResult, FxRate };

export const fxRateKeys = {
  all: ['fx-rates'] as const,
  list: (date: string) => ['fx-rates', 'list', date] as const,
};

/** The rates in force on `date` (each pair's latest on or before it); the latest of all without one. */
export function useFxRates(date = '') {
  return useQuery({
    queryKey: fxRateKeys.list(date),
    queryFn: ({ signal }) => apiFetch<{ items: FxRate[] }>('/fx-rates', { query: { date }, signal }),
  });
}

/**
 * Sends the file's text as XML (apiFetch sends JSON only). The same key for a retry of the same
 * file, so a lost answer cannot import it twice.
 */
async function importEcbXml(xml: string, idempotencyKey: string): Promise<FxImportResult> {
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    'Content-Type': 'application/xml',
    'Idempotency-Key': idempotencyKey,
  });
  const session = readSession();
  if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/fx-rates/import`, { method: 'POST', headers, body: xml });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the status says enough
  }
  if (response.ok) return body as FxImportResult;
  throw new ApiError(problemFromResponse(response.status, response.statusText, body));
}

export function useImportFxRates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ xml, idempotencyKey }: { xml: string; idempotencyKey: string }) => importEcbXml(xml, idempotencyKey),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fxRateKeys.all }),
  });
}
