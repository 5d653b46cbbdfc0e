import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { Supplier } from '../../../src/contracts/masterdata.js';
import { apiFetch } from './client.js';

export type { Supplier };

/** Every supplier (the API's largest page; a distributor buys from a few dozen). Staff only. */
export function useSuppliers(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['suppliers', 'all'],
    queryFn: ({ signal }) => apiFetch<Page<Supplier>>('/suppliers', { query: { page: 1, pageSize: 200 }, signal }),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
