// Where returned units are (by serial number, or every unit of a return), the locations of a site,
// what lies at one, and moving units between locations and statuses (put-away).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  MoveStockBodySchema,
  StockBalance,
  StockLocation,
  StockMovement,
  UnitWhereabouts,
} from '../../../src/contracts/inventory.js';
import { apiFetch } from './client.js';

export type MoveStockBody = z.input<typeof MoveStockBodySchema>;

export type UnitsLookup = { serial: string } | { rmaId: string };

export function useUnitWhereabouts(lookup: UnitsLookup | null) {
  return useQuery({
    queryKey: ['stock', 'units', lookup],
    queryFn: ({ signal }) => apiFetch<UnitWhereabouts>('/stock/units', { query: { ...lookup }, signal }),
    enabled: lookup !== null,
  });
}

/** A site's stock locations (dock lanes, receiving, bins, quarantine…). */
export function useSiteLocations(siteId: string) {
  return useQuery({
    queryKey: ['stock', 'locations', siteId],
    queryFn: ({ signal }) =>
      apiFetch<{ items: StockLocation[] }>(`/sites/${encodeURIComponent(siteId)}/locations`, { signal }),
    enabled: siteId !== '',
  });
}

/** Stock on hand at one location (the API's largest page: a receiving lane holds a shift's worth). */
export function useStockAt(siteId: string, locationId: string) {
  return useQuery({
    queryKey: ['stock', 'at', siteId, locationId],
    queryFn: ({ signal }) =>
      apiFetch<Page<StockBalance>>('/stock', { query: { siteId, locationId, page: 1, pageSize: 200 }, signal }),
    enabled: siteId !== '' && locationId !== '',
  });
}

/** Moves units between locations and statuses; every view of stock and returns is stale afterwards. */
export function useMoveStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: MoveStockBody; idempotencyKey: string }) =>
      apiFetch<{ movements: StockMovement[] }>('/stock/moves', { method: 'POST', body, idempotencyKey }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['stock'] });
      await queryClient.invalidateQueries({ queryKey: ['rmas'] });
    },
  });
}
