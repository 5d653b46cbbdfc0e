// The trading-partner form: its fields as typed (mapping tables as rows), checked before sending,
// and as the API's body — the whole partner when added, the changed set-up when edited.
import type { ClaimedCondition, ReturnType } from '../../../../src/contracts/returns-vocabulary.js';
import type { FormErrors } from '../../api/api-error.js';
import type { CreateTradingPartnerBody, EdiDocumentKind, PartnerMappings, TradingPartner } from '../../api/edi.js';
import { newRowKey, type EditableRow } from '../../ui/editable-rows.js';

export type ItemNumberKind = 'sku' | 'gtin' | 'cross_reference';

export interface QualifierRow extends EditableRow {
  code: string;
  kind: ItemNumberKind;
}
export interface CrossReferenceRow extends EditableRow {
  partnerItem: string;
  sku: string;
}
export interface ReasonRow extends EditableRow {
  code: string;
  reasonCode: string;
  claimedCondition: ClaimedCondition;
}
export interface DispositionRow extends EditableRow {
  code: string;
  returnType: ReturnType;
}

export interface PartnerDraft {
  code: string;
  name: string;
  customerId: string | null;
  supplierId: string;
  interchangeQualifier: string;
  interchangeId: string;
  groupId: string;
  ourInterchangeQualifier: string;
  ourInterchangeId: string;
  ourGroupId: string;
  x12Version: string;
  usage: 'P' | 'T';
  documents: EdiDocumentKind[];
  inboundDirectory: string;
  outboundDirectory: string;
  isActive: boolean;
  qualifiers: QualifierRow[];
  crossReference: CrossReferenceRow[];
  reasons: ReasonRow[];
  dispositions: DispositionRow[];
}

export const PARTNER_FIELDS = [
  'code',
  'name',
  'customerId',
  'supplierId',
  'interchangeQualifier',
  'interchangeId',
  'groupId',
  'ourInterchangeQualifier',
  'ourInterchangeId',
  'ourGroupId',
  'x12Version',
  'usage',
  'documents',
  'inboundDirectory',
  'outboundDirectory',
  'mappings',
] as const;
export type PartnerField = (typeof PARTNER_FIELDS)[number];
export type PartnerErrors = FormErrors<PartnerField>;

export const EMPTY_PARTNER_DRAFT: PartnerDraft = {
  code: '',
  name: '',
  customerId: null,
  supplierId: '',
  interchangeQualifier: 'ZZ',
  interchangeId: '',
  groupId: '',
  ourInterchangeQualifier: 'ZZ',
  ourInterchangeId: '',
  ourGroupId: '',
  x12Version: '004010',
  usage: 'P',
  documents: ['180_in', '180_out', '997_out'],
  inboundDirectory: '',
  outboundDirectory: '',
  isActive: true,
  qualifiers: [],
  crossReference: [],
  reasons: [],
  dispositions: [],
};

export function draftOf(partner: TradingPartner): PartnerDraft {
  const { items, reasons, dispositions } = partner.mappings;
  return {
    code: partner.code,
    name: partner.name,
    customerId: partner.customerId,
    supplierId: partner.supplierId ?? '',
    interchangeQualifier: partner.interchangeQualifier,
    interchangeId: partner.interchangeId,
    groupId: partner.groupId,
    ourInterchangeQualifier: partner.ourInterchangeQualifier,
    ourInterchangeId: partner.ourInterchangeId,
    ourGroupId: partner.ourGroupId,
    x12Version: partner.x12Version,
    usage: partner.usage,
    documents: partner.documents,
    inboundDirectory: partner.inboundDirectory,
    outboundDirectory: partner.outboundDirectory,
    isActive: partner.isActive,
    qualifiers: Object.entries(items.qualifiers).map(([code, kind]) => ({ key: newRowKey(), code, kind })),
    crossReference: Object.entries(items.crossReference).map(([partnerItem, sku]) => ({
      key: newRowKey(),
      partnerItem,
      sku,
    })),
    reasons: Object.entries(reasons).map(([code, reason]) => ({ key: newRowKey(), code, ...reason })),
    dispositions: Object.entries(dispositions).map(([code, returnType]) => ({ key: newRowKey(), code, returnType })),
  };
}

