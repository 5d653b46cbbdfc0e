// Wraps transaction sets in the envelopes a partner expects: ISA (fixed width, padded), GS, ST/SE
// with counts and control numbers, GE, IEA. Pure; control numbers come from the caller, which
// takes them from the partner's counter in the same transaction as the document's row.
import type { Delimiters, Segment } from '../x12/index.js';

export type EnvelopeParties = {
  senderQualifier: string;
  senderId: string;
  senderGroupId: string;
  receiverQualifier: string;
  receiverId: string;
  receiverGroupId: string;
  /** GS08, e.g. 004010; ISA12 is its first five digits (00401). */
  version: string;
  usage: 'P' | 'T';
};

export type OutboundSet = { code: string; body: Segment[] };

/** GS01 for each transaction set we send. */
export const FUNCTIONAL_ID: Readonly<Record<string, string>> = { '180': 'AN', '812': 'CD', '997': 'FA' };

/** What Boomerang writes: '*', ':' components, '^' repetitions (00402 on), '~' and a newline per segment. */
export const OUTBOUND_DELIMITERS: Delimiters = {
  element: '*',
  component: ':',
  repetition: '^',
  segment: '~',
  suffix: '\n',
};

export function envelope(
  parties: EnvelopeParties,
  sets: readonly OutboundSet[],
  at: { date: string; time: string },
  controlNumber: number,
  requestAcknowledgment = false,
): Segment[] {
  const [first] = sets;
  if (!first) throw new Error('an interchange needs at least one transaction set');
  const functionalId = FUNCTIONAL_ID[first.code];
  if (!functionalId || sets.some((s) => FUNCTIONAL_ID[s.code] !== functionalId))
    throw new Error('one functional group holds transaction sets of one kind');
  const isaVersion = parties.version.slice(0, 5);
  const interchange = String(controlNumber).padStart(9, '0');
  const group = String(controlNumber);
  const isa: Segment = {
    id: 'ISA',
    elements: [
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      parties.senderQualifier,
      pad(parties.senderId, 15),
      parties.receiverQualifier,
      pad(parties.receiverId, 15),
      at.date.slice(2),
      at.time,
      isaVersion >= '00402' ? OUTBOUND_DELIMITERS.repetition! : 'U',
      isaVersion,
      interchange,
      requestAcknowledgment ? '1' : '0',
      parties.usage,
      OUTBOUND_DELIMITERS.component,
    ],
  };
  const gs: Segment = {
    id: 'GS',
    elements: [
      functionalId,
      parties.senderGroupId,
      parties.receiverGroupId,
      at.date,
      at.time,
      group,
      'X',
      parties.version,
    ],
  };
  const body = sets.flatMap((set, index) => {
    const control = String(index + 1).padStart(4, '0');
    return [
      { id: 'ST', elements: [set.code, control] },
      ...set.body,
      { id: 'SE', elements: [String(set.body.length + 2), control] },
    ];
  });
  return [
    isa,
    gs,
    ...body,
    { id: 'GE', elements: [String(sets.length), group] },
    { id: 'IEA', elements: ['1', interchange] },
  ];
}

function pad(value: string, width: number): string {
  return value.padEnd(width, ' ').slice(0, width);
}

/** X12 date (CCYYMMDD) and time (HHMM) of an ISO timestamp, in UTC. */
export function x12DateTime(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10).replaceAll('-', ''), time: iso.slice(11, 16).replace(':', '') };
}

/** Strips the characters that would end an element or segment early (a name with '*' or '~'). */
export function clean(text: string, max = 80): string {
  return text
    .replace(/[*~:^>|\r\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}
