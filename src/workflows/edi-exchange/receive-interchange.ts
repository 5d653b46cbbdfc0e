// A file from a trading partner, worked through: kept first (whatever it holds), its sender
// identified from the ISA, each 180 answered (answer-return-request.ts, one transaction per set),
// then in one last transaction the 997 for each group and the 180 with our answers queued for the
// partner and the file marked processed. A crash anywhere resumes from the kept file: sets already
// answered are read back, never requested twice.
import type { EdiDocument, EdiRecord, TradingPartner } from '../../contracts/edi.js';
import type { RequestContext } from '../../platform/actor.js';
import { assertCan } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { runInTransaction, type Platform, type Tx } from '../../platform/unit-of-work.js';
import {
  acknowledgment997,
  answerOfSet,
  exchanges,
  claimInboundDocument,
  findInboundDocumentByContent,
  findInboundSets,
  findTradingPartner,
  findPartnerForInterchange,
  finishInboundDocument,
  getEdiDocumentRow,
  markFinalAnswerSent,
  parseX12,
  queueOutboundDocument,
  readReturnRequest180,
  recordInboundDocument,
  returnAuthorization180,
  x12DateTime,
  X12Error,
  type FunctionalGroup,
  type Interchange,
  type OutboundSet,
  type ParsedX12,
  type RecordedAnswer,
  type SetAcknowledgment,
  type X12Problem,
} from '../../edi/index.js';
import { creditAheadOfInspection } from '../credit-ahead.js';
import { answerReturnRequest } from './answer-return-request.js';

export type ReceiveInput = { content: string; fileName: string | null; partnerId?: string };

export async function receiveInterchange(
  platform: Platform,
  ctx: RequestContext,
  input: ReceiveInput,
): Promise<{ document: EdiDocument; duplicate: boolean }> {
  assertCan(ctx.actor, 'edi.read');
  if (input.partnerId && !(await findTradingPartner(platform.db, input.partnerId)))
    throw new AppError('not_found', `trading partner ${input.partnerId} was not found`);
  const parsed = parseLeniently(input.content);
  const sender = parsed.ok ? await findPartnerForInterchange(platform.db, parsed.value.interchanges[0]) : null;
  const refusal = whyRefused(parsed, sender, input.partnerId);
  const kept = await keepOnce(platform, ctx, input.content, (tx) =>
    recordInboundDocument(tx, {
      partnerId: sender?.partner?.id ?? input.partnerId ?? null,
      content: input.content,
      fileName: input.fileName,
      status: refusal ? 'rejected' : 'received',
      errors: refusal ? [refusal] : [],
      transactionSets: parsed.ok ? setCodesOf(parsed.value) : [],
      interchangeControlNumber: parsed.ok ? (parsed.value.interchanges[0]?.controlNumber ?? null) : null,
    }),
  );
  const row = await getEdiDocumentRow(platform.db, kept.id);
  if (refusal || !parsed.ok || !sender?.partner) return { document: row.view, duplicate: kept.duplicateOf !== null };
  // Worked by whoever takes it: a second hand-in of a file being worked is told of it, not worked again.
  if (!(await claimInboundDocument(platform.db, kept.id, platform.clock.now())))
    return { document: row.view, duplicate: kept.duplicateOf !== null };
  await workThrough(platform, ctx, kept.id, sender.partner, parsed.value);
  return { document: (await getEdiDocumentRow(platform.db, kept.id)).view, duplicate: kept.duplicateOf !== null };
}

/**
 * Keeps the file, once: the same bytes handed in twice at the same moment meet the unique hash,
 * and the second is told of the first rather than failing.
 */
async function keepOnce(
  platform: Platform,
  ctx: RequestContext,
  content: string,
  keep: (tx: Tx) => Promise<{ id: string; duplicateOf: string | null }>,
): Promise<{ id: string; duplicateOf: string | null }> {
  try {
    return await runInTransaction(platform, ctx, keep);
  } catch (error) {
    const first = isUniqueViolation(error) ? await findInboundDocumentByContent(platform.db, content) : undefined;
    if (!first) throw error;
    return { id: first, duplicateOf: first };
  }
}

