// What the receiver scanned or chose, turned into products and identifiers: a GS1 scan gives the
// GTIN and may carry serial, lot and expiry; a plain code is a SKU or GTIN. A code no product has
// is refused at once (the screen answers red), so the receiver records those goods another way
// (as an unidentified arrival) instead of receiving an unknown product.
import type { ReceiveReturnRequest } from '../contracts/receiving.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { findProducts, findProductsByCode } from '../masterdata/index.js';
import { parseScan } from './domain/gs1/parse-scan.js';
import type { CountedGoods } from './domain/match-receipt.js';

type Item = ReceiveReturnRequest['items'][number];

export async function resolveCountedItems(tx: Tx, items: readonly Item[]): Promise<CountedGoods[]> {
  const counted: CountedGoods[] = [];
  for (const [index, item] of items.entries()) {
    const fromScan = item.scan ? await readScan(tx, item.scan, index) : undefined;
    const productId = fromScan?.productId ?? (await checkedProductId(tx, item.productId!, index));
    const serials = [...new Set([...item.serials, ...(fromScan?.serial ? [fromScan.serial] : [])])];
    const lots = [...new Set([...item.lots, ...(fromScan?.lot ? [fromScan.lot] : [])])];
    counted.push({
      productId,
      // Every serial is a unit; units counted beyond the serials carry none (an exception later).
      quantity: Math.max(item.quantity, serials.length),
      serials,
      lots,
      rmaLineId: item.rmaLineId,
      condition: item.condition,
      expiry: item.expiry ?? fromScan?.expiry ?? null,
    });
  }
  return counted;
}

async function checkedProductId(tx: Tx, productId: string, index: number): Promise<string> {
  const [product] = await findProducts(tx.db, [productId]);
  if (!product)
    throw new AppError('validation_failed', `product ${productId} does not exist`, {
      errors: [{ path: `items.${index}.productId`, message: 'unknown product' }],
    });
  return product.id;
}

/** A bare GTIN-8, -12, -13 or -14, as a 1D scan without symbology identifier sends it. */
const BARE_GTIN = /^(\d{8}|\d{12,14})$/;

async function readScan(tx: Tx, raw: string, index: number) {
  const trimmed = raw.trim();
  // A bare GTIN first: as an element string it would read as other AIs ("40…" as AI 400).
  const scan = BARE_GTIN.test(trimmed) ? null : parseScan(raw);
  if (scan?.ok && !scan.gtin)
    throw new AppError('validation_failed', 'the scan carries no GTIN (AI 01): scan the product barcode', {
      errors: [{ path: `items.${index}.scan`, message: 'no GTIN in the scan' }],
    });
  // Not a GS1 string: a plain SKU or GTIN typed or scanned from a 1D barcode.
  const code = scan?.ok ? scan.gtin! : trimmed;
  const products = await findProductsByCode(tx.db, code);
  if (products.length === 0) {
    const looksGs1 = /^[\](]|^https?:/i.test(trimmed) || trimmed.includes(String.fromCharCode(0x1d));
    const gs1 = scan && !scan.ok && looksGs1 ? ` (${scan.error.message})` : '';
    throw new AppError('validation_failed', `no product has the code ${code}${gs1}`, {
      errors: [{ path: `items.${index}.scan`, message: 'no product has this code' }],
    });
  }
  if (products.length > 1)
    throw new AppError('validation_failed', `the code ${code} fits several products; choose the product`, {
      errors: [{ path: `items.${index}.scan`, message: 'fits several products' }],
    });
  const read = scan?.ok ? scan : undefined;
  return { productId: products[0]!.id, serial: read?.serial, lot: read?.lot, expiry: read?.expiry };
}
