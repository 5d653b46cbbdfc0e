// What the KPIs need of the ledger: what each return line's units are carried at (functional
// currency, fixed at the first receipt), and the freight posted against each return.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findLedgerForKpi(db: Reader, rmaIds: readonly string[], rmaLineIds: readonly string[]) {
  const unitValues = new Map<string, number>();
  const freight = new Map<string, number>();
  if (rmaIds.length === 0) return { unitValues, freight };
  const [valuations, freightLines] = await Promise.all([
    rmaLineIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('return_line_valuations')
          .select(['rma_line_id', 'unit_value_minor'])
          .where('rma_line_id', 'in', rmaLineIds)
          .execute(),
    db
      .selectFrom('journal_lines as l')
      .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
      .innerJoin('ledger_accounts as a', 'a.id', 'l.account_id')
      .select(['e.rma_id', 'l.debit_minor', 'l.credit_minor'])
      .where('e.rma_id', 'in', rmaIds)
      .where('a.role', '=', 'return_freight')
      .execute(),
  ]);
  for (const v of valuations) unitValues.set(v.rma_line_id, v.unit_value_minor);
  for (const line of freightLines)
    freight.set(line.rma_id!, (freight.get(line.rma_id!) ?? 0) + line.debit_minor - line.credit_minor);
  return { unitValues, freight };
}
