// Reads an X12 180 (Return Merchandise Authorization and Notification) into what it asks for: the
// partner's reference, the purchase order, and per BLI line the item, quantity, disposition and
// reason. Pure: mapping the partner's codes onto ours, and finding the order lines, come after.
import type { Segment, TransactionSet } from '../x12/index.js';

export type ReturnRequestLine = {
  /** 0-based position among the BLI lines, the index a response and a refusal refer to. */
  lineIndex: number;
  /** BLI01: what kind of number BLI02 is (IN buyer's item, VN vendor's item, UP UPC …). */
  itemQualifier: string;
  itemId: string;
  quantity: number;
  unit: string;
  unitPrice: number | null;
  /** PRF01 of the line, else of the header. */
  poNumber: string | null;
  /** RDR01: what the partner wants done with the goods (CR consumer return to vendor, KA keep …). */
  disposition: string | null;
  /** RDR02: why it returns them (DR defective, DA damaged, CO ordering error …). */
  reason: string | null;
  description: string;
  note: string;
  /** N9*SE (serial number) and N9*LT (lot number) in the line's loop. */
  serials: string[];
  lots: string[];
};

export type ReturnRequest180 = {
  setControlNumber: string;
  /** BGN01: 00 original; anything else is not a new request. */
  purpose: string;
  /** BGN02: the partner's own number for this request, echoed in every answer. */
  reference: string;
  date: string;
  poNumber: string | null;
  note: string;
  lines: ReturnRequestLine[];
};

export type ReadResult = { request: ReturnRequest180; problems: string[] };

/** Segment ids that start the detail (a BLI loop); everything before the first belongs to the header. */
const LINE_START = 'BLI';

export function readReturnRequest180(set: TransactionSet): ReadResult {
  const problems: string[] = [];
  const body = set.segments.slice(1, set.trailer ? -1 : undefined);
  const firstLine = body.findIndex((s) => s.id === LINE_START);
  const header = firstLine === -1 ? body : body.slice(0, firstLine);
  const detail = firstLine === -1 ? [] : body.slice(firstLine);

  const bgn = header.find((s) => s.id === 'BGN');
  if (!bgn) problems.push(`transaction set ${set.controlNumber}: BGN is missing`);
  const headerPo =
    element(
      header.find((s) => s.id === 'PRF'),
      1,
    ) || null;
  const headerRdr = header.find((s) => s.id === 'RDR');
  const request: ReturnRequest180 = {
    setControlNumber: set.controlNumber,
    purpose: element(bgn, 1),
    reference: element(bgn, 2),
    date: element(bgn, 3),
    poNumber: headerPo,
    note: notesOf(header),
    lines: [],
  };
  if (bgn && !request.reference) problems.push('BGN02: the request has no reference number');

  for (const [lineIndex, segments] of splitLines(detail).entries()) {
    const bli = segments[0]!;
    const rdr = segments.find((s) => s.id === 'RDR') ?? headerRdr;
    const quantity = Number(element(bli, 3));
    const place = `line ${lineIndex + 1} (BLI)`;
    if (!element(bli, 1) || !element(bli, 2)) problems.push(`${place}: BLI01 and BLI02 must name the item`);
    if (!Number.isInteger(quantity) || quantity < 1)
      problems.push(`${place}: BLI03 "${element(bli, 3)}" is not a whole quantity of at least 1`);
    const price = element(bli, 6);
    request.lines.push({
      lineIndex,
      itemQualifier: element(bli, 1),
      itemId: element(bli, 2),
      quantity,
      unit: element(bli, 4) || 'EA',
      unitPrice: price && Number.isFinite(Number(price)) ? Number(price) : null,
      poNumber:
        element(
          segments.find((s) => s.id === 'PRF'),
          1,
        ) || headerPo,
      disposition: element(rdr, 1) || null,
      reason: element(rdr, 2) || null,
      description: element(
        segments.find((s) => s.id === 'PID'),
        5,
      ),
      note: notesOf(segments),
      serials: referencesOf(segments, 'SE'),
      lots: referencesOf(segments, 'LT'),
    });
  }
  if (request.lines.length === 0) problems.push(`transaction set ${set.controlNumber}: no BLI line`);
  return { request, problems };
}

function splitLines(detail: readonly Segment[]): Segment[][] {
  const lines: Segment[][] = [];
  for (const segment of detail) {
    if (segment.id === LINE_START) lines.push([segment]);
    else lines.at(-1)?.push(segment);
  }
  return lines;
}

/** N902 of the N9 segments with this qualifier (N901), in order. */
function referencesOf(segments: readonly Segment[], qualifier: string): string[] {
  return segments
    .filter((s) => s.id === 'N9' && element(s, 1) === qualifier)
    .map((s) => element(s, 2))
    .filter(Boolean);
}

/** NTE02 texts, joined: the partner's free-form comments. */
function notesOf(segments: readonly Segment[]): string {
  return segments
    .filter((s) => s.id === 'NTE')
    .map((s) => element(s, 2))
    .filter(Boolean)
    .join(' / ');
}

/** The n-th element (1-based, as X12 counts), trimmed; '' when absent. */
export function element(segment: Segment | undefined, position: number): string {
  return (segment?.elements[position - 1] ?? '').trim();
}