const X12_CODE = /^[0-9A-Z]{1,3}$/;

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** What the tables say wrong, as sentences for the mappings section. */
function mappingProblems(draft: PartnerDraft): string[] {
  const problems: string[] = [];
  const codes = (rows: { code: string }[]) => rows.map((row) => row.code.trim());
  for (const [table, rows] of [
    ['item qualifier', draft.qualifiers],
    ['reason', draft.reasons],
    ['disposition', draft.dispositions],
  ] as const) {
    const bad = codes(rows).filter((code) => !X12_CODE.test(code));
    if (bad.length > 0) problems.push(`Each ${table} code is 1 to 3 capital letters or digits, such as DR or CR.`);
    for (const code of new Set(duplicates(codes(rows)))) problems.push(`The ${table} code ${code} is listed twice.`);
  }
  const items = draft.crossReference.map((row) => row.partnerItem.trim());
  if (draft.crossReference.some((row) => !row.partnerItem.trim() || !row.sku.trim()))
    problems.push('Each cross-reference needs the partner’s item number and our SKU.');
  for (const item of new Set(duplicates(items))) problems.push(`The partner item ${item} is cross-referenced twice.`);
  if (draft.reasons.some((row) => !row.reasonCode.trim())) problems.push('Each reason needs our reason code.');
  if (draft.crossReference.length > 0 && !draft.qualifiers.some((row) => row.kind === 'cross_reference'))
    problems.push('Cross-references are read only for an item qualifier of the kind “cross-reference” (e.g. IN).');
  return problems;
}

export function validatePartnerDraft(draft: PartnerDraft, isNew: boolean): PartnerErrors {
  const errors: PartnerErrors = {};
  if (isNew && !/^[A-Za-z0-9_-]{1,40}$/.test(draft.code.trim())) errors.code = 'Up to 40 letters, digits, - and _.';
  if (!draft.name.trim()) errors.name = 'Enter the partner’s name.';
  const qualifier = /^[0-9A-Z]{2}$/;
  if (!qualifier.test(draft.interchangeQualifier.trim()))
    errors.interchangeQualifier = 'Two letters or digits, e.g. ZZ.';
  if (!qualifier.test(draft.ourInterchangeQualifier.trim()))
    errors.ourInterchangeQualifier = 'Two letters or digits, e.g. ZZ.';
  if (!draft.interchangeId.trim()) errors.interchangeId = 'Enter their interchange id (ISA06).';
  if (!draft.groupId.trim()) errors.groupId = 'Enter their group id (GS02).';
  if (!draft.ourInterchangeId.trim()) errors.ourInterchangeId = 'Enter our interchange id (ISA08).';
  if (!draft.ourGroupId.trim()) errors.ourGroupId = 'Enter our group id (GS03).';
  if (!/^00[3-8]0[0-9]0$/.test(draft.x12Version.trim())) errors.x12Version = 'A version such as 004010 or 005010.';
  for (const field of ['inboundDirectory', 'outboundDirectory'] as const) {
    const path = draft[field].trim();
    if (path && !path.startsWith('/')) errors[field] = 'An absolute path (starting with /), or empty for none.';
  }
  const problems = mappingProblems(draft);
  if (problems.length > 0) errors.mappings = problems.join(' ');
  return errors;
}

export function mappingsOf(draft: PartnerDraft): PartnerMappings {
  return {
    items: {
      qualifiers: Object.fromEntries(draft.qualifiers.map((row) => [row.code.trim(), row.kind])),
      crossReference: Object.fromEntries(draft.crossReference.map((row) => [row.partnerItem.trim(), row.sku.trim()])),
    },
    reasons: Object.fromEntries(
      draft.reasons.map((row) => [
        row.code.trim(),
        { reasonCode: row.reasonCode.trim(), claimedCondition: row.claimedCondition },
      ]),
    ),
    dispositions: Object.fromEntries(draft.dispositions.map((row) => [row.code.trim(), row.returnType])),
  };
}

/** The partner as the API takes it (for an edit, every field but the code, which never changes). */
export function buildPartnerBody(draft: PartnerDraft): CreateTradingPartnerBody {
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    customerId: draft.customerId,
    supplierId: draft.supplierId || null,
    interchangeQualifier: draft.interchangeQualifier.trim(),
    interchangeId: draft.interchangeId.trim(),
    groupId: draft.groupId.trim(),
    ourInterchangeQualifier: draft.ourInterchangeQualifier.trim(),
    ourInterchangeId: draft.ourInterchangeId.trim(),
    ourGroupId: draft.ourGroupId.trim(),
    x12Version: draft.x12Version.trim(),
    usage: draft.usage,
    documents: draft.documents,
    mappings: mappingsOf(draft),
    inboundDirectory: draft.inboundDirectory.trim(),
    outboundDirectory: draft.outboundDirectory.trim(),
    isActive: draft.isActive,
  };
}

/** A server error's path (`mappings.reasons.DR.reasonCode`) as the form's field. */
export function fieldOfPath(path: string): PartnerField | null {
  const head = path.split('.')[0] ?? '';
  return (PARTNER_FIELDS as readonly string[]).includes(head) ? (head as PartnerField) : null;
}
