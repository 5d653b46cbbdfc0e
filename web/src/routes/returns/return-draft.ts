// The return-request form's state, and its translation into the API's CreateRmaBody.
import type { SalesOrder, SalesOrderLine } from '../../../../src/contracts/masterdata.js';
import {
  CreateRmaBodySchema,
  type ClaimedCondition,
  type CreateRmaBody,
  type ReturnType,
} from '../../../../src/contracts/returns.js';
import type { ApiError } from '../../api/api-error.js';

export interface LineDraft {
  selected: boolean;
  quantity: string;
  reasonCode: string;
  claimedCondition: ClaimedCondition | '';
  serials: string;
  lots: string;
  note: string;
}
export type LineField = Exclude<keyof LineDraft, 'selected'>;

export interface ReturnDraft {
  returnType: ReturnType;
  note: string;
  customerReference: string;
  lines: Record<string, LineDraft>;
}

export interface BuiltRequest {
  body: CreateRmaBody;
  /** The order line behind each entry of body.lines, to put errors and verdicts next to the right line. */
  lineIds: string[];
}

/** Error messages keyed `returnType`, `note`, `lines` (the whole list) or `line:<orderLineId>:<field>`. */
export type DraftErrors = Record<string, string>;

export const emptyDraft: ReturnDraft = { returnType: 'standard', note: '', customerReference: '', lines: {} };

export const emptyLineDraft: LineDraft = {
  selected: false,
  quantity: '1',
  reasonCode: '',
  claimedCondition: '',
  serials: '',
  lots: '',
  note: '',
};

export function lineErrorKey(orderLineId: string, field: LineField): string {
  return `line:${orderLineId}:${field}`;
}

/** Shipped and not yet returned or held by an open return. */
export function returnableQuantity(line: SalesOrderLine): number {
  return Math.max(0, line.quantityShipped - line.quantityCommitted);
}

export function buildRequest(order: SalesOrder, customerId: string, draft: ReturnDraft): BuiltRequest {
  const chosen = order.lines.filter((line) => draft.lines[line.id]?.selected);
  return {
    lineIds: chosen.map((line) => line.id),
    body: {
      customerId,
      returnType: draft.returnType,
      note: draft.note.trim(),
      customerReference: draft.customerReference.trim(),
      lines: chosen.map((line) => {
        const lineDraft = draft.lines[line.id] ?? emptyLineDraft;
        return {
          orderLineId: line.id,
          quantity: lineDraft.quantity.trim() === '' ? Number.NaN : Number(lineDraft.quantity),
          reasonCode: lineDraft.reasonCode,
          claimedCondition: lineDraft.claimedCondition as ClaimedCondition,
          note: lineDraft.note.trim(),
          serials: splitIdentifiers(lineDraft.serials),
          lots: splitIdentifiers(lineDraft.lots),
        };
      }),
    },
  };
}

/** Checks the request with the same schema the server uses; people-friendly words for the usual gaps. */
export function validateRequest(built: BuiltRequest): DraftErrors {
  const parsed = CreateRmaBodySchema.safeParse(built.body);
  if (parsed.success) return {};
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const key = errorKeyForPath(path, built.lineIds);
    errors[key] ??= friendlyMessage(key, issue.message);
  }
  return errors;
}

export function serverErrors(error: ApiError, lineIds: string[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    errors[errorKeyForPath(path, lineIds)] ??= message;
  }
  return errors;
}

const FORM_FIELDS = new Set(['returnType', 'note', 'customerReference', 'lines']);

function errorKeyForPath(path: string, lineIds: string[]): string {
  const match = /^lines\.(\d+)\.(\w+)/.exec(path);
  const lineId = match ? lineIds[Number(match[1])] : undefined;
  if (match && lineId) return lineErrorKey(lineId, match[2] as LineField);
  const top = path.split('.')[0] ?? '';
  return FORM_FIELDS.has(top) ? top : 'form';
}

function friendlyMessage(key: string, message: string): string {
  if (key.endsWith(':reasonCode')) return 'Choose a reason.';
  if (key.endsWith(':claimedCondition')) return 'Choose the condition the goods are in.';
  if (key.endsWith(':quantity') && !message.includes('at least')) return 'Enter a whole number.';
  if (key === 'lines') return 'Choose at least one line to return.';
  return message;
}

function splitIdentifiers(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
