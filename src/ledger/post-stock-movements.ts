// The step that books returned stock as it moves: every movement of a return line's units posts
// their carrying value from the account of the status they left to the account of the status they
// reached (or to where they went, when they left stock). One entry per legal entity per call, in
// the caller's transaction.
import type { AccountRole } from '../contracts/ledger.js';
import type { Tx } from '../platform/unit-of-work.js';
import type { DraftLine } from './domain/journal.js';
import { movementLines } from './domain/stock-accounts.js';
import { postEntry } from './post-entry.js';
import { valuationOf, type Valuation } from './valuation.js';
import type { JournalEntriesTable } from './ledger.tables.js';

/** The movement as inventory wrote it (inventory's row; only these fields are read). */
export interface MovementToBook {
  product_id: string;
  site_id: string;
  from_status: string | null;
  to_status: string | null;
  quantity: number;
  rma_id: string | null;
  rma_line_id: string | null;
}

export interface StockPosting {
  movements: readonly MovementToBook[];
  event: string;
  description: string;
  source: { type: string; id: string };
  /** Where units that leave stock go in the books (vendor receivable, cost of goods sold…). */
  exitRole?: AccountRole;
  /**
   * The day a line's carrying value is fixed at if this posting is its first: a receipt's own day
   * (goods identified days after they arrived are valued as of their arrival). Default: today.
   */
  valuedOn?: string;
  /** Lines the event adds beside the stock's (proceeds, repair costs), given the entity's valuation. */
  extraLines?: (valuation: Valuation) => DraftLine[] | Promise<DraftLine[]>;
}

export async function postStockMovements(tx: Tx, posting: StockPosting): Promise<JournalEntriesTable[]> {
  const byEntity = new Map<string, { valuation: Valuation; lines: DraftLine[]; rmaIds: Set<string> }>();
  for (const movement of posting.movements) {
    if (!movement.rma_line_id) continue;
    const valuation = await valuationOf(tx, {
      rmaLineId: movement.rma_line_id,
      productId: movement.product_id,
      siteId: movement.site_id,
      date: posting.valuedOn ?? tx.today,
    });
    const group = byEntity.get(valuation.legalEntityId) ?? { valuation, lines: [], rmaIds: new Set<string>() };
    byEntity.set(valuation.legalEntityId, group);
    if (movement.rma_id) group.rmaIds.add(movement.rma_id);
    group.lines.push(
      ...movementLines(
        {
          fromStatus: movement.from_status as Parameters<typeof movementLines>[0]['fromStatus'],
          toStatus: movement.to_status as Parameters<typeof movementLines>[0]['toStatus'],
          valueMinor: valuation.unitValueMinor * movement.quantity,
        },
        posting.exitRole ?? 'inventory_write_down',
      ),
    );
  }
  const entries: JournalEntriesTable[] = [];
  for (const [legalEntityId, group] of byEntity) {
    const extra = posting.extraLines ? await posting.extraLines(group.valuation) : [];
    const entry = await postEntry(tx, {
      legalEntityId,
      description: posting.description,
      event: posting.event,
      source: posting.source,
      // An entry about one return links to it; a shipment of many returns links to its document.
      rmaId: group.rmaIds.size === 1 ? [...group.rmaIds][0]! : null,
      lines: [...group.lines, ...extra],
    });
    if (entry) entries.push(entry);
  }
  return entries;
}
