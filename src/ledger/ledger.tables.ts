// The ledger's tables: accounts per legal entity, closed periods, journal entries and their lines,
// what each return line's units are carried at, and exchange rates.
import type { Flag, VersionedRow } from '../platform/db/kernel-tables.js';
import type { AccountRole, AccountType } from '../contracts/ledger.js';

export interface LedgerAccountsTable extends VersionedRow {
  id: string;
  legal_entity_id: string;
  code: string;
  name: string;
  type: AccountType;
  role: AccountRole | null;
  is_active: Flag;
}

export interface FiscalPeriodClosesTable {
  legal_entity_id: string;
  /** YYYY-MM */
  period: string;
  closed_at: string;
  closed_by: string;
}

/** Immutable: only ever inserted. A correction is a new entry that reverses this one. */
export interface JournalEntriesTable {
  id: string;
  entry_number: string;
  legal_entity_id: string;
  posting_date: string;
  period: string;
  currency: string;
  description: string;
  event: string;
  source_type: string;
  source_id: string;
  rma_id: string | null;
  reverses_entry_id: string | null;
  /** The sum of the debits (= the sum of the credits). */
  total_minor: number;
  posted_at: string;
  posted_by: string;
}

export interface JournalLinesTable {
  id: string;
  entry_id: string;
  line_number: number;
  account_id: string;
  debit_minor: number;
  credit_minor: number;
  memo: string;
}

export interface ReturnLineValuationsTable {
  rma_line_id: string;
  legal_entity_id: string;
  /** The entity's functional currency. */
  currency: string;
  unit_value_minor: number;
  source_currency: string;
  source_unit_cost_minor: number;
  rate: string;
  valued_on: string;
}

export interface FxRatesTable {
  rate_date: string;
  base_currency: string;
  quote_currency: string;
  rate: string;
  source: string;
  imported_at: string;
}

export interface LedgerTables {
  ledger_accounts: LedgerAccountsTable;
  fiscal_period_closes: FiscalPeriodClosesTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  return_line_valuations: ReturnLineValuationsTable;
  fx_rates: FxRatesTable;
}
