import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { Partner } from '../../../src/contracts/masterdata.js';
import { apiFetch } from './client.js';

export type { Partner };

/** Every partner — repair partners and carriers (the API's largest page; a distributor works with a handful). Staff only. */
export function usePartners(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['partners', 'all'],
    queryFn: ({ signal }) => apiFetch<Page<Partner>>('/partners', { query: { page: 1, pageSize: 200 }, signal }),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
