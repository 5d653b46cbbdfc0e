// A partner's 180 in our words: each line's item becomes a product number to look up, its RDR codes
// our return type, reason and claimed condition, through the partner's mapping table. A line whose
// codes the table does not know is refused with the code's meaning and what to set up, never
// guessed: a wrong reason code would mis-route the goods and credit.
import type { ClaimedCondition, ReturnType } from '../../contracts/returns-vocabulary.js';
import type { PartnerMappings } from '../../contracts/edi.js';
import type { ReturnRequestLine } from './inbound-180.js';
import {
  describeCode,
  RESPONSE_REASONS,
  RETURN_DISPOSITIONS,
  RETURN_REQUEST_REASONS,
  type ResponseReason,
} from './x12-codes.js';

export type ItemReference = { kind: 'sku' | 'gtin'; code: string };

export type LineRefusal = { lineIndex: number; responseReason: ResponseReason; message: string };

export type MappedLine = {
  lineIndex: number;
  item: ItemReference;
  poNumber: string;
  quantity: number;
  returnType: ReturnType;
  reasonCode: string;
  claimedCondition: ClaimedCondition;
  note: string;
  serials: string[];
  lots: string[];
};

export type MappingResult = { mapped: MappedLine[]; refused: LineRefusal[] };

export function mapReturnRequestLines(lines: readonly ReturnRequestLine[], mappings: PartnerMappings): MappingResult {
  const mapped: MappedLine[] = [];
  const refused: LineRefusal[] = [];
  for (const line of lines) {
    const outcome = mapLine(line, mappings);
    if ('responseReason' in outcome) refused.push(outcome);
    else mapped.push(outcome);
  }
  return { mapped, refused };
}

function mapLine(line: ReturnRequestLine, mappings: PartnerMappings): MappedLine | LineRefusal {
  const refuse = (responseReason: ResponseReason, message: string): LineRefusal => ({
    lineIndex: line.lineIndex,
    responseReason,
    message: `line ${line.lineIndex + 1}: ${message}`,
  });
  if (!Number.isInteger(line.quantity) || line.quantity < 1)
    return refuse(RESPONSE_REASONS.quantityDifference, 'BLI03 is not a whole quantity of at least 1');
  if (line.unit !== 'EA')
    return refuse(RESPONSE_REASONS.quantityDifference, `BLI04 unit ${line.unit}: we take returns in eaches (EA)`);
  const item = itemReferenceOf(line, mappings);
  if (!item)
    return refuse(
      RESPONSE_REASONS.unidentifiableItem,
      `item ${line.itemQualifier} ${line.itemId} is not in this partner's item mapping`,
    );
  if (!line.poNumber) return refuse(RESPONSE_REASONS.noRecordOfSale, 'no purchase order (PRF01) names the sale');
  if (!line.disposition)
    return refuse(RESPONSE_REASONS.moreInformation, 'RDR01 (what to do with the goods) is missing');
  const returnType = mappings.dispositions[line.disposition];
  if (!returnType)
    return refuse(
      RESPONSE_REASONS.moreInformation,
      `RDR01 ${describeCode(line.disposition, RETURN_DISPOSITIONS)} is not a return we take from this partner`,
    );
  if (!line.reason) return refuse(RESPONSE_REASONS.moreInformation, 'RDR02 (why it is returned) is missing');
  const reason = mappings.reasons[line.reason];
  if (!reason)
    return refuse(
      RESPONSE_REASONS.moreInformation,
      `RDR02 ${describeCode(line.reason, RETURN_REQUEST_REASONS)} has no reason code in this partner's mapping`,
    );
  return {
    lineIndex: line.lineIndex,
    item,
    poNumber: line.poNumber,
    quantity: line.quantity,
    returnType,
    reasonCode: reason.reasonCode,
    claimedCondition: reason.claimedCondition,
    note: [line.description, line.note].filter(Boolean).join(' — ').slice(0, 2000),
    serials: line.serials,
    lots: line.lots,
  };
}

/** BLI01/BLI02 → the product number to look up: our SKU, a GTIN, or the partner's number via its cross-reference. */
export function itemReferenceOf(
  line: Pick<ReturnRequestLine, 'itemQualifier' | 'itemId'>,
  mappings: PartnerMappings,
): ItemReference | null {
  const kind = mappings.items.qualifiers[line.itemQualifier];
  if (kind === 'sku' || kind === 'gtin') return { kind, code: line.itemId };
  if (kind === 'cross_reference') {
    const sku = mappings.items.crossReference[line.itemId];
    return sku ? { kind: 'sku', code: sku } : null;
  }
  return null;
}

/** The mapping a new partner starts with: the common codes onto the default reason codes. */
export const DEFAULT_PARTNER_MAPPINGS: PartnerMappings = {
  items: { qualifiers: { VN: 'sku', VP: 'sku', UP: 'gtin', UK: 'gtin', EN: 'gtin' }, crossReference: {} },
  reasons: {
    DR: { reasonCode: 'DEFECTIVE', claimedCondition: 'defective' },
    DM: { reasonCode: 'DEFECTIVE', claimedCondition: 'defective' },
    DA: { reasonCode: 'DAMAGED_IN_TRANSIT', claimedCondition: 'damaged_in_transit' },
    DT: { reasonCode: 'DAMAGED_IN_TRANSIT', claimedCondition: 'damaged_in_transit' },
    CO: { reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
    WG: { reasonCode: 'WRONG_ITEM_SHIPPED', claimedCondition: 'unopened' },
  },
  dispositions: { CR: 'standard', RA: 'standard', RN: 'standard', MW: 'warranty', RF: 'warranty' },
};