type Parsed = { ok: true; value: ParsedX12 } | { ok: false; error: string };

function parseLeniently(content: string): Parsed {
  try {
    const value = parseX12(content, { strict: false });
    if (value.interchanges.length === 0) return { ok: false, error: 'the file holds no ISA interchange' };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof X12Error) return { ok: false, error: error.message };
    throw error;
  }
}

function whyRefused(
  parsed: Parsed,
  sender: Awaited<ReturnType<typeof findPartnerForInterchange>> | null,
  expectedPartnerId: string | undefined,
): string | null {
  if (!parsed.ok) return `unreadable: ${parsed.error}`;
  if (parsed.value.interchanges.length > 1) return 'one interchange per file, please: this file holds several';
  if (!sender?.partner) return `no trading partner has interchange id ${sender?.senderLabel ?? '(none)'}`;
  const partner = sender.partner;
  if (expectedPartnerId && partner.id !== expectedPartnerId)
    return `the ISA names sender ${sender.senderLabel}, which is ${partner.code}, not the partner this file was given for`;
  if (!partner.isActive) return `trading partner ${partner.code} is not active`;
  if (!sender.addressedToUs)
    return `ISA08 ${sender.receiverLabel} is not our interchange id for ${partner.code} (${partner.ourInterchangeQualifier}/${partner.ourInterchangeId})`;
  if (!exchanges(partner, '180_in'))
    return `we do not take 180s from ${partner.code} (its documents do not list 180_in)`;
  if (!partner.customerId)
    return `trading partner ${partner.code} is not linked to a customer, so its returns have no account`;
  return null;
}

async function workThrough(
  platform: Platform,
  ctx: RequestContext,
  documentId: string,
  partner: TradingPartner,
  parsed: ParsedX12,
): Promise<void> {
  const interchange = parsed.interchanges[0]!;
  const done = new Map(
    (await findInboundSets(platform.db, documentId)).map((s) => [
      `${s.group_control_number}/${s.set_control_number}`,
      s,
    ]),
  );
  const answered: Array<{ setId?: string; controlNumber: string; reference: string; answer: RecordedAnswer }> = [];
  const acknowledgments: Array<{ group: FunctionalGroup; sets: SetAcknowledgment[] }> = [];
  const errors: string[] = [];

  for (const group of interchange.groups) {
    const sets: SetAcknowledgment[] = [];
    for (const set of group.transactionSets) {
      const problems = problemsWithin(parsed.problems, set.startIndex, set.startIndex + set.segments.length);
      const acknowledgment: SetAcknowledgment = {
        code: set.code,
        controlNumber: set.controlNumber,
        errors: [],
        setErrorCode: setErrorCodeOf(problems),
      };
      sets.push(acknowledgment);
      if (set.code !== '180') {
        acknowledgment.setErrorCode = '1';
        errors.push(`transaction set ${set.code} ${set.controlNumber}: we take only 180s from ${partner.code}`);
        continue;
      }
      if (acknowledgment.setErrorCode) {
        errors.push(...problems.map((p) => p.message));
        continue;
      }
      const { request, problems: readProblems } = readReturnRequest180(set);
      if (readProblems.length > 0) {
        acknowledgment.setErrorCode = '5';
        acknowledgment.errors = readProblems.map(() => ({ segmentId: 'BLI', position: 0, syntaxCode: '8' }));
        errors.push(...readProblems);
        continue;
      }
      const key = `${group.controlNumber}/${set.controlNumber}`;
      const earlier = done.get(key);
      const answer = earlier
        ? answerOfSet(earlier)
        : await answerReturnRequest(
            platform,
            partner,
            request,
            { documentId, groupControlNumber: group.controlNumber },
            creditAheadOfInspection,
          );
      errors.push(
        ...answer.lines.filter((l) => l.answer === 'refused').map((l) => `${request.reference}: ${l.message}`),
      );
      answered.push({ controlNumber: set.controlNumber, reference: request.reference, answer });
    }
    acknowledgments.push({ group, sets });
  }
  const envelopeProblems = problemsOutsideSets(parsed.problems, interchange);
  errors.push(...envelopeProblems.map((p) => p.message));

  await runInTransaction(platform, ctx, async (tx) => {
    const records: EdiRecord[] = answered
      .filter((a) => a.answer.rmaId)
      .map((a) => ({ type: 'rma', id: a.answer.rmaId!, number: a.answer.rmaNumber }));
    if (exchanges(partner, '997_out')) {
      const sets: OutboundSet[] = acknowledgments.map(({ group, sets: acknowledged }) => ({
        code: '997',
        body: acknowledgment997({
          functionalId: group.functionalId,
          controlNumber: group.controlNumber,
          declaredSets: Number(group.trailer?.elements[0] ?? group.transactionSets.length),
          sets: acknowledged,
          groupErrorCode: groupErrorCodeOf(envelopeProblems, group),
        }),
      }));
      const ack = await queueOutboundDocument(tx, partner, {
        sets,
        records: [],
        inReplyTo: documentId,
        subjectKey: `997:${documentId}`,
      });
      records.push({ type: 'edi_document', id: ack.id, number: '997' });
    }
    if (exchanges(partner, '180_out') && answered.length > 0) {
      const at = x12DateTime(tx.now);
      const response = await queueOutboundDocument(tx, partner, {
        sets: answered.map((a) => ({
          code: '180',
          body: returnAuthorization180({
            purpose: '11',
            reference: a.reference,
            rmaNumber: a.answer.rmaNumber,
            ...at,
            poNumber: null,
            lines: a.answer.lines,
          }),
        })),
        records: records.filter((r) => r.type === 'rma'),
        inReplyTo: documentId,
        subjectKey: `180-answer:${documentId}`,
      });
      records.push({ type: 'edi_document', id: response.id, number: '180' });
    }
    // A set answered "authorized" or "refused" has had its final word; "pending" waits for the decision.
    const sets = await findInboundSets(tx.db, documentId);
    await markFinalAnswerSent(
      tx,
      sets
        .filter((s) => !answerOfSet(s).lines.some((l) => l.answer === 'pending') || !exchanges(partner, '180_out'))
        .map((s) => s.id),
    );
    await finishInboundDocument(tx, documentId, {
      status: errors.length > 0 ? 'processed_with_errors' : 'processed',
      errors,
      records,
    });
  });
}

