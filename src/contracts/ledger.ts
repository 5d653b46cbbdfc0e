// The ledger's vocabulary and API shapes: accounts, journal entries, trial balance, periods, rates.
import { z } from 'zod';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/**
 * The accounts postings look up by what they are for. The seeded chart has one account per role
 * and legal entity; a person may rename and renumber them, and add accounts of their own.
 */
export const ACCOUNT_ROLES = [
  'inventory',
  'returns_awaiting_inspection',
  'returns_in_repair',
  'returns_quarantined',
  'returns_on_vendor_return',
  'returns_secondary_channel',
  'cost_of_goods_sold',
  'sales',
  'sales_returns',
  'tax_payable',
  'customer_credit',
  'accounts_receivable',
  'customer_deposits',
  'restocking_fee_income',
  'return_freight',
  'scrap_write_off',
  'inventory_write_down',
  'repair_costs',
  'repair_costs_payable',
  'vendor_receivable',
  'accounts_payable',
  'supplier_recovery_loss',
  'liquidation_receivable',
  'returns_reserve',
  'fx_gain_loss',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period is a month, YYYY-MM');

export const LedgerAccountSchema = z.object({
  id: z.string(),
  legalEntityId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  role: z.enum(ACCOUNT_ROLES).nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type LedgerAccount = z.infer<typeof LedgerAccountSchema>;

const accountCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z][0-9A-Z.-]{1,19}$/, 'an account code is 2–20 digits, capitals, dots or dashes');
const accountName = z.string().trim().min(1, 'name the account').max(120);

export const CreateLedgerAccountSchema = z.strictObject({
  legalEntityId: z.string().min(1),
  code: accountCode,
  name: accountName,
  type: z.enum(ACCOUNT_TYPES),
});
export const UpdateLedgerAccountSchema = z.strictObject({
  code: accountCode.optional(),
  name: accountName.optional(),
  isActive: z.boolean().optional(),
});

export const JournalLineSchema = z.object({
  lineNumber: z.number().int(),
  accountId: z.string(),
  accountCode: z.string(),
  accountName: z.string(),
  debitMinor: z.number().int(),
  creditMinor: z.number().int(),
  memo: z.string(),
});

export const JournalEntrySchema = z.object({
  id: z.string(),
  entryNumber: z.string(),
  legalEntityId: z.string(),
  postingDate: z.string(),
  period: z.string(),
  currency: z.string(),
  description: z.string(),
  event: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  rmaId: z.string().nullable(),
  rmaNumber: z.string().nullable(),
  reversesEntryId: z.string().nullable(),
  reversedByEntryId: z.string().nullable(),
  totalMinor: z.number().int(),
  postedAt: z.string(),
  postedBy: z.string(),
  lines: z.array(JournalLineSchema),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export const ReverseEntrySchema = z.strictObject({
  reason: z.string().trim().min(3, 'say why the entry is reversed').max(500),
});

export const TrialBalanceRowSchema = z.object({
  accountId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  role: z.enum(ACCOUNT_ROLES).nullable(),
  openingMinor: z.number().int(),
  debitMinor: z.number().int(),
  creditMinor: z.number().int(),
  closingMinor: z.number().int(),
});
export const TrialBalanceSchema = z.object({
  legalEntityId: z.string(),
  period: z.string(),
  currency: z.string(),
  isClosed: z.boolean(),
  rows: z.array(TrialBalanceRowSchema),
  totals: z.object({ debitMinor: z.number().int(), creditMinor: z.number().int() }),
  isBalanced: z.boolean(),
});
export type TrialBalance = z.infer<typeof TrialBalanceSchema>;

export const FiscalPeriodSchema = z.object({
  legalEntityId: z.string(),
  period: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  entries: z.number().int(),
});
export const ClosePeriodSchema = z.strictObject({ legalEntityId: z.string().min(1), period: PeriodSchema });

export const FxRateSchema = z.object({
  rateDate: z.string(),
  baseCurrency: z.string(),
  quoteCurrency: z.string(),
  rate: z.string(),
  source: z.string(),
});
export type FxRate = z.infer<typeof FxRateSchema>;

export const EntityPeriodQuerySchema = z.strictObject({ legalEntityId: z.string().min(1), period: PeriodSchema });
export const EntityQuerySchema = z.strictObject({ legalEntityId: z.string().min(1) });
/** GET /ledger/reconciliation: as things stand now, or as at the end of a month's period. */
export const ReconciliationQuerySchema = z.strictObject({
  legalEntityId: z.string().min(1),
  period: PeriodSchema.optional(),
});
export const ListEntriesQuerySchema = z.strictObject({
  legalEntityId: z.string().min(1).optional(),
  period: PeriodSchema.optional(),
  rmaId: z.string().min(1).optional(),
  accountId: z.string().min(1).optional(),
  sourceType: z.string().min(1).max(60).optional(),
  sourceId: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /fx-rates: the rates in force on `date` (each pair's latest on or before it; latest of all without). */
export const FxRateQuerySchema = z.strictObject({
  date: z.iso.date().optional(),
  quote: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code')
    .optional(),
});
export const FxRateListSchema = z.object({ items: z.array(FxRateSchema) });

/** What an import of ECB reference rates stored, and what it left out (currencies withdrawn since). */
export const FxImportResultSchema = z.object({
  imported: z.number().int(),
  dates: z.array(z.string()),
  skipped: z.array(z.object({ date: z.string(), quote: z.string(), rate: z.string(), reason: z.string() })),
});
export type FxImportResult = z.infer<typeof FxImportResultSchema>;

export const SUBLEDGERS = ['supplier_claims', 'customer_credits', 'returns_reserve'] as const;
export type Subledger = (typeof SUBLEDGERS)[number];

export const ReconciliationSchema = z.object({
  legalEntityId: z.string(),
  currency: z.string(),
  /** The period asked for (null: as things stand now) and the day whose end the figures are as at. */
  period: PeriodSchema.nullable(),
  asOf: z.string(),
  rows: z.array(
    z.object({
      role: z.enum(ACCOUNT_ROLES),
      accountCode: z.string().nullable(),
      accountName: z.string().nullable(),
      ledgerMinor: z.number().int(),
      subledgerMinor: z.number().int(),
      units: z.number().int(),
      differenceMinor: z.number().int(),
    }),
  ),
  unvaluedUnits: z.number().int(),
  /**
   * The other subledgers beside their control accounts: open supplier claims (vendor receivable),
   * open customer credits (customer credit), credits given ahead of inspection (returns reserve).
   */
  subledgers: z.array(
    z.object({
      name: z.enum(SUBLEDGERS),
      role: z.enum(ACCOUNT_ROLES),
      accountCode: z.string().nullable(),
      accountName: z.string().nullable(),
      ledgerMinor: z.number().int(),
      subledgerMinor: z.number().int(),
      /** Documents the subledger holds open (claims, memos). */
      openItems: z.number().int(),
      differenceMinor: z.number().int(),
    }),
  ),
  isReconciled: z.boolean(),
});
