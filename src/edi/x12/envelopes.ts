import type { Segment } from './segment.js';
import type { X12Problem } from './x12-error.js';

/** ST … SE: one business document. `segments` runs from ST to SE inclusive (what SE01 counts). */
export type TransactionSet = {
  code: string;
  controlNumber: string;
  startIndex: number;
  segments: Segment[];
  trailer: Segment | undefined;
};

/** GS … GE: transaction sets of one functional kind (GS01). */
export type FunctionalGroup = {
  functionalId: string;
  controlNumber: string;
  startIndex: number;
  header: Segment;
  trailer: Segment | undefined;
  transactionSets: TransactionSet[];
};

/** ISA … IEA, with interchange-level segments such as TA1 kept apart from the groups. */
export type Interchange = {
  controlNumber: string;
  startIndex: number;
  header: Segment;
  trailer: Segment | undefined;
  groups: FunctionalGroup[];
  interchangeSegments: Segment[];
};

/** Segments allowed directly inside an interchange, outside any group. */
const INTERCHANGE_LEVEL = new Set(['TA1']);

type Report = (problem: X12Problem) => void;

const SE01 = { element: 'SE01', noun: 'segments', container: 'transaction set' };
const GE01 = { element: 'GE01', noun: 'transaction sets', container: 'group' };
const IEA01 = { element: 'IEA01', noun: 'functional groups', container: 'interchange' };

/**
 * Builds the ISA/GS/ST tree and checks what the envelopes promise: control numbers repeated in the
 * trailers, SE01/GE01/IEA01 counts, trailers present, nothing outside an envelope. Every problem goes
 * to `report`; the caller decides whether one is fatal.
 */
export function buildEnvelopes(segments: readonly Segment[], report: Report): Interchange[] {
  const interchanges: Interchange[] = [];
  let interchange: Interchange | undefined;
  let group: FunctionalGroup | undefined;
  let set: TransactionSet | undefined;

  const closeSet = (index: number, expected: string) => {
    if (!set) return;
    report(missing(index, segments, 'SE', `transaction set ${set.controlNumber}`, expected));
    set = undefined;
  };
  const closeGroup = (index: number, expected: string) => {
    closeSet(index, expected);
    if (!group) return;
    report(missing(index, segments, 'GE', `group ${group.controlNumber}`, expected));
    group = undefined;
  };
  const closeInterchange = (index: number, expected: string) => {
    closeGroup(index, expected);
    if (!interchange) return;
    report(missing(index, segments, 'IEA', `interchange ${interchange.controlNumber}`, expected));
    interchange = undefined;
  };

  segments.forEach((segment, index) => {
    const at = (element: number) => segment.elements[element - 1] ?? '';
    switch (segment.id) {
      case 'ISA':
        closeInterchange(index, 'ISA');
        interchange = {
          controlNumber: at(13),
          startIndex: index,
          header: segment,
          trailer: undefined,
          groups: [],
          interchangeSegments: [],
        };
        interchanges.push(interchange);
        return;
      case 'IEA':
        closeGroup(index, 'IEA');
        if (!interchange) return report(outside(index, segment, 'an IEA without its ISA'));
        interchange.trailer = segment;
        checkCount(report, index, segment, IEA01, interchange.groups.length);
        checkControl(report, index, segment, 'IEA02', interchange.controlNumber, 'ISA13');
        interchange = undefined;
        return;
      case 'GS':
        closeGroup(index, 'GS');
        if (!interchange) return report(outside(index, segment, 'a GS outside an interchange'));
        group = {
          functionalId: at(1),
          controlNumber: at(6),
          startIndex: index,
          header: segment,
          trailer: undefined,
          transactionSets: [],
        };
        interchange.groups.push(group);
        return;
      case 'GE':
        closeSet(index, 'GE');
        if (!group) return report(outside(index, segment, 'a GE without its GS'));
        group.trailer = segment;
        checkCount(report, index, segment, GE01, group.transactionSets.length);
        checkControl(report, index, segment, 'GE02', group.controlNumber, 'GS06');
        group = undefined;
        return;
      case 'ST':
        closeSet(index, 'ST');
        if (!group) return report(outside(index, segment, 'an ST outside a functional group'));
        set = { code: at(1), controlNumber: at(2), startIndex: index, segments: [segment], trailer: undefined };
        group.transactionSets.push(set);
        return;
      case 'SE':
        if (!set) return report(outside(index, segment, 'an SE without its ST'));
        set.segments.push(segment);
        set.trailer = segment;
        checkCount(report, index, segment, SE01, set.segments.length);
        checkControl(report, index, segment, 'SE02', set.controlNumber, 'ST02');
        set = undefined;
        return;
      default:
        if (set) return void set.segments.push(segment);
        if (interchange && !group && INTERCHANGE_LEVEL.has(segment.id)) {
          return void interchange.interchangeSegments.push(segment);
        }
        return report(outside(index, segment, 'a segment outside any transaction set'));
    }
  });
  closeInterchange(segments.length, 'the end of the text');
  return interchanges;
}

function describe(index: number, segment: Segment | undefined): string {
  return `segment ${index + 1} (${segment?.id ?? 'end'})`;
}

function missing(index: number, segments: readonly Segment[], trailer: string, what: string, at: string): X12Problem {
  return {
    segmentIndex: index,
    code: 'missing-trailer',
    element: trailer,
    found: 'missing',
    message: `${describe(index, segments[index])}: ${what} has no ${trailer} before ${at}`,
  };
}

function outside(index: number, segment: Segment, what: string): X12Problem {
  return { segmentIndex: index, code: 'outside-envelope', message: `${describe(index, segment)}: ${what}` };
}

type Counted = { element: string; noun: string; container: string };

function checkCount(report: Report, index: number, segment: Segment, counted: Counted, actual: number) {
  const { element, noun, container } = counted;
  const found = segment.elements[0] ?? '';
  if (found.trim() !== '' && Number(found) === actual) return;
  report({
    segmentIndex: index,
    code: 'count-mismatch',
    element,
    found,
    expected: String(actual),
    message: `${describe(index, segment)}: ${element} says ${found} ${noun}, the ${container} has ${actual}`,
  });
}

function checkControl(
  report: Report,
  index: number,
  segment: Segment,
  element: string,
  header: string,
  headerElement: string,
) {
  const found = segment.elements[1] ?? '';
  // Compared as text: "0001203" and "000001203" are different control numbers to a trading partner.
  // Spaces are not: fixed-width tools pad them on ("0001 "), and the number is the same.
  if (found.trim() === header.trim()) return;
  report({
    segmentIndex: index,
    code: 'control-number-mismatch',
    element,
    found,
    expected: header,
    message: `${describe(index, segment)}: ${element} is '${found}' but ${headerElement} is '${header}'`,
  });
}
