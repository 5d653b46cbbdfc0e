// Reading the document log: the list (by partner, direction, status, transaction set), one
// document with its content, and the sender of an interchange.
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { EdiDocument, ListEdiDocumentsQuerySchema } from '../contracts/edi.js';
import type { Page } from '../contracts/common.js';
import type { RequestContext } from '../platform/actor.js';
import type { DB } from '../platform/db/database.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import type { Platform } from '../platform/unit-of-work.js';
import type { Interchange } from './x12/index.js';
import { findPartnerBySender, toTradingPartner } from './partner-rows.js';
import { toEdiDocument } from './edi-documents.js';

type Reader = Kysely<DB> | Transaction<DB>;
type ListQuery = z.output<typeof ListEdiDocumentsQuerySchema>;

function selectDocuments(db: Reader) {
  return db
    .selectFrom('edi_documents')
    .leftJoin('trading_partners', 'trading_partners.id', 'edi_documents.partner_id')
    .selectAll('edi_documents')
    .select('trading_partners.name as partner_name');
}

export async function listEdiDocuments(
  platform: Platform,
  ctx: RequestContext,
  query: ListQuery,
): Promise<Page<EdiDocument>> {
  assertCan(ctx.actor, 'edi.read');
  let q = selectDocuments(platform.db);
  if (query.partnerId) q = q.where('edi_documents.partner_id', '=', query.partnerId);
  if (query.direction) q = q.where('edi_documents.direction', '=', query.direction);
  if (query.status) q = q.where('edi_documents.status', '=', query.status);
  if (query.transactionSet) q = q.where('edi_documents.transaction_sets', 'like', `%"${query.transactionSet}"%`);
  const { total } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('edi_documents.created_at', 'desc')
    .orderBy('edi_documents.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toEdiDocument), page: query.page, pageSize: query.pageSize, total: Number(total) };
}

export async function getEdiDocument(
  platform: Platform,
  ctx: RequestContext,
  id: string,
): Promise<EdiDocument & { content: string }> {
  assertCan(ctx.actor, 'edi.read');
  const row = await selectDocuments(platform.db).where('edi_documents.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `EDI document ${id} was not found`);
  return { ...toEdiDocument(row), content: row.content };
}

/** The row behind a workflow's next step, with its view. */
export async function getEdiDocumentRow(db: Reader, id: string) {
  const row = await selectDocuments(db).where('edi_documents.id', '=', id).executeTakeFirstOrThrow();
  return { status: row.status, view: toEdiDocument(row) };
}

/**
 * Who sent an interchange (ISA05/ISA06) and whether it is addressed to us (ISA07/ISA08 equal to
 * our id for that partner). Ids are compared without their fixed-width padding.
 */
export async function findPartnerForInterchange(db: Reader, interchange: Interchange | undefined) {
  const isa = interchange?.header.elements ?? [];
  const [senderQualifier, senderId, receiverQualifier, receiverId] = [isa[4], isa[5], isa[6], isa[7]].map((e) =>
    (e ?? '').trim(),
  );
  const row = senderId ? await findPartnerBySender(db, senderQualifier!, senderId) : undefined;
  const partner = row ? toTradingPartner(row) : null;
  return {
    partner,
    senderLabel: `${senderQualifier}/${senderId}`,
    receiverLabel: `${receiverQualifier}/${receiverId}`,
    addressedToUs:
      partner !== null &&
      partner.ourInterchangeQualifier === receiverQualifier &&
      partner.ourInterchangeId === receiverId,
  };
}
