// A repair partner's own work orders (its users and keys see no others): the open ones to work on,
// the completed ones for reference, and reporting an outcome based on the version the partner read.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type { PartnerWorkOrder, ReportWorkOrderOutcomeBodySchema } from '../../../src/contracts/disposition.js';
import { apiFetch } from './client.js';

export type { PartnerWorkOrder };
export type ReportOutcomeBody = z.input<typeof ReportWorkOrderOutcomeBodySchema>;
export type PartnerWorkOrderStatus = 'open' | 'completed';

const BASE = '/partner/work-orders';
const pathOf = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const partnerWorkOrderKeys = {
  all: ['partner-work-orders'] as const,
  list: (status: PartnerWorkOrderStatus, page: number) => ['partner-work-orders', 'list', status, page] as const,
  detail: (id: string) => ['partner-work-orders', 'detail', id] as const,
};

export function usePartnerWorkOrders(status: PartnerWorkOrderStatus, page: number, pageSize = 50) {
  return useQuery({
    queryKey: partnerWorkOrderKeys.list(status, page),
    queryFn: ({ signal }) => apiFetch<Page<PartnerWorkOrder>>(BASE, { query: { status, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerWorkOrder(id: string) {
  return useQuery({
    queryKey: partnerWorkOrderKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<PartnerWorkOrder>(pathOf(id), { signal }),
    enabled: id !== '',
  });
}

/** Repaired (with its grade) or beyond repair; refused with 412 when the order changed since it was read. */
export function useReportPartnerOutcome() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: ReportOutcomeBody }) =>
      apiFetch<PartnerWorkOrder>(`${pathOf(id)}/outcome`, { method: 'POST', body, ifMatch: version }),
    onSuccess: (order) => queryClient.setQueryData(partnerWorkOrderKeys.detail(order.id), order),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerWorkOrderKeys.all }),
  });
}
