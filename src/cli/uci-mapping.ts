// What each line of the UCI Online Retail file (a UK gift-ware wholesaler, 2010-12-01 to
// 2011-12-09; CC BY 4.0) becomes in Boomerang. Pure: one row in, one decision out; the importer
// (uci-import.ts) acts on it. The same mapping is described for people in docs/uci-import.md.
//
// The source has one row per invoice line: InvoiceNo, StockCode, Description, Quantity,
// InvoiceDate, UnitPrice (GBP), CustomerID, Country. It has no reason text, no delivery dates and
// no link from a cancellation to the invoice it cancels. The mapping:
//
// - A sales invoice line (InvoiceNo of digits, Quantity > 0) is a sales order line: the invoice is
//   the order, shipped and delivered on its date (the source has no other date). Lines without a
//   CustomerID are sales to one guest account (they were sold; only the buyer is unknown), except
//   those at price 0, which are positive stock corrections ("found"), not sales: skipped. Postage,
//   carriage and other charges invoiced as lines (POST, C2, DOT, …) are sales lines of
//   non-returnable "Non-product charge" products: they were invoiced. A price in fractions of a
//   penny (0.001 GBP) cannot be held in minor units: refused, as `npm run import` refuses it.
// - An "A…" invoice ("Adjust bad debt", code B) is an accounting entry, not a sale: skipped.
// - A cancellation / credit line (InvoiceNo "C…", Quantity < 0) is
//     · a price adjustment or fee when its StockCode is not a product (D discount, M/m manual,
//       POST/DOT/C2 postage and carriage, BANK CHARGES, AMAZONFEE, CRUK commission, PADS, S
//       samples, B bad debt, gift vouchers, DCGS…): skipped with that reason — no goods moved;
//     · a guest's (no CustomerID): skipped — it cannot be matched to that customer's shipment;
//     · otherwise a return candidate: the importer matches it to an earlier shipment of the same
//       stock code to the same customer (see uci-import.ts for which one) and requests the return
//       through the returns' own step, which may still refuse it (more than was shipped, outside
//       the return window as of that day).
// - A non-cancellation line with a negative quantity (all without a customer) is a warehouse
//   stock adjustment. When its note names physical damage or disposal ("damaged", "wet",
//   "mouldy", "thrown away", "Unsaleable, destroyed.", "crushed", …) it is a write-off note:
//   scrap of that stock on that day. Boomerang's inventory holds returned stock only, by return
//   line; stock that never came back as a return cannot be put in it honestly, so a write-off
//   note is a counted, reported fate (see uci-import.ts), never a made-up return. Other negative
//   adjustments — blank, "check", "?", "sold as set on dotcom", wrong codes, lost, samples — are
//   count corrections, not scrap: skipped with that reason.

/** Stock codes that are charges, fees or adjustments, never goods (with what each one is). */
const NON_PRODUCT_CODES: ReadonlyArray<[RegExp, string]> = [
  [/^POST$/, 'postage'],
  [/^DOT$/, 'dotcom postage'],
  [/^C2$/, 'carriage'],
  [/^D$/, 'discount'],
  [/^[Mm]$/, 'manual adjustment'],
  [/^BANK CHARGES$/, 'bank charges'],
  [/^AMAZONFEE$/, 'Amazon fee'],
  [/^CRUK$/, 'CRUK commission'],
  [/^PADS$/, 'pads to match all cushions (a price adjustment)'],
  [/^S$/, 'samples'],
  [/^B$/, 'bad-debt adjustment'],
  [/^gift_/, 'gift voucher'],
  [/^DCGS/, 'manual dotcom adjustment'],
];

/** A note that says the goods were damaged or disposed of (a write-off), not merely miscounted. */
const SCRAP_NOTE =
  /damage|dagamed|breakage|broken|cracked|crushed|smashed|faulty|wet|water|mould|rust|thrown away|throw away|destroyed|unsaleable|smudges/i;

export interface UciRow {
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  /** As written in the source: 'YYYY-MM-DD HH:MM:SS', UK time without a zone. */
  invoiceDate: string;
  unitPrice: string;
  customerId: string;
  country: string;
}

export type UciLineDecision =
  | { kind: 'sale'; customerId: string; unitPriceMinor: number; isCharge: boolean }
  | { kind: 'return_candidate'; customerId: string; quantity: number }
  | { kind: 'write_off_note'; quantity: number; note: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'refused'; field: string; reason: string };

/** The guest account the sales without a CustomerID are recorded under. */
export const UCI_GUEST_ACCOUNT = 'UCI-GUEST';

/** What a stock code is when it is not a product, or null for goods. */
export function nonProductKindOf(stockCode: string): string | null {
  return NON_PRODUCT_CODES.find(([pattern]) => pattern.test(stockCode))?.[1] ?? null;
}

/** Pence from a GBP amount as written ('2.55' → 255); null when it has fractions of a penny. */
export function penceOf(gbp: string): number | null {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(gbp.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return null;
  return Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The source's date as an ISO timestamp (the source gives UK time without a zone; kept as written). */
export function isoOfUciDate(invoiceDate: string): string {
  const [date = '', time = '00:00'] = invoiceDate.trim().split(' ');
  return `${date}T${time.length === 5 ? `${time}:00` : time}.000Z`;
}

export function decideUciLine(row: UciRow): UciLineDecision {
  const code = row.stockCode.trim();
  const customerId = row.customerId.trim();
  const charge = nonProductKindOf(code);
  if (row.invoiceNo.startsWith('A'))
    return { kind: 'skipped', reason: 'bad-debt adjustment invoice (A…): an accounting entry, not a sale' };
  if (row.invoiceNo.startsWith('C')) {
    if (charge) return { kind: 'skipped', reason: `price adjustment or fee (${code}: ${charge}): no goods came back` };
    if (!customerId)
      return {
        kind: 'skipped',
        reason: "guest cancellation (no CustomerID): cannot be matched to the customer's shipment",
      };
    if (row.quantity >= 0) return { kind: 'refused', field: 'Quantity', reason: 'a cancellation with no quantity' };
    return { kind: 'return_candidate', customerId, quantity: -row.quantity };
  }
  if (row.quantity < 0) {
    const note = row.description.trim();
    if (SCRAP_NOTE.test(note)) return { kind: 'write_off_note', quantity: -row.quantity, note };
    return {
      kind: 'skipped',
      reason: `stock adjustment "${note || '(no note)'}": a count correction, not a write-off for damage`,
    };
  }
  if (row.quantity === 0) return { kind: 'refused', field: 'Quantity', reason: 'a line with quantity 0' };
  const pence = penceOf(row.unitPrice);
  if (pence === null)
    return {
      kind: 'refused',
      field: 'UnitPrice',
      reason: `${row.unitPrice} GBP is not a whole number of pence`,
    };
  if (!customerId && pence === 0)
    return { kind: 'skipped', reason: 'stock correction without customer or price: not a sale' };
  return { kind: 'sale', customerId: customerId || UCI_GUEST_ACCOUNT, unitPriceMinor: pence, isCharge: !!charge };
}
