import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { CustomerSalesOrder, CustomerSalesOrderSummary } from '../../../src/contracts/masterdata.js';
import { apiFetch } from './client.js';

// Customers get their own order shapes (no legal entity or shipping site); staff get more. The
// screens use only what every reader gets, so they work alike for both.
/** An order with its lines, as every reader gets it. */
export type Order = CustomerSalesOrder;
export type OrderLine = Order['lines'][number];
/** A list row: the order header with its line count, value, latest delivery and "returnable until". */
export type SalesOrderSummary = CustomerSalesOrderSummary;

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
    queryFn: ({ signal }) => apiFetch<Order>(`/orders/${encodeURIComponent(id)}`, { signal }),
  });
}
