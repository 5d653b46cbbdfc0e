// The top bar's search: one term against returns, orders and customers at once, a few of each.
import { useQueries } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { Customer } from '../../../src/contracts/masterdata.js';
import type { RmaSummaryView } from '../../../src/contracts/returns.js';
import { apiFetch } from './client.js';
import type { SalesOrderSummary } from './orders.js';

export const SEARCH_GROUP_SIZE = 5;

export type SearchHit =
  | { kind: 'return'; id: string; rma: RmaSummaryView }
  | { kind: 'order'; id: string; order: SalesOrderSummary }
  | { kind: 'customer'; id: string; customer: Customer };

export interface SearchGroup<K extends SearchHit['kind']> {
  kind: K;
  hits: Extract<SearchHit, { kind: K }>[];
  total: number;
}

export interface GlobalSearchResult {
  returns: SearchGroup<'return'> | null;
  orders: SearchGroup<'order'> | null;
  customers: SearchGroup<'customer'> | null;
  /** True once every group asked for has answered for this term. */
  isComplete: boolean;
  isFetching: boolean;
  error: Error | null;
}

/** `withOrdersAndCustomers`: only for staff who have the order and customer pages to open them on. */
export function useGlobalSearch(term: string, withOrdersAndCustomers: boolean): GlobalSearchResult {
  const enabled = term !== '';
  const query = { q: term, page: 1, pageSize: SEARCH_GROUP_SIZE };
  const [returns, orders, customers] = useQueries({
    queries: [
      {
        queryKey: ['rmas', 'search', term],
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          apiFetch<Page<RmaSummaryView>>('/returns', { query: { ...query, sort: '-created' }, signal }),
        enabled,
      },
      {
        queryKey: ['orders', 'search', term],
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          apiFetch<Page<SalesOrderSummary>>('/orders', { query, signal }),
        enabled: enabled && withOrdersAndCustomers,
      },
      {
        queryKey: ['customers', 'search', term],
        queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<Page<Customer>>('/customers', { query, signal }),
        enabled: enabled && withOrdersAndCustomers,
      },
    ],
  });
  const asked = withOrdersAndCustomers ? [returns, orders, customers] : [returns];
  return {
    returns: returns.data
      ? {
          kind: 'return',
          hits: returns.data.items.map((rma) => ({ kind: 'return', id: rma.id, rma })),
          total: returns.data.total,
        }
      : null,
    orders:
      withOrdersAndCustomers && orders.data
        ? {
            kind: 'order',
            hits: orders.data.items.map((order) => ({ kind: 'order', id: order.id, order })),
            total: orders.data.total,
          }
        : null,
    customers:
      withOrdersAndCustomers && customers.data
        ? {
            kind: 'customer',
            hits: customers.data.items.map((customer) => ({ kind: 'customer', id: customer.id, customer })),
            total: customers.data.total,
          }
        : null,
    isComplete: enabled && asked.every((result) => result.isSuccess),
    isFetching: asked.some((result) => result.isFetching),
    error: asked.find((result) => result.error)?.error ?? null,
  };
}
