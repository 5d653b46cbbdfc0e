// The subledgers beside their control accounts: what the documents say is open, in the books'
// currency, against what the account holds. Each document keeps its open amount as it posts
// (a claim its receivable, an issued memo its credit), so a difference means an entry that did
// not come from its document, or a document that changed without its entry. Read-only.
import type { Kysely } from 'kysely';
import type { AccountRole, Subledger } from '../contracts/ledger.js';
import type { DayEnd } from '../platform/calendar.js';
import type { DB } from '../platform/db/database.js';
import { accountBalancesByRole } from '../ledger/index.js';
import { claimReceivablesThrough, openClaimReceivables } from '../recovery/index.js';
import { openCustomerCredits, openReserveByEntity } from '../settlement/index.js';

interface SubledgerSource {
  name: Subledger;
  role: AccountRole;
  /** Debit-positive, like the account's balance: what the open documents hold (at a day's end if given). */
  open(db: Kysely<DB>, legalEntityId: string, end?: DayEnd): Promise<{ totalMinor: number; items: number }>;
}

const SOURCES: readonly SubledgerSource[] = [
  {
    name: 'supplier_claims',
    role: 'vendor_receivable',
    async open(db, legalEntityId, end) {
      const claims = end
        ? await claimReceivablesThrough(db, legalEntityId, end.date)
        : await openClaimReceivables(db, legalEntityId);
      return { totalMinor: claims.reduce((sum, claim) => sum + claim.receivableMinor, 0), items: claims.length };
    },
  },
  {
    name: 'customer_credits',
    role: 'customer_credit',
    open: (db, legalEntityId, end) => openCustomerCredits(db, legalEntityId, end),
  },
  {
    name: 'returns_reserve',
    role: 'returns_reserve',
    async open(db, legalEntityId, end) {
      const reserve = await openReserveByEntity(db, legalEntityId, end);
      return { totalMinor: reserve.openMinor, items: reserve.byReturn.length };
    },
  },
];

/** Now, or with `end` as at the end of that day: entries posted through it, documents as they stood. */
export async function reconcileSubledgers(db: Kysely<DB>, legalEntityId: string, end?: DayEnd) {
  const balances = await accountBalancesByRole(
    db,
    legalEntityId,
    SOURCES.map((source) => source.role),
    end?.date,
  );
  return Promise.all(
    SOURCES.map(async (source) => {
      const open = await source.open(db, legalEntityId, end);
      const books = balances.get(source.role);
      const ledgerMinor = books?.balanceMinor ?? 0;
      return {
        name: source.name,
        role: source.role,
        accountCode: books?.code ?? null,
        accountName: books?.name ?? null,
        ledgerMinor,
        subledgerMinor: open.totalMinor,
        openItems: open.items,
        differenceMinor: ledgerMinor - open.totalMinor,
      };
    }),
  );
}
