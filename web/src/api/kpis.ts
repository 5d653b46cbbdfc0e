// The KPIs: their definitions, a table of them by one dimension (period, customer, site, …), the
// returns behind a figure (the drill-down), both as CSV, and the check that recomputes the
// aggregates from the raw records. Ratios are fractions 0..1, days decimal, money minor units.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import type {
  KpiCheckResult,
  KpiDefinition,
  KpiDimension,
  KpiFilter,
  KpiId,
  KpiReturnRow,
  KpiRow,
  KpiTable,
  KpiUnit,
} from '../../../src/contracts/kpi.js';
import { apiFetch, buildQueryString } from './client.js';
import { downloadFile } from './download.js';

export type { KpiCheckResult, KpiDefinition, KpiDimension, KpiFilter, KpiId, KpiReturnRow, KpiRow, KpiTable, KpiUnit };

export interface KpiTableParams extends KpiFilter {
  by: KpiDimension;
  limit?: number;
}

export interface KpiReturnsParams extends KpiFilter {
  kpi?: KpiId | undefined;
  page: number;
  pageSize: number;
}

export const kpiKeys = {
  all: ['kpis'] as const,
  definitions: ['kpis', 'definitions'] as const,
  table: (params: KpiTableParams) => ['kpis', 'table', params] as const,
  returns: (params: KpiReturnsParams) => ['kpis', 'returns', params] as const,
};

/** What each KPI means; they change with a release, not during a session. */
export function useKpiDefinitions() {
  return useQuery({
    queryKey: kpiKeys.definitions,
    queryFn: ({ signal }) => apiFetch<KpiDefinition[]>('/kpis/definitions', { signal }),
    staleTime: Infinity,
  });
}

export function useKpiTable(params: KpiTableParams) {
  return useQuery({
    queryKey: kpiKeys.table(params),
    queryFn: ({ signal }) => apiFetch<KpiTable>('/kpis', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The returns that make up a figure, a page at a time. */
export function useKpiReturns(params: KpiReturnsParams) {
  return useQuery({
    queryKey: kpiKeys.returns(params),
    queryFn: ({ signal }) => apiFetch<Page<KpiReturnRow>>('/kpis/returns', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function downloadKpiTableCsv(params: KpiTableParams): Promise<void> {
  return downloadFile(`/kpis.csv${buildQueryString({ ...params })}`, 'text/csv', `kpis-by-${params.by}.csv`);
}

/** Every return behind the figure (not only the page on screen). */
export function downloadKpiReturnsCsv(params: Omit<KpiReturnsParams, 'page' | 'pageSize'>): Promise<void> {
  return downloadFile(`/kpis/returns.csv${buildQueryString({ ...params })}`, 'text/csv', 'kpi-returns.csv');
}

/** Recomputes every return's facts and the aggregates from the raw records and reports any difference. */
export function useKpiCheck() {
  return useMutation({
    mutationFn: () => apiFetch<KpiCheckResult>('/kpis/check', { method: 'POST' }),
  });
}
