// Our answer to a partner about returns, as a 180: the partner's request answered line by line
// (RA authorized with our RMA number, RP waiting for approval, RD refused with the RDR03 reason and
// our words), or an RMA of ours sent unasked. Pure; the reader in inbound-180.ts reads it back.
import type { Segment } from '../x12/index.js';
import { clean } from './outbound-envelope.js';

export type LineAnswer = 'authorized' | 'pending' | 'refused';

export type AnsweredLine = {
  itemQualifier: string;
  itemId: string;
  quantity: number;
  unit: string;
  poNumber: string | null;
  answer: LineAnswer;
  /** RDR02 as the partner sent it (or as we map our reason back), echoed. */
  reason: string | null;
  /** RDR03 and RDR04 for a refusal. */
  responseReason: string | null;
  message: string;
};

export type ReturnAuthorization = {
  /** 11 when it answers a partner's request, 00 when we send an RMA unasked. */
  purpose: '00' | '11';
  /** BGN02: the partner's reference when answering (their system matches on it), else our RMA number. */
  reference: string;
  rmaNumber: string | null;
  date: string;
  time: string;
  poNumber: string | null;
  lines: AnsweredLine[];
};

const RDR01: Readonly<Record<LineAnswer, string>> = { authorized: 'RA', pending: 'RP', refused: 'RD' };

export function returnAuthorization180(doc: ReturnAuthorization): Segment[] {
  const header: Segment[] = [
    { id: 'BGN', elements: [doc.purpose, clean(doc.reference, 50), doc.date, doc.time] },
    ...(doc.poNumber ? [{ id: 'PRF', elements: [clean(doc.poNumber, 22)] }] : []),
    ...(doc.rmaNumber ? [{ id: 'N9', elements: ['RZ', doc.rmaNumber] }] : []),
  ];
  const lines = doc.lines.flatMap((line): Segment[] => [
    { id: 'BLI', elements: [line.itemQualifier, clean(line.itemId, 48), String(line.quantity), line.unit] },
    rdrOf(line),
    ...(line.poNumber ? [{ id: 'PRF', elements: [clean(line.poNumber, 22)] }] : []),
  ]);
  return [...header, ...lines];
}

function rdrOf(line: AnsweredLine): Segment {
  // RDR02 and RDR03 exclude each other: a refusal carries our response reason, an answer that
  // takes the goods echoes the partner's reason.
  if (line.answer === 'refused')
    return { id: 'RDR', elements: [RDR01.refused, '', line.responseReason ?? 'MI', clean(line.message)] };
  const elements = [RDR01[line.answer], line.reason ?? ''];
  if (line.message) elements.push('', clean(line.message));
  return { id: 'RDR', elements: trimTrailing(elements) };
}

function trimTrailing(elements: string[]): string[] {
  const copy = [...elements];
  while (copy.length > 1 && copy.at(-1) === '') copy.pop();
  return copy;
}
