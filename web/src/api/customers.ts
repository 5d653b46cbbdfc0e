import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { Customer } from '../../../src/contracts/masterdata.js';
import { apiFetch } from './client.js';

export interface CustomerListFilters {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export function useCustomers(filters: CustomerListFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['customers', 'list', filters],
    queryFn: ({ signal }) => apiFetch<Page<Customer>>('/customers', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCustomer(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['customers', 'detail', id],
    queryFn: ({ signal }) => apiFetch<Customer>(`/customers/${encodeURIComponent(id)}`, { signal }),
    enabled: options.enabled ?? true,
  });
}
