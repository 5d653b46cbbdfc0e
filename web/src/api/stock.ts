// Where returned units are: by serial number, or every unit of a return.
import { useQuery } from '@tanstack/react-query';
import type { UnitWhereabouts } from '../../../src/contracts/inventory.js';
import { apiFetch } from './client.js';

export type UnitsLookup = { serial: string } | { rmaId: string };

export function useUnitWhereabouts(lookup: UnitsLookup | null) {
  return useQuery({
    queryKey: ['stock', 'units', lookup],
    queryFn: ({ signal }) => apiFetch<UnitWhereabouts>('/stock/units', { query: { ...lookup }, signal }),
    enabled: lookup !== null,
  });
}
