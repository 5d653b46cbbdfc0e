// Reading unidentified arrivals: the identification queue (oldest first) and one arrival whole.
import type { Kysely, Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type { ListArrivalsFilter, UnidentifiedArrival, UnidentifiedArrivalSummary } from '../contracts/receiving.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { anyColumnContains, readPage, toPage } from '../platform/pagination.js';
import { customerNameOf, productNameOf, productSkuOf, siteCodeOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

function summaries(db: Reader) {
  return db
    .selectFrom('unidentified_arrivals as a')
    .selectAll('a')
    .select([
      siteCodeOf('a.site_id').as('site_code'),
      customerNameOf('a.customer_id').as('customer_name'),
      (eb) =>
        eb
          .selectFrom('unidentified_arrival_lines as l')
          .select((l) => l.fn.countAll<number>().as('n'))
          .whereRef('l.arrival_id', '=', 'a.id')
          .as('line_count'),
      (eb) =>
        eb
          .selectFrom('unidentified_arrival_lines as l')
          .select((l) => l.fn.coalesce(l.fn.sum<number>('l.quantity'), l.lit(0)).as('u'))
          .whereRef('l.arrival_id', '=', 'a.id')
          .as('units'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow): UnidentifiedArrivalSummary {
  return {
    id: row.id,
    arrivalNumber: row.arrival_number,
    status: row.status,
    siteId: row.site_id,
    siteCode: row.site_code,
    customerId: row.customer_id,
    customerName: row.customer_name ?? null,
    sender: row.sender,
    carrierReference: row.carrier_reference,
    note: row.note,
    rmaId: row.rma_id,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    identifiedAt: row.identified_at,
    identifiedBy: row.identified_by,
    lineCount: Number(row.line_count ?? 0),
    units: Number(row.units ?? 0),
    version: row.version,
  };
}

/** The identification queue: oldest first, since the goods wait on the dock until identified. */
export async function listUnidentifiedArrivals(
  db: Reader,
  ctx: RequestContext,
  filter: ListArrivalsFilter,
): Promise<Page<UnidentifiedArrivalSummary>> {
  assertCan(ctx.actor, 'receiving.read');
  let query = summaries(db);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.siteId) query = query.where('a.site_id', '=', filter.siteId);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) =>
      eb.or([
        anyColumnContains(['a.arrival_number', 'a.sender', 'a.carrier_reference', 'a.note'], text),
        eb.exists(
          eb
            .selectFrom('unidentified_arrival_lines as m')
            .select('m.id')
            .whereRef('m.arrival_id', '=', 'a.id')
            .where(anyColumnContains(['m.description', 'm.scanned_code'], text)),
        ),
      ]),
    );
  }
  const { rows, total } = await readPage(query, query.orderBy('a.received_at').orderBy('a.id'), filter);
  return toPage(rows.map(toSummary), filter.page, filter.pageSize, total);
}

export async function getUnidentifiedArrival(
  db: Reader,
  ctx: RequestContext,
  id: string,
): Promise<UnidentifiedArrival> {
  assertCan(ctx.actor, 'receiving.read');
  const row = await summaries(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `arrival ${id} was not found`);
  const lines = await db
    .selectFrom('unidentified_arrival_lines as l')
    .selectAll('l')
    .select([productSkuOf('l.product_id').as('product_sku'), productNameOf('l.product_id').as('product_name')])
    .where('l.arrival_id', '=', id)
    .orderBy('l.line_number')
    .execute();
  return {
    ...toSummary(row),
    lines: lines.map((line) => ({
      id: line.id,
      lineNumber: line.line_number,
      productId: line.product_id,
      productSku: line.product_sku ?? null,
      productName: line.product_name ?? null,
      description: line.description,
      scannedCode: line.scanned_code,
      quantity: line.quantity,
      claimedCondition: line.claimed_condition,
      reasonCode: line.reason_code,
      serials: JSON.parse(line.serials) as string[],
      lots: JSON.parse(line.lots) as string[],
    })),
  };
}
