import { Link } from 'react-router';
import { EDI_DOCUMENT_KINDS, EDI_DOCUMENT_STATUSES } from '../../../../src/contracts/edi.js';
import type { EdiDocumentKind, EdiDocumentStatus, EdiRecord } from '../../api/edi.js';
import { claimPath, creditMemoPath, ediDocumentPath } from '../../auth/permissions.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import type { Option } from '../../ui/field.js';

export const STATUS_LABELS: Record<EdiDocumentStatus, string> = {
  received: 'Received',
  working: 'Being worked through',
  processed: 'Processed',
  processed_with_errors: 'Processed with errors',
  rejected: 'Rejected',
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
};
const STATUS_TONES: Record<EdiDocumentStatus, BadgeTone> = {
  received: 'info',
  working: 'info',
  processed: 'success',
  processed_with_errors: 'warning',
  rejected: 'danger',
  queued: 'info',
  sent: 'success',
  failed: 'danger',
};
export const STATUS_OPTIONS: Option[] = EDI_DOCUMENT_STATUSES.map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
}));

export function EdiStatusBadge({ status }: { status: EdiDocumentStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export const DIRECTION_LABELS = { in: 'In', out: 'Out' } as const;
export const DIRECTION_OPTIONS: Option[] = [
  { value: 'in', label: 'In (from the partner)' },
  { value: 'out', label: 'Out (to the partner)' },
];

export const TRANSACTION_SET_OPTIONS: Option[] = [
  { value: '180', label: '180 · return request and answer' },
  { value: '812', label: '812 · credit or debit adjustment' },
  { value: '997', label: '997 · acknowledgment' },
];

export const KIND_LABELS: Record<EdiDocumentKind, string> = {
  '180_in': '180 in (their return requests)',
  '180_out': '180 out (our answers and returns)',
  '812_out': '812 out (credit memos and claims)',
  '997_out': '997 out (acknowledgments)',
};
export const DOCUMENT_KINDS = EDI_DOCUMENT_KINDS;

const RECORD_NOUNS: Record<EdiRecord['type'], string> = {
  rma: 'Return',
  credit_memo: 'Credit memo',
  supplier_claim: 'Supplier claim',
  edi_document: 'EDI document',
};

function recordPath(record: EdiRecord): string {
  switch (record.type) {
    case 'rma':
      return `/returns/${encodeURIComponent(record.id)}`;
    case 'credit_memo':
      return creditMemoPath(record.id);
    case 'supplier_claim':
      return claimPath(record.id);
    case 'edi_document':
      return ediDocumentPath(record.id);
  }
}

/** A record a document created or carried, as a link to it: "Return RMA-0000123". */
export function RecordLink({ record }: { record: EdiRecord }) {
  return (
    <Link to={recordPath(record)}>
      {RECORD_NOUNS[record.type]} {record.number ?? record.id}
    </Link>
  );
}

export function RecordLinks({ records }: { records: EdiRecord[] }) {
  if (records.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {records.map((record, index) => (
        <span key={`${record.type}-${record.id}`}>
          {index > 0 ? ', ' : null}
          <RecordLink record={record} />
        </span>
      ))}
    </>
  );
}
