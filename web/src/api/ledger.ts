// The books: legal entities (whose books they are), the chart of accounts, journal entries (and
// their reversal, the only correction), the trial balance of a month, periods and their close, and
// the journal of a month as CSV. Amounts are integer minor units of the entity's currency.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.js';
import type {
  CreateLedgerAccountSchema,
  FiscalPeriodSchema,
  JournalEntry,
  LedgerAccount,
  ReconciliationSchema,
  TrialBalance,
  UpdateLedgerAccountSchema,
} from '../../../src/contracts/ledger.js';
import type { LegalEntity } from '../../../src/contracts/masterdata.js';
import { apiFetch, buildQueryString } from './client.js';
import { downloadFile } from './download.js';

export type { JournalEntry, LedgerAccount, LegalEntity, TrialBalance };
export type JournalLine = JournalEntry['lines'][number];
export type TrialBalanceRow = TrialBalance['rows'][number];
export type FiscalPeriod = z.infer<typeof FiscalPeriodSchema>;
export type Reconciliation = z.infer<typeof ReconciliationSchema>;
export type CreateAccountBody = z.input<typeof CreateLedgerAccountSchema>;
export type UpdateAccountBody = z.input<typeof UpdateLedgerAccountSchema>;

export interface EntryFilters {
  legalEntityId: string;
  /** YYYY-MM; empty for every month. */
  period?: string;
  accountId?: string;
  sourceType?: string;
  rmaId?: string;
  page: number;
  pageSize: number;
}

export const ledgerKeys = {
  all: ['ledger'] as const,
  accounts: (legalEntityId: string) => ['ledger', 'accounts', legalEntityId] as const,
  entries: (filters: EntryFilters) => ['ledger', 'entries', filters] as const,
  entry: (id: string) => ['ledger', 'entry', id] as const,
  trialBalance: (legalEntityId: string, period: string) => ['ledger', 'trial-balance', legalEntityId, period] as const,
  periods: (legalEntityId: string) => ['ledger', 'periods', legalEntityId] as const,
};

/** Every legal entity (the API's largest page; a distributor has a few), by code. */
export function useLegalEntities() {
  return useQuery({
    queryKey: ['legal-entities', 'all'],
    queryFn: ({ signal }) =>
      apiFetch<Page<LegalEntity>>('/legal-entities', { query: { page: 1, pageSize: 200 }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** An entity's chart of accounts, by code (the server writes the default chart on first use). */
export function useLedgerAccounts(legalEntityId: string) {
  return useQuery({
    queryKey: ledgerKeys.accounts(legalEntityId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: LedgerAccount[] }>('/ledger/accounts', { query: { legalEntityId }, signal }),
    enabled: legalEntityId !== '',
  });
}

export function useJournalEntries(filters: EntryFilters) {
  return useQuery({
    queryKey: ledgerKeys.entries(filters),
    queryFn: ({ signal }) => apiFetch<Page<JournalEntry>>('/ledger/entries', { query: { ...filters }, signal }),
    enabled: filters.legalEntityId !== '',
    placeholderData: keepPreviousData,
  });
}

export function useJournalEntry(id: string) {
  return useQuery({
    queryKey: ledgerKeys.entry(id),
    queryFn: ({ signal }) => apiFetch<JournalEntry>(`/ledger/entries/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useTrialBalance(legalEntityId: string, period: string) {
  return useQuery({
    queryKey: ledgerKeys.trialBalance(legalEntityId, period),
    queryFn: ({ signal }) =>
      apiFetch<TrialBalance>('/ledger/trial-balance', { query: { legalEntityId, period }, signal }),
    enabled: legalEntityId !== '' && period !== '',
    placeholderData: keepPreviousData,
  });
}

/**
 * Returns inventory in the books beside the units on hand times their value, per stock account,
 * and the subledgers beside their accounts: now, or as at the end of `period` ('YYYY-MM') if given.
 */
export function useReconciliation(legalEntityId: string, period: string) {
  return useQuery({
    queryKey: ['ledger', 'reconciliation', legalEntityId, period],
    queryFn: ({ signal }) =>
      apiFetch<Reconciliation>('/ledger/reconciliation', {
        query: { legalEntityId, ...(period ? { period } : {}) },
        signal,
      }),
    enabled: legalEntityId !== '',
    placeholderData: keepPreviousData,
  });
}

/** The months that have entries or were closed, newest first. */
export function useFiscalPeriods(legalEntityId: string) {
  return useQuery({
    queryKey: ledgerKeys.periods(legalEntityId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: FiscalPeriod[] }>('/ledger/periods', { query: { legalEntityId }, signal }),
    enabled: legalEntityId !== '',
  });
}

/** After a change (or a refusal: what is on screen may be stale) the books are read again. */
const refreshLedger = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ledgerKeys.all });

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateAccountBody; idempotencyKey: string }) =>
      apiFetch<LedgerAccount>('/ledger/accounts', { method: 'POST', body, idempotencyKey }),
    onSettled: () => refreshLedger(queryClient),
  });
}

/** A rename, renumbering or switch-off based on the version on screen: a stale one is refused with 412. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateAccountBody }) =>
      apiFetch<LedgerAccount>(`/ledger/accounts/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changes,
        ifMatch: version,
      }),
    onSettled: () => refreshLedger(queryClient),
  });
}

/** Posts the reversal (same lines, sides swapped, today); the answer is the reversal entry. */
export function useReverseEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, idempotencyKey }: { id: string; reason: string; idempotencyKey: string }) =>
      apiFetch<JournalEntry>(`/ledger/entries/${encodeURIComponent(id)}/reversal`, {
        method: 'POST',
        body: { reason },
        idempotencyKey,
      }),
    onSettled: () => refreshLedger(queryClient),
  });
}

export function useClosePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      legalEntityId,
      period,
      idempotencyKey,
    }: {
      legalEntityId: string;
      period: string;
      idempotencyKey: string;
    }) =>
      apiFetch<FiscalPeriod>('/ledger/periods/close', {
        method: 'POST',
        body: { legalEntityId, period },
        idempotencyKey,
      }),
    onSettled: () => refreshLedger(queryClient),
  });
}

/**
 * The journal of an entity's month as CSV, saved as a file. A plain link would not carry the
 * session's bearer token, so it is fetched like any other call and handed to the browser.
 */
export function downloadJournalCsv(legalEntityId: string, period: string): Promise<void> {
  return downloadFile(
    `/ledger/journal.csv${buildQueryString({ legalEntityId, period })}`,
    'text/csv',
    `journal-${period}.csv`,
  );
}
