// Inspection's part of a serial's or lot's trace: each inspection of its units — the grade, the
// verdict on the customer's claim, who inspected and when, quality's sign-off — or that it waits.
import type { Kysely, Transaction } from 'kysely';
import type { TraceEvent, TraceKey } from '../contracts/trace.js';
import type { DB } from '../platform/db/database.js';
import { parseJsonTextArray } from '../platform/db/json-text-array.js';
import { siteCodeOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

const words = (code: string) => code.replaceAll('_', ' ');

export async function findInspectionTrace(db: Reader, key: TraceKey): Promise<TraceEvent[]> {
  let query = db
    .selectFrom('inspections as i')
    .selectAll('i')
    .select(siteCodeOf('i.site_id').as('site_code'))
    .where(key.kind === 'serial' ? 'i.serial' : 'i.lot', '=', key.value);
  if (key.productId) query = query.where('i.product_id', '=', key.productId);
  const rows = await query.orderBy('i.received_at').orderBy('i.id').execute();
  return rows.flatMap((row) => {
    const common = {
      stage: 'inspected' as const,
      reference: row.id,
      href: `/quality/inspections/${row.id}`,
      productId: row.product_id,
      rmaId: row.rma_id,
      rmaNumber: null,
      units: row.quantity,
    };
    if (!row.inspected_at || !row.grade) {
      const waiting =
        row.status === 'in_progress'
          ? `Being inspected at ${row.site_code}${row.assigned_to ? ` by ${row.assigned_to}` : ''}`
          : `Waiting for inspection at ${row.site_code}`;
      return [
        {
          ...common,
          at: row.received_at,
          title: waiting,
          detail: `due by ${row.sla_due_at.slice(0, 16).replace('T', ' ')} UTC`,
        },
      ];
    }
    const defects = parseJsonTextArray(row.defect_codes);
    const inspected = {
      ...common,
      at: row.inspected_at,
      title: `Inspected: grade ${row.grade}`,
      detail: [
        row.claim_verdict
          ? `claim ${words(row.claim_verdict)}${row.claim_verdict_reason ? ` (${row.claim_verdict_reason})` : ''}`
          : null,
        defects.length > 0 ? `defects ${defects.join(', ')}` : row.no_fault_found === 1 ? 'no fault found' : null,
        row.findings || null,
        `by ${row.inspected_by ?? 'unknown'} at ${row.site_code}`,
        row.status === 'awaiting_sign_off' ? "waiting for quality's sign-off" : null,
      ]
        .filter((part) => part !== null)
        .join(' · '),
    };
    if (!row.signed_off_at) return [inspected];
    const signedOff = {
      ...common,
      at: row.signed_off_at,
      title: `Signed off by ${row.signed_off_by ?? 'quality'}`,
      detail: row.sign_off_note ?? '',
    };
    return [inspected, signedOff];
  });
}
