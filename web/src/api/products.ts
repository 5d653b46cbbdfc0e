import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type { Product } from '../../../src/contracts/masterdata.js';
import { apiFetch } from './client.js';

export interface ProductListFilters {
  /** Matches SKU, GTIN, name or category. */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export function useProducts(filters: ProductListFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['products', 'list', filters],
    queryFn: ({ signal }) => apiFetch<Page<Product>>('/products', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export interface ProductFacets {
  categories: string[];
  regulatedClasses: string[];
}

/** The categories and regulated classes in the catalogue: the pick lists of rules and forms. */
export function useProductFacets() {
  return useQuery({
    queryKey: ['products', 'facets'],
    queryFn: ({ signal }) => apiFetch<ProductFacets>('/products/facets', { signal }),
    staleTime: 60_000,
  });
}

/** Several catalogue products by id (one request each, cached like any product read). */
export function useProductsById(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['products', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<Product>(`/products/${encodeURIComponent(id)}`, { signal }),
    })),
  });
}
