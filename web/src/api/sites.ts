import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { Site } from '../../../src/contracts/masterdata.js';
import { apiFetch } from './client.js';

/** Every site (the API's largest page); a distributor has a handful, so one page holds them all. */
export function useSites() {
  return useQuery({
    queryKey: ['sites', 'all'],
    queryFn: ({ signal }) => apiFetch<Page<Site>>('/sites', { query: { page: 1, pageSize: 200 }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** The site a form starts from: the operator's own when it is offered; the only one when there is one; else a choice to make. */
export function startingSiteId(sites: readonly Site[], homeSiteId: string | null | undefined): string {
  if (homeSiteId && sites.some((site) => site.id === homeSiteId)) return homeSiteId;
  return sites.length === 1 ? (sites[0]?.id ?? '') : '';
}
