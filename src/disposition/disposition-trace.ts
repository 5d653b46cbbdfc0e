// Disposition's part of a serial's or lot's trace: the decision on its units (the code, whether it
// overrode the rules, who decided) and what that opened and became — work orders and their
// outcome, vendor returns and their shipment, quarantine holds and their release, disposals,
// liquidation lots and their sale, shipments back to the customer.
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { TraceEvent, TraceKey } from '../contracts/trace.js';
import type { DB } from '../platform/db/database.js';
import { partnerNameOf, siteCodeOf, supplierNameOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;
type Event = TraceEvent;

const words = (code: string) => code.replaceAll('_', ' ');
const unitsText = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;

/** Every record of units here keys them the same way: product, lot and serial ('' when untracked). */
function unitMatches(alias: string, key: TraceKey): RawBuilder<SqlBool> {
  const column = sql.ref(`${alias}.${key.kind === 'serial' ? 'serial' : 'lot'}`);
  const product = key.productId ? sql` and ${sql.ref(`${alias}.product_id`)} = ${key.productId}` : sql``;
  return sql<SqlBool>`(${column} = ${key.value}${product})`;
}

function event(
  row: { rma_id: string; product_id: string; quantity: number },
  fields: Pick<Event, 'at' | 'title' | 'detail' | 'reference'> & { stage?: Event['stage']; href?: string },
): Event {
  return {
    stage: fields.stage ?? 'followed_up',
    at: fields.at,
    title: fields.title,
    detail: fields.detail,
    reference: fields.reference,
    href: fields.href ?? `/returns/${row.rma_id}`,
    productId: row.product_id,
    rmaId: row.rma_id,
    rmaNumber: null,
    units: row.quantity,
  };
}

async function dispositionEvents(db: Reader, key: TraceKey): Promise<Event[]> {
  const rows = await db
    .selectFrom('dispositions as d')
    .selectAll('d')
    .select(siteCodeOf('d.site_id').as('site_code'))
    .where(unitMatches('d', key))
    .orderBy('d.decided_at')
    .execute();
  return rows.map((row) =>
    event(row, {
      stage: 'disposed',
      at: row.decided_at,
      title: `Disposition ${row.code} (${words(row.action)})${row.is_override === 1 ? `, overriding ${row.recommended_code}` : ''}`,
      detail: [
        unitsText(row.quantity),
        row.is_override === 1 ? `override: ${row.override_reason}` : 'as the rules recommended',
        `to ${words(row.target_status)} at ${row.site_code}`,
        `by ${row.decided_by}`,
      ].join(' · '),
      reference: row.id,
      href: `/quality/inspections/${row.inspection_id}`,
    }),
  );
}

async function workOrderEvents(db: Reader, key: TraceKey): Promise<Event[]> {
  const rows = await db
    .selectFrom('work_orders as w')
    .selectAll('w')
    .select(partnerNameOf('w.partner_id').as('partner_name'))
    .where(unitMatches('w', key))
    .orderBy('w.created_at')
    .execute();
  return rows.flatMap((row) => {
    const who = row.performer === 'partner' ? (row.partner_name ?? 'a repair partner') : 'our own bench';
    const opened = event(row, {
      at: row.created_at,
      title: `Work order ${row.work_order_number} opened (${row.kind})`,
      detail: `${unitsText(row.quantity)} · by ${who} · ${row.status}`,
      reference: row.work_order_number,
    });
    if (!row.reported_at || !row.outcome) return [opened];
    const reported = event(row, {
      at: row.reported_at,
      title: `Work order ${row.work_order_number}: ${words(row.outcome)}`,
      detail: [
        row.outcome_grade ? `grade ${row.outcome_grade}` : null,
        row.outcome_note || null,
        `reported by ${row.reported_by ?? who}`,
      ]
        .filter((part) => part !== null)
        .join(' · '),
      reference: row.work_order_number,
    });
    return [opened, reported];
  });
}

async function vendorReturnEvents(db: Reader, key: TraceKey): Promise<Event[]> {
  const rows = await db
    .selectFrom('vendor_return_lines as l')
    .innerJoin('vendor_returns as v', 'v.id', 'l.vendor_return_id')
    .select([
      'l.rma_id',
      'l.product_id',
      'l.quantity',
      'l.reason_code',
      'v.vendor_return_number',
      'v.status',
      'v.created_at',
      'v.shipped_at',
      'v.shipped_by',
      'v.carrier_reference',
      'v.supplier_authorization',
      supplierNameOf('v.supplier_id').as('supplier_name'),
    ])
    .where(unitMatches('l', key))
    .orderBy('v.created_at')
    .execute();
  return rows.flatMap((row) => {
    const added = event(row, {
      at: row.created_at,
      title: `On vendor return ${row.vendor_return_number} to ${row.supplier_name ?? 'the supplier'}`,
      detail: [
        unitsText(row.quantity),
        `reason ${row.reason_code}`,
        row.supplier_authorization ? `supplier authorization ${row.supplier_authorization}` : null,
        row.status,
      ]
        .filter((part) => part !== null)
        .join(' · '),
      reference: row.vendor_return_number,
    });
    if (!row.shipped_at) return [added];
    const shipped = event(row, {
      at: row.shipped_at,
      title: `Vendor return ${row.vendor_return_number} shipped`,
      detail: [row.carrier_reference ? `carrier reference ${row.carrier_reference}` : null, `by ${row.shipped_by}`]
        .filter((part) => part !== null)
        .join(' · '),
      reference: row.vendor_return_number,
    });
    return [added, shipped];
  });
}

async function holdEvents(db: Reader, key: TraceKey): Promise<Event[]> {
  const rows = await db
    .selectFrom('quarantine_holds as h')
    .selectAll('h')
    .where(unitMatches('h', key))
    .orderBy('h.created_at')
    .execute();
  return rows.flatMap((row) => {
    const held = event(row, {
      at: row.created_at,
      title: 'Held in quarantine',
      detail: `${unitsText(row.quantity)} · ${row.reason}`,
      reference: row.id,
    });
    if (!row.released_at) return [held];
    const released = event(row, {
      at: row.released_at,
      title: `Released from quarantine${row.release_action ? ` to ${words(row.release_action)}` : ''}`,
      detail: [row.release_reason, `by ${row.released_by}`].filter(Boolean).join(' · '),
      reference: row.id,
    });
    return [held, released];
  });
}

async function disposalEvents(db: Reader, key: TraceKey): Promise<Event[]> {
  const rows = await db
    .selectFrom('disposals as x')
    .selectAll('x')
    .where(unitMatches('x', key))
    .orderBy('x.approved_at')
    .execute();
  return rows.map((row) =>
    event(row, {
      at: row.approved_at,
      title: `Disposed of (${words(row.method)}) on ${row.disposal_number}`,
      detail: `${unitsText(row.quantity)} · ${row.reason} · approved by ${row.approved_by}`,
      reference: row.disposal_number,
    }),
  );
}

async function liquidationEvents(db: Reader, key: TraceKey): Promise<Event[]> {
  const rows = await db
    .selectFrom('liquidation_lot_lines as l')
    .innerJoin('liquidation_lots as q', 'q.id', 'l.liquidation_lot_id')
    .select([
      'l.rma_id',
      'l.product_id',
      'l.quantity',
      'l.grade',
      'q.lot_number',
      'q.created_at',
      'q.sold_at',
      'q.sold_by',
      'q.buyer',
    ])
    .where(unitMatches('l', key))
    .orderBy('q.created_at')
    .execute();
  return rows.flatMap((row) => {
    const added = event(row, {
      at: row.created_at,
      title: `On liquidation lot ${row.lot_number}`,
      detail: `${unitsText(row.quantity)} · grade ${row.grade}`,
      reference: row.lot_number,
    });
    if (!row.sold_at) return [added];
    const sold = event(row, {
      at: row.sold_at,
      title: `Liquidation lot ${row.lot_number} sold${row.buyer ? ` to ${row.buyer}` : ''}`,
      detail: `by ${row.sold_by}`,
      reference: row.lot_number,
    });
    return [added, sold];
  });
}

async function shipmentBackEvents(db: Reader, key: TraceKey): Promise<Event[]> {
  const rows = await db
    .selectFrom('customer_return_shipments as s')
    .selectAll('s')
    .where(unitMatches('s', key))
    .orderBy('s.created_at')
    .execute();
  return rows.flatMap((row) => {
    const waiting = event(row, {
      at: row.created_at,
      title: 'To be shipped back to the customer',
      detail: `${unitsText(row.quantity)} · ${row.reason}`,
      reference: row.id,
    });
    if (!row.shipped_at) return [waiting];
    const shipped = event(row, {
      at: row.shipped_at,
      title: 'Shipped back to the customer',
      detail: [row.carrier_reference ? `carrier reference ${row.carrier_reference}` : null, `by ${row.shipped_by}`]
        .filter((part) => part !== null)
        .join(' · '),
      reference: row.carrier_reference || row.id,
    });
    return [waiting, shipped];
  });
}

export async function findDispositionTrace(db: Reader, key: TraceKey): Promise<TraceEvent[]> {
  const parts = await Promise.all([
    dispositionEvents(db, key),
    workOrderEvents(db, key),
    vendorReturnEvents(db, key),
    holdEvents(db, key),
    disposalEvents(db, key),
    liquidationEvents(db, key),
    shipmentBackEvents(db, key),
  ]);
  return parts.flat();
}