function setCodesOf(parsed: ParsedX12): string[] {
  return [
    ...new Set(parsed.interchanges.flatMap((i) => i.groups.flatMap((g) => g.transactionSets.map((s) => s.code)))),
  ];
}

function problemsWithin(problems: readonly X12Problem[], from: number, to: number): X12Problem[] {
  return problems.filter((p) => p.segmentIndex >= from && p.segmentIndex < to);
}

function problemsOutsideSets(problems: readonly X12Problem[], interchange: Interchange): X12Problem[] {
  const sets = interchange.groups.flatMap((g) => g.transactionSets);
  return problems.filter(
    (p) => !sets.some((s) => p.segmentIndex >= s.startIndex && p.segmentIndex < s.startIndex + s.segments.length),
  );
}

/** AK501 codes: 3 control number mismatch, 4 segment count, 2 trailer missing, 5 other. */
function setErrorCodeOf(problems: readonly X12Problem[]): string | null {
  const [first] = problems;
  if (!first) return null;
  if (first.code === 'control-number-mismatch') return '3';
  if (first.code === 'count-mismatch') return '4';
  if (first.code === 'missing-trailer') return '2';
  return '5';
}

/** AK905 codes: 4 group control number mismatch, 5 GE01 count; null when the group's envelope is sound. */
function groupErrorCodeOf(problems: readonly X12Problem[], group: FunctionalGroup): string | null {
  const trailerIndex = group.trailer ? group.startIndex + 1 + countSegments(group) : -1;
  const own = problems.filter((p) => p.segmentIndex === trailerIndex || p.element?.startsWith('GE'));
  const [first] = own;
  if (!first) return null;
  return first.code === 'control-number-mismatch' ? '4' : '5';
}

function countSegments(group: FunctionalGroup): number {
  return group.transactionSets.reduce((n, s) => n + s.segments.length, 0);
}
