// The UCI Online Retail import (issue 12): one read of the file, then phases in order — legal
// entity, customers, products, sales orders, returns, write-off notes — each timed. What each
// line becomes is uci-mapping.ts; this file acts on it.
//
// Speed and its price. Master data and orders are the history of the source system, already
// decided: they go in through the bulk-load steps masterdata and sales keep for seeders and
// importers (loadMasterRows, loadSalesOrderRows: multi-row inserts, thousands of rows per
// statement, 5,000 orders per transaction), with the checks createSalesOrder would make done
// here per line by the mapping (whole pence, positive quantity, a known customer and product).
// One order per request through createSalesOrder took ~50 s for the year; this is a few seconds.
//
// Returns are not history we may write as rows: each goes through returns' own request step
// (requestHistoricalReturn → requestReturn), which holds the quantity on the order line and so
// refuses more than was shipped. Many go in one transaction, each in its own savepoint
// (runInSavepoint): a refused return leaves nothing behind and does not undo the others.
//
// Which shipment a cancellation line returns. The source does not link them. We take the
// customer's LATEST earlier shipment of that stock code that still has the quantity unreturned.
// Why the latest: a cancellation in this data usually reverses a recent invoice (often the same
// day); and the latest is the shipment whose return window is still open on the cancellation's
// date, so it is both the likeliest true pairing and the one the policy, as of that day, can
// accept — the earliest would tie a December credit to January's invoice and be refused as late.
// When no earlier shipment has enough left, the line is still requested, against the one with
// the most left, so that the step itself refuses it ("cannot return more than was shipped").
// One cancellation line is one return line; it is not split across several shipments.
//
// Idempotent: the first phase claims 'uci-import' (platform/db/claims.ts) in its transaction; a
// second run into the same database is refused before writing anything.
import { CUSTOMERS, LEGAL_ENTITIES, loadMasterRows, PRODUCTS } from '../masterdata/index.js';
import type { CustomersTable, LegalEntitiesTable, ProductsTable } from '../masterdata/index.js';
import { loadSalesOrderRows, type SalesOrderLinesTable, type SalesOrdersTable } from '../sales/index.js';
import { requestHistoricalReturn } from '../returns/index.js';
import { findCurrentConfig, publishConfig } from '../configuration/index.js';
import type { CreateRmaRequest } from '../contracts/returns.js';
import { SYSTEM_ACTOR, type RequestContext } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import { claimOnce, isClaimed } from '../platform/db/claims.js';
import { runInSavepoint, runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { isUnreadable, openCsv } from './csv-file.js';
import type { FateSink, LineFate } from './import-fates.js';
import { decideUciLine, isoOfUciDate, UCI_GUEST_ACCOUNT, type UciRow } from './uci-mapping.js';

export const UCI_ENTITY_CODE = 'UCI-UK';
/** The reason code of a return imported from a UCI cancellation (added to reason_codes if absent). */
export const UCI_REASON_CODE = 'CANCELLED_ORDER';
const ORDERS_PER_TRANSACTION = 5_000;
const RETURNS_PER_TRANSACTION = 500;

export type UciPhase = 'read' | 'legal entity' | 'customers' | 'products' | 'sales orders' | 'returns' | 'write-offs';

export interface UciImportReport {
  /** false when the database already holds the UCI import: nothing was written. */
  isImported: boolean;
  rows: number;
  phases: Array<{ phase: UciPhase; milliseconds: number; records: number }>;
  milliseconds: number;
  customers: number;
  products: number;
  orders: number;
  orderLines: number;
  returns: number;
  returnLines: number;
  returnUnits: number;
  writeOffNotes: number;
  writeOffUnits: number;
  /** Lines by fate and reason (the reasons' wording without the line's own numbers). */
  fates: Record<LineFate['fate'], number>;
  reasons: Map<string, number>;
}

export interface SaleLine {
  line: number;
  orderLineId: string;
  customer: string;
  stockCode: string;
  at: string;
  quantity: number;
  returned: number;
}

interface CancellationLine {
  line: number;
  invoiceNo: string;
  customer: string;
  stockCode: string;
  description: string;
  at: string;
  quantity: number;
}

const importContext = (step: string): RequestContext => ({
  actor: { ...SYSTEM_ACTOR, id: 'uci-import', personId: 'uci-import', name: 'UCI import' },
  requestId: `uci-import:${step}`,
  isHistory: true,
});

export async function importUci(
  platform: Platform,
  source: { path: string } | { text: string },
  sink: FateSink = () => undefined,
): Promise<UciImportReport> {
  const started = performance.now();
  const report: UciImportReport = {
    isImported: false,
    rows: 0,
    phases: [],
    milliseconds: 0,
    customers: 0,
    products: 0,
    orders: 0,
    orderLines: 0,
    returns: 0,
    returnLines: 0,
    returnUnits: 0,
    writeOffNotes: 0,
    writeOffUnits: 0,
    fates: { imported: 0, refused: 0, skipped: 0, write_off: 0 },
    reasons: new Map(),
  };
  let lap = performance.now();
  const phase = (name: UciPhase, records: number) => {
    const now = performance.now();
    report.phases.push({ phase: name, milliseconds: Math.round(now - lap), records });
    lap = now;
  };
  const fate = async (line: number, record: string, kind: LineFate['fate'], field: string, message: string) => {
    report.fates[kind] += 1;
    if (kind !== 'imported') {
      // One count per kind of reason: the line's own numbers, codes and notes left out.
      const reason =
        kind === 'write_off'
          ? 'write-off note: scrap'
          : message.replace(/"[^"]*"/g, '"…"').replace(/\b\w*\d\w*\b/g, 'N');
      const key = `${kind}: ${reason}`;
      report.reasons.set(key, (report.reasons.get(key) ?? 0) + 1);
    }
    await sink({ line, record, fate: kind, field, message });
  };

  if (await isClaimed(platform.db, 'uci-import')) {
    report.milliseconds = Math.round(performance.now() - started);
    return report;
  }

  // Read: every line decided; rows for master data and orders built with their ids.
  const now = platform.clock.now().toISOString();
  const stamp = { version: 1, created_at: now, updated_at: now };
  const entity: LegalEntitiesTable = {
    id: platform.ids.next(LEGAL_ENTITIES.prefix),
    code: UCI_ENTITY_CODE,
    name: 'UCI Online Retail (UK gift-ware wholesaler)',
    functional_currency: 'GBP',
    country: 'GB',
    ...stamp,
  };
  const customers = new Map<string, CustomersTable>();
  const products = new Map<string, ProductsTable>();
  const orders: SalesOrdersTable[] = [];
  const lines: SalesOrderLinesTable[] = [];
  const saleLines: SaleLine[] = [];
  const cancellations: CancellationLine[] = [];
  const writeOffs: Array<{
    line: number;
    invoiceNo: string;
    stockCode: string;
    at: string;
    quantity: number;
    note: string;
  }> = [];
  const orderLineFates: Array<{ line: number; invoiceNo: string }> = [];
  let order = null as SalesOrdersTable | null;
  let lineInOrder = 0;

  const customerOf = (account: string, country: string): CustomersTable => {
    let customer = customers.get(account);
    if (!customer) {
      customer = {
        id: platform.ids.next(CUSTOMERS.prefix),
        account_number: account,
        name: account === UCI_GUEST_ACCOUNT ? 'Guest checkout (no customer id)' : `UCI customer ${account}`,
        tier: 'silver',
        legal_entity_id: entity.id,
        channel: 'direct',
        currency: 'GBP',
        payment_terms: '',
        return_window_days: null,
        is_on_credit_hold: 0,
        email: '',
        region: country,
        locale: 'en-GB',
        ...stamp,
      };
      customers.set(account, customer);
    }
    return customer;
  };
  const productOf = (stockCode: string, description: string, pence: number, isCharge: boolean): ProductsTable => {
    let product = products.get(stockCode);
    if (!product) {
      product = {
        id: platform.ids.next(PRODUCTS.prefix),
        sku: stockCode,
        gtin: null,
        name: description || stockCode,
        category: isCharge ? 'Non-product charge' : 'Giftware',
        // The source has prices, not costs: cost unknown (0), list price the first price seen.
        unit_cost_minor: 0,
        list_price_minor: pence,
        currency: 'GBP',
        is_returnable: isCharge ? 0 : 1,
        is_serialized: 0,
        is_lot_controlled: 0,
        regulated_class: null,
        is_temperature_controlled: 0,
        warranty_months: 0,
        supplier_id: null,
        ...stamp,
      };
      products.set(stockCode, product);
    } else if (product.name === product.sku && description) product.name = description;
    return product;
  };

  const csv = openCsv(source);
  for await (const row of csv.rows) {
    report.rows += 1;
    if (isUnreadable(row)) {
      await fate(row.line, '', 'refused', '', `the line cannot be read as CSV: ${row.error}`);
      continue;
    }
    const c = row.cells;
    const uci: UciRow = {
      invoiceNo: (c.InvoiceNo ?? '').trim(),
      stockCode: (c.StockCode ?? '').trim(),
      description: (c.Description ?? '').trim(),
      quantity: Number(c.Quantity),
      invoiceDate: (c.InvoiceDate ?? '').trim(),
      unitPrice: (c.UnitPrice ?? '').trim(),
      customerId: (c.CustomerID ?? '').trim(),
      country: (c.Country ?? '').trim(),
    };
    const decision = decideUciLine(uci);
    const at = isoOfUciDate(uci.invoiceDate);
    switch (decision.kind) {
      case 'skipped':
        await fate(row.line, uci.invoiceNo, 'skipped', '', decision.reason);
        break;
      case 'refused':
        await fate(row.line, uci.invoiceNo, 'refused', decision.field, decision.reason);
        break;
      case 'write_off_note':
        writeOffs.push({
          line: row.line,
          invoiceNo: uci.invoiceNo,
          stockCode: uci.stockCode,
          at,
          quantity: decision.quantity,
          note: decision.note,
        });
        break;
      case 'return_candidate':
        cancellations.push({
          line: row.line,
          invoiceNo: uci.invoiceNo,
          customer: decision.customerId,
          stockCode: uci.stockCode,
          description: uci.description,
          at,
          quantity: decision.quantity,
        });
        break;
      case 'sale': {
        const customer = customerOf(decision.customerId, uci.country);
        const product = productOf(uci.stockCode, uci.description, decision.unitPriceMinor, decision.isCharge);
        if (order?.order_number !== uci.invoiceNo) {
          order = {
            id: platform.ids.next('so'),
            order_number: uci.invoiceNo,
            customer_id: customer.id,
            legal_entity_id: entity.id,
            currency: 'GBP',
            order_date: at.slice(0, 10),
            customer_po: '',
            channel: 'direct',
            ...stamp,
          };
          orders.push(order);
          lineInOrder = 0;
        }
        lineInOrder += 1;
        const date = at.slice(0, 10);
        const orderLine: SalesOrderLinesTable = {
          id: platform.ids.next('sol'),
          order_id: order.id,
          line_number: lineInOrder,
          product_id: product.id,
          quantity_shipped: uci.quantity,
          quantity_committed: 0,
          unit_price_minor: decision.unitPriceMinor,
          tax_minor: 0,
          // The source has one date: the invoice's. The goods shipped and arrived then, as far as we know.
          ship_date: date,
          delivery_date: date,
          serials_shipped: '[]',
          lots_shipped: '[]',
          ship_site_id: null,
        };
        lines.push(orderLine);
        orderLineFates.push({ line: row.line, invoiceNo: uci.invoiceNo });
        if (!decision.isCharge)
          saleLines.push({
            line: row.line,
            orderLineId: orderLine.id,
            customer: decision.customerId,
            stockCode: uci.stockCode,
            at,
            quantity: uci.quantity,
            returned: 0,
          });
        break;
      }
    }
  }
  phase('read', report.rows);

  // Legal entity, with the claim that makes a second run refuse.
  const isFirstRun = await runInTransaction(platform, importContext('legal-entity'), async (tx) => {
    if (!(await claimOnce(tx.db, 'uci-import'))) return false;
    await loadMasterRows(
      tx,
      { legal_entities: [entity], sites: [], suppliers: [], products: [], customers: [] },
      'uci',
    );
    return true;
  });
  if (!isFirstRun) {
    report.milliseconds = Math.round(performance.now() - started);
    return report;
  }
  report.isImported = true;
  phase('legal entity', 1);

  const customerRows = [...customers.values()];
  await runInTransaction(platform, importContext('customers'), (tx) =>
    loadMasterRows(tx, { legal_entities: [], sites: [], suppliers: [], products: [], customers: customerRows }, 'uci'),
  );
  report.customers = customerRows.length;
  phase('customers', customerRows.length);

  const productRows = [...products.values()];
  await runInTransaction(platform, importContext('products'), (tx) =>
    loadMasterRows(tx, { legal_entities: [], sites: [], suppliers: [], products: productRows, customers: [] }, 'uci'),
  );
  report.products = productRows.length;
  phase('products', productRows.length);

  await loadOrders(platform, orders, lines);
  for (const { line, invoiceNo } of orderLineFates) await fate(line, invoiceNo, 'imported', '', '');
  report.orders = orders.length;
  report.orderLines = lines.length;
  phase('sales orders', lines.length);

  await ensureReasonCode(platform);
  const customerIds = new Map([...customers].map(([account, row]) => [account, row.id]));
  await importReturns(platform, cancellations, saleLines, customerIds, report, fate);
  phase('returns', cancellations.length);

  // Write-off notes: reported, counted, not stored (see uci-mapping.ts: no honest place for them).
  for (const w of writeOffs) {
    report.writeOffNotes += 1;
    report.writeOffUnits += w.quantity;
    await fate(
      w.line,
      w.invoiceNo,
      'write_off',
      '',
      `write-off note: scrap, ${w.quantity} units of ${w.stockCode} on ${w.at.slice(0, 10)} ("${w.note}")`,
    );
  }
  phase('write-offs', writeOffs.length);
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}

async function loadOrders(platform: Platform, orders: SalesOrdersTable[], lines: SalesOrderLinesTable[]) {
  let lineStart = 0;
  for (let start = 0; start < orders.length; start += ORDERS_PER_TRANSACTION) {
    const batch = orders.slice(start, start + ORDERS_PER_TRANSACTION);
    const ids = new Set(batch.map((o) => o.id));
    let lineEnd = lineStart;
    while (lineEnd < lines.length && ids.has(lines[lineEnd]!.order_id)) lineEnd += 1;
    const batchLines = lines.slice(lineStart, lineEnd);
    lineStart = lineEnd;
    await runInTransaction(platform, importContext(`orders:${start}`), (tx) =>
      loadSalesOrderRows(tx, batch, batchLines, 'uci'),
    );
  }
}

/** The reason code imported returns carry; published as a new reason_codes version when absent. */
async function ensureReasonCode(platform: Platform): Promise<void> {
  const current = await findCurrentConfig(platform.db, 'reason_codes');
  if (current.document.codes.some((c) => c.code === UCI_REASON_CODE && c.isActive)) return;
  await publishConfig(platform, importContext('reason-code'), {
    kind: 'reason_codes',
    expectedVersion: current.version,
    comment: 'UCI import: cancellations and credits of the source system become returns with this reason',
    document: {
      ...current.document,
      codes: [
        ...current.document.codes.filter((c) => c.code !== UCI_REASON_CODE),
        {
          code: UCI_REASON_CODE,
          label: 'Order cancelled or credited',
          description: 'A cancellation or credit invoice of the source system; it gives no reason',
          isActive: true,
          fault: 'none',
        },
      ],
    },
  });
}

type Fate = (line: number, record: string, kind: LineFate['fate'], field: string, message: string) => Promise<void>;

async function importReturns(
  platform: Platform,
  cancellations: CancellationLine[],
  saleLines: SaleLine[],
  customerIds: Map<string, string>,
  report: UciImportReport,
  fate: Fate,
): Promise<void> {
  const shipped = new Map<string, SaleLine[]>();
  for (const sale of saleLines) {
    const key = `${sale.customer}|${sale.stockCode}`;
    const list = shipped.get(key);
    if (list) list.push(sale);
    else shipped.set(key, [sale]);
  }
  const invoices: CancellationLine[][] = [];
  for (const line of cancellations) {
    const last = invoices[invoices.length - 1];
    if (last && last[0]!.invoiceNo === line.invoiceNo) last.push(line);
    else invoices.push([line]);
  }
  for (let start = 0; start < invoices.length; start += RETURNS_PER_TRANSACTION) {
    const batch = invoices.slice(start, start + RETURNS_PER_TRANSACTION);
    // Fates are decided inside the transaction and reported once it has committed.
    const decided: Array<Parameters<Fate>> = [];
    const taken: Array<{ sale: SaleLine; quantity: number }> = [];
    await runInTransaction(platform, importContext(`returns:${start}`), async (tx) => {
      for (const invoice of batch) {
        let candidates: Array<{ cancellation: CancellationLine; sale: SaleLine }> = [];
        // Two lines of one cancellation are two shipments returned, never one order line twice.
        const used = new Set<SaleLine>();
        for (const cancellation of invoice) {
          const sale = matchShipment(
            shipped.get(`${cancellation.customer}|${cancellation.stockCode}`),
            cancellation,
            used,
          );
          if (sale) used.add(sale);
          if (sale) candidates.push({ cancellation, sale });
          else
            decided.push([
              cancellation.line,
              cancellation.invoiceNo,
              'refused',
              'StockCode',
              `no earlier shipment of ${cancellation.stockCode} to customer ${cancellation.customer} in the data (sold before 2010-12-01?): cannot return what was not shipped`,
            ]);
        }
        while (candidates.length > 0) {
          const customerId = customerIds.get(invoice[0]!.customer)!;
          try {
            await runInSavepoint(tx, (item) =>
              requestHistoricalReturn(item, requestOf(customerId, invoice[0]!.invoiceNo, candidates), {
                at: invoice[0]!.at,
                decidedBy: `UCI cancellation invoice ${invoice[0]!.invoiceNo}`,
                comment: 'Imported from the UCI Online Retail history: the source records this cancellation or credit.',
                channel: 'import',
              }),
            );
            report.returns += 1;
            for (const { cancellation, sale } of candidates) {
              taken.push({ sale, quantity: cancellation.quantity });
              sale.returned += cancellation.quantity;
              report.returnLines += 1;
              report.returnUnits += cancellation.quantity;
              decided.push([cancellation.line, cancellation.invoiceNo, 'imported', '', '']);
            }
            break;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            const refusedIndexes = new Map<number, string>();
            for (const e of error.errors ?? []) {
              const match = /^lines\.(\d+)/.exec(e.path);
              if (match) refusedIndexes.set(Number(match[1]), e.message);
            }
            // Not about one line (the customer, the request as a whole): every line with its reason.
            if (refusedIndexes.size === 0) {
              for (const { cancellation } of candidates)
                decided.push([cancellation.line, cancellation.invoiceNo, 'refused', '', error.message]);
              break;
            }
            for (const [index, message] of refusedIndexes) {
              const { cancellation } = candidates[index]!;
              decided.push([cancellation.line, cancellation.invoiceNo, 'refused', 'Quantity', message]);
            }
            candidates = candidates.filter((_, index) => !refusedIndexes.has(index));
          }
        }
      }
    }).catch((error: unknown) => {
      // The batch did not commit: undo what it took from the shipments in memory.
      for (const { sale, quantity } of taken) sale.returned -= quantity;
      throw error;
    });
    for (const args of decided) await fate(...args);
  }
}

/**
 * The customer's latest shipment of the stock code, at or before the cancellation, with enough left
 * unreturned; failing that, the one with the most left (the step will refuse it as more than
 * shipped); undefined when nothing was shipped before.
 */
export function matchShipment(
  shipments: readonly SaleLine[] | undefined,
  cancellation: Pick<CancellationLine, 'at' | 'quantity'>,
  used: ReadonlySet<SaleLine> = new Set(),
): SaleLine | undefined {
  let mostLeft: SaleLine | undefined;
  for (let i = (shipments?.length ?? 0) - 1; i >= 0; i -= 1) {
    const sale = shipments![i]!;
    if (sale.at > cancellation.at || used.has(sale)) continue;
    const left = sale.quantity - sale.returned;
    if (left >= cancellation.quantity) return sale;
    if (!mostLeft || left > mostLeft.quantity - mostLeft.returned) mostLeft = sale;
  }
  return mostLeft;
}

function requestOf(
  customerId: string,
  invoiceNo: string,
  lines: Array<{ cancellation: CancellationLine; sale: SaleLine }>,
): CreateRmaRequest {
  return {
    customerId,
    returnType: 'standard',
    note: `UCI cancellation invoice ${invoiceNo}`,
    customerReference: invoiceNo,
    lines: lines.map(({ cancellation, sale }) => ({
      orderLineId: sale.orderLineId,
      quantity: cancellation.quantity,
      reasonCode: UCI_REASON_CODE,
      // The source says nothing of the goods' state; "unopened" asks for no approval or inspection claim.
      claimedCondition: 'unopened',
      note: cancellation.description,
      serials: [],
      lots: [],
    })),
  };
}
