// A carrier's own shipments (its users and keys see no others): the list to work through, one
// shipment with its scans, and reporting a scan.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CarrierEventResult,
  CarrierShipment,
  CarrierShipmentDetail,
  ReportCarrierEventBody,
} from '../../../src/contracts/carrier-shipments.js';
import type { Page } from '../../../src/contracts/common.js';
import type { ShipmentState } from '../../../src/contracts/logistics.js';
import { apiFetch } from './client.js';

export type { CarrierShipment, CarrierShipmentDetail, ReportCarrierEventBody };

const BASE = '/partner/shipments';
const pathOf = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export interface CarrierShipmentFilters {
  state: ShipmentState | '';
  q: string;
}

export const carrierShipmentKeys = {
  all: ['carrier-shipments'] as const,
  list: (filters: CarrierShipmentFilters, page: number) => ['carrier-shipments', 'list', filters, page] as const,
  detail: (id: string) => ['carrier-shipments', 'detail', id] as const,
};

export function useCarrierShipments(filters: CarrierShipmentFilters, page: number, pageSize = 50) {
  return useQuery({
    queryKey: carrierShipmentKeys.list(filters, page),
    queryFn: ({ signal }) =>
      apiFetch<Page<CarrierShipment>>(BASE, {
        query: {
          page,
          pageSize,
          ...(filters.state ? { state: filters.state } : {}),
          ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCarrierShipment(id: string) {
  return useQuery({
    queryKey: carrierShipmentKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<CarrierShipmentDetail>(pathOf(id), { signal }),
    enabled: id !== '',
  });
}

/** One scan; the same scan sent twice (a retry) is applied once, and the answer says so. */
export function useReportCarrierEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, idempotencyKey }: { id: string; body: ReportCarrierEventBody; idempotencyKey: string }) =>
      apiFetch<CarrierEventResult>(`${pathOf(id)}/events`, { method: 'POST', body, idempotencyKey }),
    onSuccess: (result) => queryClient.setQueryData(carrierShipmentKeys.detail(result.shipment.id), result.shipment),
    onSettled: () => queryClient.invalidateQueries({ queryKey: carrierShipmentKeys.all }),
  });
}
