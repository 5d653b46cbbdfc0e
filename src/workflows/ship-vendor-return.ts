// Shipping a vendor return is one transaction: disposition marks the document shipped (with the
// carrier's reference and, where the supplier's terms ask for it, the supplier's authorization) and
// tells the supplier what is coming; inventory takes every line's units out of stock; the ledger
// moves their carrying value to vendor receivable; and recovery submits the claim for them, at
// the amounts the supplier's terms give, in its currency (the receivable then written down to
// what is claimed, where that is less). A line whose units are no longer on
// vendor return at the site refuses the whole shipment.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { convertMinor, legalEntityOfSite, postEntry, postStockMovements, requireRate } from '../ledger/index.js';
import { moveReturnLineUnits } from '../inventory/index.js';
import { findLegalEntity, findSupplierTerms } from '../masterdata/index.js';
import {
  recordVendorReturnShipped,
  type ShipVendorReturnInput,
  type VendorReturnLinesTable,
  type VendorReturnsTable,
} from '../disposition/index.js';
import { setClaimReceivable, singleReturnOfClaim, submitSupplierClaim } from '../recovery/index.js';

export async function shipVendorReturn(
  platform: Platform,
  ctx: RequestContext,
  vendorReturnId: string,
  input: ShipVendorReturnInput,
): Promise<void> {
  assertCan(ctx.actor, 'disposition.ship');
  await runInTransaction(platform, ctx, async (tx) => {
    const { document, lines } = await recordVendorReturnShipped(tx, vendorReturnId, input);
    const movements = [];
    for (const line of lines)
      movements.push(
        ...(await moveReturnLineUnits(
          tx,
          {
            siteId: line.site_id,
            productId: line.product_id,
            rmaId: line.rma_id,
            rmaLineId: line.rma_line_id,
            lot: line.lot,
            serial: line.serial,
            quantity: line.quantity,
            fromStatus: 'on_vendor_return',
            to: null,
            reason: `vendor return ${document.vendor_return_number} shipped (${document.carrier_reference})`,
            source: { type: 'vendor_return', id: document.id },
          },
          'disposition.ship',
        )),
      );
    // What the supplier owes us for the goods it takes back (settled by the supplier claim).
    const entries = await postStockMovements(tx, {
      movements,
      event: 'vendor_return.shipped',
      description: `Vendor return ${document.vendor_return_number} shipped`,
      source: { type: 'vendor_return', id: document.id },
      exitRole: 'vendor_receivable',
    });
    // The entry debits vendor receivable and credits the stock account, nothing else: its total is
    // the receivable the claim starts from (no entry when the goods carry no value).
    const [entry] = entries;
    await submitClaimFor(tx, document, lines, {
      legalEntityId: entry?.legal_entity_id ?? (await legalEntityOfSite(tx, document.site_id)).id,
      receivableMinor: entry?.total_minor ?? 0,
    });
  });
}

/** The claim: the receivable just booked, and per line the units' cost in the supplier's currency. */
async function submitClaimFor(
  tx: Tx,
  document: VendorReturnsTable,
  lines: readonly VendorReturnLinesTable[],
  { legalEntityId, receivableMinor }: { legalEntityId: string; receivableMinor: number },
) {
  const terms = await findSupplierTerms(tx.db, document.supplier_id);
  if (!terms) throw new AppError('not_found', `supplier ${document.supplier_id} was not found`);
  const claimLines = [];
  for (const line of lines) {
    const rate = await requireRate(tx.db, line.currency, terms.currency, tx.today);
    claimLines.push({
      vendorReturnLineId: line.id,
      rmaId: line.rma_id,
      rmaLineId: line.rma_line_id,
      inspectionId: line.inspection_id,
      productId: line.product_id,
      quantity: line.quantity,
      lot: line.lot,
      serial: line.serial,
      basis: line.claim_basis,
      unitCostMinor: convertMinor(
        line.unit_cost_minor,
        rate,
        minorUnitsOf(line.currency),
        minorUnitsOf(terms.currency),
      ),
      evidence: line.evidence,
    });
  }
  const entity = await findLegalEntity(tx.db, legalEntityId);
  const functionalCurrency = entity?.functional_currency ?? terms.currency;
  const claim = await submitSupplierClaim(tx, {
    supplierId: document.supplier_id,
    legalEntityId,
    vendorReturnId: document.id,
    vendorReturnNumber: document.vendor_return_number,
    currency: terms.currency,
    terms,
    functionalCurrency,
    receivableMinor,
    supplierReference: document.supplier_authorization,
    lines: claimLines,
  });
  // What the terms already cost us (the supplier's restocking fee, a warranty rate below cost) is
  // known now: the receivable is written down to what is claimed at once, not when it answers. A
  // claim above the goods' value is not income until the supplier accepts it.
  const rate = await requireRate(tx.db, claim.currency, functionalCurrency, tx.today);
  const claimed = convertMinor(
    claim.claimed_minor,
    rate,
    minorUnitsOf(claim.currency),
    minorUnitsOf(functionalCurrency),
  );
  if (claimed >= receivableMinor) return;
  const text = `supplier claim ${claim.claim_number} submitted`;
  await postEntry(tx, {
    legalEntityId,
    description: `Supplier claim ${claim.claim_number}: ${claim.claimed_minor} ${claim.currency} claimed for goods carried at ${receivableMinor} ${functionalCurrency}`,
    event: 'supplier_claim.submitted',
    source: { type: 'supplier_claim', id: claim.id },
    rmaId: await singleReturnOfClaim(tx, claim.id),
    lines: [
      { role: 'supplier_recovery_loss', amountMinor: receivableMinor - claimed, memo: text },
      { role: 'vendor_receivable', amountMinor: claimed - receivableMinor, memo: text },
    ],
  });
  await setClaimReceivable(tx, claim, claimed, 'supplier_claim.submitted');
}
