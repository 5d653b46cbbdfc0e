// The unauthorized-arrival form's state, and its translation into the API's request body.
import type { Customer, Product } from '../../../../src/contracts/masterdata.js';
import { UnauthorizedReturnBodySchema, type ClaimedCondition } from '../../../../src/contracts/returns.js';
import { UnidentifiedArrivalBodySchema } from '../../../../src/contracts/receiving.js';
import type { ApiError } from '../../api/api-error.js';
import type { UnidentifiedArrivalBody } from '../../api/arrivals.js';
import type { UnauthorizedReturnBody } from '../../api/rmas.js';
import { newRowKey, type EditableRow } from '../../ui/editable-rows.js';

export interface ArrivalLineDraft extends EditableRow {
  product: Product | null;
  /** No catalogue product matches: the goods are described instead, and identified later. */
  isUncatalogued: boolean;
  description: string;
  /** A barcode or part number read from the goods, kept to help identify them. */
  scannedCode: string;
  quantity: string;
  claimedCondition: ClaimedCondition;
  reasonCode: string;
  /** One identifier a line (commas also separate); sent only for serialized products. */
  serials: string;
  /** Sent only for lot-controlled products. */
  lots: string;
}

export interface ArrivalDraft {
  customer: Customer | null;
  /** The sender is not one of our customers (or cannot be told): described as the parcel shows it. */
  isSenderUnknown: boolean;
  sender: string;
  siteId: string;
  carrierReference: string;
  note: string;
  lines: ArrivalLineDraft[];
}

/** A field of a line, named as in the request body (and so in the server's error paths). */
export type ArrivalLineField =
  'productId' | 'description' | 'scannedCode' | 'quantity' | 'claimedCondition' | 'reasonCode' | 'serials' | 'lots';

/**
 * Error messages keyed by form field (`customerId`, `sender`, `siteId`, `note`, `carrierReference`), `lines`
 * (the list as a whole), `line:<row key>:<field>`, or `form` for anything else.
 */
export type ArrivalErrors = Record<string, string>;

export function newArrivalLine(reasonCode: string): ArrivalLineDraft {
  return {
    key: newRowKey(),
    product: null,
    isUncatalogued: false,
    description: '',
    scannedCode: '',
    quantity: '1',
    claimedCondition: 'used',
    reasonCode,
    serials: '',
    lots: '',
  };
}

export function newArrivalDraft(siteId: string, reasonCode: string): ArrivalDraft {
  return {
    customer: null,
    isSenderUnknown: false,
    sender: '',
    siteId,
    carrierReference: '',
    note: '',
    lines: [newArrivalLine(reasonCode)],
  };
}

/** Whether a kept draft still has the form's shape (an older app version may have written it). */
export function isArrivalDraft(value: unknown): value is ArrivalDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft['siteId'] === 'string' &&
    typeof draft['isSenderUnknown'] === 'boolean' &&
    typeof draft['sender'] === 'string' &&
    typeof draft['carrierReference'] === 'string' &&
    typeof draft['note'] === 'string' &&
    (draft['customer'] === null || typeof draft['customer'] === 'object') &&
    Array.isArray(draft['lines']) &&
    draft['lines'].every(
      (line: unknown) =>
        typeof line === 'object' &&
        line !== null &&
        typeof (line as Record<string, unknown>)['key'] === 'string' &&
        typeof (line as Record<string, unknown>)['quantity'] === 'string' &&
        typeof (line as Record<string, unknown>)['isUncatalogued'] === 'boolean',
    )
  );
}

export function lineErrorKey(rowKey: string, field: ArrivalLineField): string {
  return `line:${rowKey}:${field}`;
}

/**
 * What the form sends: a known customer with catalogue products opens the return at once; an
 * unknown sender or an uncatalogued line makes an arrival that waits in receiving to be identified.
 */
export type ArrivalSubmission =
  { kind: 'return'; body: UnauthorizedReturnBody } | { kind: 'unidentified'; body: UnidentifiedArrivalBody };

export function isUnidentified(draft: ArrivalDraft): boolean {
  return draft.isSenderUnknown || draft.lines.some((line) => line.isUncatalogued);
}

