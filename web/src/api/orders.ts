import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { SalesOrder, SalesOrderSummary } from '../../../src/contracts/masterdata.js';
import { apiFetch } from './client.js';

/** A list row: the order header with its line count, value, latest delivery and "returnable until". */
export type { SalesOrderSummary };

export interface OrderListFilters {
  customerId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export function useOrders(filters: OrderListFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['orders', 'list', filters],
    queryFn: ({ signal }) => apiFetch<Page<SalesOrderSummary>>('/orders', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['orders', 'detail', id],
    queryFn: ({ signal }) => apiFetch<SalesOrder>(`/orders/${encodeURIComponent(id)}`, { signal }),
  });
}
