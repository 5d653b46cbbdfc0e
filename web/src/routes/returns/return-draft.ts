// The return-request form's state, and its translation into the API's CreateRmaBody.
import type { Order, OrderLine } from '../../api/orders.js';
import {
  CreateRmaBodySchema,
  FIELD_OF_CHECK,
  type ClaimedCondition,
  type CreateRmaBody,
  type ReturnType,
  type VerdictView,
} from '../../../../src/contracts/returns.js';
import type { ApiError } from '../../api/api-error.js';

export interface LineDraft {
  selected: boolean;
  quantity: string;
  reasonCode: string;
  claimedCondition: ClaimedCondition | '';
  /** Typed serials, for a serialized product whose shipped serials were not recorded. */
  serials: string;
  /** Serials picked from those shipped on the line. */
  pickedSerials: string[];
  lots: string;
  note: string;
}
/** A field of a line that can carry an error; `line` is the line as a whole (e.g. its window has ended). */
export type LineField = Exclude<keyof LineDraft, 'selected' | 'pickedSerials'> | 'line';

export interface ReturnDraft {
  /** '' while the type is derived from the lines; staff may override it, customers claim warranty. */
  returnType: ReturnType | '';
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

export const emptyDraft: ReturnDraft = { returnType: '', note: '', customerReference: '', lines: {} };

export const emptyLineDraft: LineDraft = {
  selected: false,
  quantity: '1',
  reasonCode: '',
  claimedCondition: '',
  serials: '',
  pickedSerials: [],
  lots: '',
  note: '',
};

export function lineErrorKey(orderLineId: string, field: LineField): string {
  return `line:${orderLineId}:${field}`;
}

/** Shipped and not yet returned or held by an open return. */
export function returnableQuantity(line: OrderLine): number {
  return Math.max(0, line.quantityShipped - line.quantityCommitted);
}

/**
 * The return type the lines call for: regulated goods follow the regulated-goods workflow,
 * serialized ones the serialized-equipment workflow, anything else is a standard return.
 */
export function deriveReturnType(lines: readonly OrderLine[]): ReturnType {
  if (lines.some((line) => line.regulatedClass !== null)) return 'regulated';
  if (lines.some((line) => line.isSerialized)) return 'serialized';
  return 'standard';
}

/** Why a line cannot be returned under this return type, or null when it can. */
export function unavailableReason(line: OrderLine, returnType: ReturnType | ''): string | null {
  if (line.quantityShipped === 0) return 'Not shipped yet';
  if (!line.deliveryDate) return 'Not delivered yet: it can be returned once it has arrived';
  if (returnableQuantity(line) === 0) return 'Nothing left to return: already returned or requested';
  if (!line.isReturnable && returnType !== 'warranty' && returnType !== 'recall')
    return 'Sold as non-returnable: it can come back only under a warranty claim';
  return null;
}

export function buildRequest(order: Order, customerId: string, draft: ReturnDraft): BuiltRequest {
  const chosen = order.lines.filter(
    (line) => draft.lines[line.id]?.selected && unavailableReason(line, draft.returnType) === null,
  );
  return {
    lineIds: chosen.map((line) => line.id),
    body: {
      customerId,
      returnType: draft.returnType || deriveReturnType(chosen),
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
          serials:
            line.serialsShipped.length > 0
              ? line.serialsShipped.filter((serial) => lineDraft.pickedSerials.includes(serial))
              : splitIdentifiers(lineDraft.serials),
          lots: splitIdentifiers(lineDraft.lots),
        };
      }),
    },
  };
}

/**
 * The verdict's failed line checks, put at the field each is about (quantity, serials, lots,
 * reason) or on the line as a whole; return-type checks go to the return type.
 */
export function verdictErrors(verdict: VerdictView, lineIds: readonly string[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const line of verdict.lines) {
    const lineId = lineIds[line.lineIndex];
    if (!lineId) continue;
    for (const check of line.checks.filter((c) => !c.passed)) {
      const field = FIELD_OF_CHECK[check.code];
      const key =
        field === 'returnType'
          ? 'returnType'
          : lineErrorKey(lineId, field && LINE_FIELDS.has(field) ? (field as LineField) : 'line');
      errors[key] = errors[key] ? `${errors[key]} ${check.message}` : check.message;
    }
  }
  return errors;
}

const LINE_FIELDS: ReadonlySet<string> = new Set([
  'quantity',
  'reasonCode',
  'claimedCondition',
  'serials',
  'lots',
  'note',
]);

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
  const match = /^lines\.(\d+)(?:\.(\w+))?/.exec(path);
  const lineId = match ? lineIds[Number(match[1])] : undefined;
  if (match && lineId) {
    const field = match[2] ?? '';
    return lineErrorKey(lineId, LINE_FIELDS.has(field) ? (field as LineField) : 'line');
  }
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
