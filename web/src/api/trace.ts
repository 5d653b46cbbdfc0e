// The path of a serial number or a lot through every stage, and where its units are now (staff).
import { useQuery } from '@tanstack/react-query';
import type { Trace } from '../../../src/contracts/trace.js';
import { apiFetch } from './client.js';

export type TraceLookup = ({ serial: string } | { lot: string }) & { productId?: string };

export function useTrace(lookup: TraceLookup | null) {
  return useQuery({
    // Under the stock key too: a move or a disposition elsewhere in the app refreshes it.
    queryKey: ['stock', 'trace', lookup],
    queryFn: ({ signal }) => apiFetch<Trace>('/trace', { query: { ...lookup }, signal }),
    enabled: lookup !== null,
  });
}