export function buildArrivalSubmission(draft: ArrivalDraft): ArrivalSubmission {
  const common = {
    siteId: draft.siteId,
    note: draft.note.trim(),
    carrierReference: draft.carrierReference.trim(),
  };
  const quantityOf = (line: ArrivalLineDraft) => (line.quantity.trim() === '' ? Number.NaN : Number(line.quantity));
  const identifiersOf = (line: ArrivalLineDraft, product: Product | null) => ({
    serials: product?.isSerialized ? splitIdentifiers(line.serials) : [],
    lots: product?.isLotControlled ? splitIdentifiers(line.lots) : [],
  });
  if (!isUnidentified(draft)) {
    return {
      kind: 'return',
      body: {
        ...common,
        customerId: draft.customer?.id ?? '',
        lines: draft.lines.map((line) => ({
          productId: line.product?.id ?? '',
          quantity: quantityOf(line),
          claimedCondition: line.claimedCondition,
          reasonCode: line.reasonCode,
          ...identifiersOf(line, line.product),
        })),
      },
    };
  }
  return {
    kind: 'unidentified',
    body: {
      ...common,
      ...(draft.isSenderUnknown || !draft.customer ? {} : { customerId: draft.customer.id }),
      sender: draft.isSenderUnknown ? draft.sender.trim() : '',
      lines: draft.lines.map((line) => {
        const product = line.isUncatalogued ? null : line.product;
        return {
          ...(product ? { productId: product.id } : {}),
          description: line.isUncatalogued ? line.description.trim() : '',
          scannedCode: line.isUncatalogued ? line.scannedCode.trim() : '',
          quantity: quantityOf(line),
          claimedCondition: line.claimedCondition,
          reasonCode: line.reasonCode,
          // Serials and lots are kept even when the product is not known yet: they help identify it.
          ...(product ? identifiersOf(line, product) : { serials: splitIdentifiers(line.serials), lots: [] }),
        };
      }),
    },
  };
}

/** Checks the body with the schema the server uses, in words for the person filling in the form. */
export function validateArrival(submission: ArrivalSubmission, draft: ArrivalDraft): ArrivalErrors {
  const parsed =
    submission.kind === 'return'
      ? UnauthorizedReturnBodySchema.safeParse(submission.body)
      : UnidentifiedArrivalBodySchema.safeParse(submission.body);
  if (parsed.success) return {};
  const errors: ArrivalErrors = {};
  for (const issue of parsed.error.issues) {
    const key = errorKeyForPath(issue.path.map(String).join('.'), draft);
    errors[key] ??= friendlyMessage(key, issue.message);
  }
  return errors;
}

/** The server's field errors (`lines.0.quantity`) placed beside the fields they are about. */
export function serverArrivalErrors(error: ApiError, draft: ArrivalDraft): ArrivalErrors {
  const errors: ArrivalErrors = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    errors[errorKeyForPath(path, draft)] ??= sentence(message);
  }
  return errors;
}

const FORM_FIELDS = new Set(['customerId', 'sender', 'siteId', 'note', 'carrierReference', 'lines']);
const LINE_FIELDS = new Set<string>([
  'productId',
  'description',
  'scannedCode',
  'quantity',
  'claimedCondition',
  'reasonCode',
  'serials',
  'lots',
]);

function errorKeyForPath(path: string, draft: ArrivalDraft): string {
  const match = /^lines\.(\d+)\.(\w+)/.exec(path);
  const row = match ? draft.lines[Number(match[1])] : undefined;
  if (match && row && LINE_FIELDS.has(match[2] ?? '')) return lineErrorKey(row.key, match[2] as ArrivalLineField);
  const top = path.split('.')[0] ?? '';
  return FORM_FIELDS.has(top) && !(top === 'lines' && match) ? top : 'form';
}

function friendlyMessage(key: string, message: string): string {
  if (key === 'customerId') return 'Choose the customer the goods came from, or mark the sender as unknown.';
  if (key === 'sender') return 'Describe the sender as the parcel or paperwork shows it.';
  if (key === 'siteId') return 'Choose the site where the goods arrived.';
  if (key === 'lines') return 'Add at least one line.';
  if (key.endsWith(':productId')) return 'Choose the product that arrived, or mark it as not in the catalogue.';
  if (key.endsWith(':description')) return 'Describe the goods: no catalogue product was chosen.';
  if (key.endsWith(':quantity')) return 'Enter a whole number, at least 1.';
  if (key.endsWith(':reasonCode')) return 'Choose a reason.';
  if (key.endsWith(':serials') || key.endsWith(':lots')) return 'Each identifier can be at most 80 characters.';
  return sentence(message);
}

/** "describe what arrived" → "Describe what arrived." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function splitIdentifiers(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
