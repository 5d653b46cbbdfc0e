// The chart every legal entity starts with: one account per role the postings need, numbered in
// the usual ranges (1 assets, 2 liabilities, 4 revenue, 5 cost of sales, 6 expenses, 7 other).
// Finance renames and renumbers them, and adds its own, through the accounts API.
import type { AccountRole, AccountType } from '../../contracts/ledger.js';

export interface SeedAccount {
  role: AccountRole;
  code: string;
  name: string;
  type: AccountType;
}

export const DEFAULT_CHART: readonly SeedAccount[] = [
  { role: 'accounts_receivable', code: '1100', name: 'Accounts receivable (invoices)', type: 'asset' },
  { role: 'customer_credit', code: '1200', name: 'Customer credits (open credit memos)', type: 'asset' },
  { role: 'vendor_receivable', code: '1250', name: 'Vendor receivable (returns to vendor)', type: 'asset' },
  { role: 'liquidation_receivable', code: '1260', name: 'Receivable from liquidation buyers', type: 'asset' },
  { role: 'inventory', code: '1400', name: 'Inventory (saleable)', type: 'asset' },
  { role: 'returns_awaiting_inspection', code: '1410', name: 'Returns inventory — awaiting inspection', type: 'asset' },
  { role: 'returns_in_repair', code: '1420', name: 'Returns inventory — in repair or refurbishment', type: 'asset' },
  { role: 'returns_quarantined', code: '1430', name: 'Returns inventory — quarantined', type: 'asset' },
  { role: 'returns_on_vendor_return', code: '1440', name: 'Returns inventory — on vendor return', type: 'asset' },
  { role: 'returns_secondary_channel', code: '1450', name: 'Returns inventory — secondary channel', type: 'asset' },
  { role: 'accounts_payable', code: '2100', name: 'Accounts payable — suppliers', type: 'liability' },
  { role: 'tax_payable', code: '2200', name: 'Sales tax payable', type: 'liability' },
  { role: 'repair_costs_payable', code: '2300', name: 'Repair costs payable', type: 'liability' },
  { role: 'returns_reserve', code: '2400', name: 'Returns reserve', type: 'liability' },
  { role: 'customer_deposits', code: '2500', name: 'Customer deposits (advance replacements)', type: 'liability' },
  { role: 'sales', code: '4000', name: 'Sales (replacement deposits invoiced, exchange differences)', type: 'revenue' },
  { role: 'sales_returns', code: '4100', name: 'Sales returns and allowances', type: 'revenue' },
  { role: 'restocking_fee_income', code: '4200', name: 'Restocking fee income', type: 'revenue' },
  { role: 'cost_of_goods_sold', code: '5000', name: 'Cost of goods sold', type: 'expense' },
  { role: 'return_freight', code: '6100', name: 'Return freight', type: 'expense' },
  { role: 'scrap_write_off', code: '6200', name: 'Scrap write-off', type: 'expense' },
  { role: 'inventory_write_down', code: '6210', name: 'Returns write-down to graded value', type: 'expense' },
  { role: 'supplier_recovery_loss', code: '6400', name: 'Supplier recovery shortfall', type: 'expense' },
  { role: 'repair_costs', code: '6300', name: 'Repair and refurbishment costs', type: 'expense' },
  { role: 'fx_gain_loss', code: '7900', name: 'Exchange gains and losses', type: 'expense' },
];

/** Assets and expenses grow by debits; liabilities, equity and revenue by credits. */
export const isDebitNormal = (type: AccountType): boolean => type === 'asset' || type === 'expense';
