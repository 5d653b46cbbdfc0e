// A return's chain of custody: every hand-over of its goods, oldest first (staff).
import { useQuery } from '@tanstack/react-query';
import type { ChainOfCustody } from '../../../src/contracts/custody.js';
import { apiFetch } from './client.js';

export function useChainOfCustody(rmaId: string) {
  return useQuery({
    // Under the return's key, so whatever refreshes the return (a receipt, a move) refreshes this too.
    queryKey: ['rmas', 'custody', rmaId],
    queryFn: ({ signal }) => apiFetch<ChainOfCustody>(`/returns/${encodeURIComponent(rmaId)}/custody`, { signal }),
  });
}
