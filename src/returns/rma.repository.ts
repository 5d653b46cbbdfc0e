// Queries of return authorization. One query per function, over a connection or a transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { ListRmasFilter } from '../contracts/returns.js';
import { anyColumnContains, offsetOf } from '../platform/pagination.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { insertRows } from '../platform/db/insert-rows.js';
import type { Tx } from '../platform/unit-of-work.js';
import {
  customerAccountOf,
  customerNameOf,
  customersMatching,
  productNameOf,
  productsMatching,
  productSkuOf,
} from '../masterdata/index.js';
import { orderNumberOf } from '../sales/index.js';
import type { RmaLinesTable, RmasTable } from './returns.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

export function findActiveSerials(db: Reader, orderLineIds: string[]) {
  if (orderLineIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rma_serials')
    .select(['order_line_id', 'serial'])
    .where('order_line_id', 'in', orderLineIds)
    .where('is_active', '=', 1)
    .execute();
}

/** Puts serials on a return; the partial unique index refuses a serial already on an open one. */
export async function holdSerials(
  trx: Transaction<DB>,
  serials: Array<{ orderLineId: string; serial: string }>,
  rmaId: string,
  /** The error to throw when a serial is taken (built only then: an error captures a stack). */
  whenTaken: () => Error,
): Promise<void> {
  if (serials.length === 0) return;
  await trx
    .insertInto('rma_serials')
    .values(serials.map((s) => ({ rma_id: rmaId, order_line_id: s.orderLineId, serial: s.serial, is_active: 1 })))
    .execute()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? whenTaken() : error;
    });
}

export async function deactivateSerials(trx: Transaction<DB>, rmaId: string): Promise<void> {
  await trx.updateTable('rma_serials').set({ is_active: 0 }).where('rma_id', '=', rmaId).execute();
}

export function findRmaRow(db: Reader, id: string) {
  return db
    .selectFrom('rmas')
    .selectAll('rmas')
    .select([
      customerNameOf('rmas.customer_id').as('customer_name'),
      customerAccountOf('rmas.customer_id').as('customer_account'),
    ])
    .where('rmas.id', '=', id)
    .executeTakeFirst();
}

export function findRmaLineRows(db: Reader, rmaId: string) {
  return db
    .selectFrom('rma_lines')
    .selectAll('rma_lines')
    .select([
      productSkuOf('rma_lines.product_id').as('sku'),
      productNameOf('rma_lines.product_id').as('product_name'),
      orderNumberOf('rma_lines.order_id').as('order_number'),
    ])
    .where('rma_lines.rma_id', '=', rmaId)
    .orderBy('rma_lines.line_number')
    .execute();
}

/** The quantity of every line of these returns, for deriving their progress. */
export function findLineQuantities(db: Reader, rmaIds: readonly string[]) {
  if (rmaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rma_lines')
    .select(['id', 'rma_id', 'quantity', 'order_line_id'])
    .where('rma_id', 'in', rmaIds)
    .orderBy('line_number')
    .execute();
}

export async function insertRma(tx: Pick<Tx, 'db' | 'dialect'>, rma: RmasTable, lines: RmaLinesTable[]): Promise<void> {
  await insertRows(tx.db, tx.dialect, [
    { table: 'rmas', rows: [rma] },
    { table: 'rma_lines', rows: lines },
  ]);
}

export async function updateRmaStatus(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<RmasTable, 'id' | 'version'>> & Pick<RmasTable, 'status' | 'updated_at'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('rmas')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const SORT_COLUMNS: Record<string, string> = {
  rmaNumber: 'rmas.rma_number',
  status: 'rmas.status',
  customer: 'customer_name',
  type: 'rmas.return_type',
  value: 'rmas.total_value_minor',
  created: 'rmas.created_at',
  expires: 'rmas.expires_on',
};

export function searchRmaRows(db: Reader, query: ListRmasFilter) {
  let base = db.selectFrom('rmas');
  if (query.status) base = base.where('rmas.status', '=', query.status);
  if (query.customerId) base = base.where('rmas.customer_id', '=', query.customerId);
  if (query.returnType) base = base.where('rmas.return_type', '=', query.returnType);
  if (query.isUnauthorized) base = base.where('rmas.is_unauthorized', '=', query.isUnauthorized === 'true' ? 1 : 0);
  if (query.createdFrom) base = base.where('rmas.created_at', '>=', query.createdFrom);
  if (query.createdTo) base = base.where('rmas.created_at', '<', `${query.createdTo}T99`);
  if (query.reasonCode) {
    const code = query.reasonCode;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('rma_lines')
          .select('rma_lines.id')
          .whereRef('rma_lines.rma_id', '=', 'rmas.id')
          .where('rma_lines.reason_code', '=', code),
      ),
    );
  }
  const q = query.q;
  if (q) {
    base = base.where((eb) =>
      eb.or([
        anyColumnContains(['rmas.rma_number', 'rmas.customer_reference'], q),
        eb('rmas.customer_id', 'in', customersMatching(db, q)),
        // A line of the return: its product (SKU, GTIN, name), or a serial or lot on it.
        eb.exists(
          eb
            .selectFrom('rma_lines')
            .select('rma_lines.id')
            .whereRef('rma_lines.rma_id', '=', 'rmas.id')
            .where((line) =>
              line.or([
                line('rma_lines.product_id', 'in', productsMatching(db, q)),
                anyColumnContains(['rma_lines.serials', 'rma_lines.lots'], q),
              ]),
            ),
        ),
      ]),
    );
  }
  const rows = base
    .selectAll('rmas')
    .select([
      customerNameOf('rmas.customer_id').as('customer_name'),
      customerAccountOf('rmas.customer_id').as('customer_account'),
    ])
    .select((eb) =>
      eb
        .selectFrom('rma_lines')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('rma_lines.rma_id', '=', 'rmas.id')
        .as('line_count'),
    )
    .orderBy(
      sql.ref(SORT_COLUMNS[query.sort.replace(/^-/, '')] ?? 'rmas.created_at'),
      query.sort.startsWith('-') ? 'desc' : 'asc',
    )
    .orderBy('rmas.id', 'desc')
    .offset(offsetOf(query.page, query.pageSize))
    .limit(query.pageSize)
    .execute();
  const count = base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Promise.all([rows, count]);
}

export function findDueAuthorizations(db: Reader, today: string, limit: number) {
  return db
    .selectFrom('rmas')
    .select(['id', 'version'])
    .where('status', '=', 'authorized')
    .where('expires_on', '<', today)
    .orderBy('expires_on')
    .limit(limit)
    .execute();
}

export function countRmasByStatus(db: Reader, customerId?: string) {
  let query = db.selectFrom('rmas').select(['status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (customerId) query = query.where('customer_id', '=', customerId);
  return query.groupBy('status').execute();
}
