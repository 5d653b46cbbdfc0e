import { buildEnvelopes, type Interchange } from './envelopes.js';
import { detectDelimiters, stripLeadingNoise, type Delimiters } from './delimiters.js';
import { isValidSegmentId, splitSegments, type Segment } from './segment.js';
import { X12Error, type X12Problem } from './x12-error.js';

/** What a segment may carry: how many elements, and which of them (1-based) are composites. */
export type SegmentRule = { maxElements: number; composites?: readonly number[] };

/** Segment id → its rule; segments missing from it are unknown. */
export type SegmentDictionary = ReadonlyMap<string, SegmentRule>;

export type ParseOptions = {
  /** Throw an X12Error on the first problem (default), or collect them all in `problems`. */
  strict?: boolean;
  /** When given, segments are also checked against it: unknown ids, too many elements or components. */
  dictionary?: SegmentDictionary;
};

export type ParsedX12 = {
  delimiters: Delimiters;
  segments: Segment[];
  interchanges: Interchange[];
  problems: X12Problem[];
};

/** Text of one or more interchanges → delimiters, segments, envelope tree and (lenient) problems. */
export function parseX12(text: string, options: ParseOptions = {}): ParsedX12 {
  const strict = options.strict ?? true;
  const delimiters = detectDelimiters(text);
  const segments = splitSegments(stripLeadingNoise(text), delimiters);
  const problems: X12Problem[] = [];
  const report = (problem: X12Problem) => void problems.push(problem);
  segments.forEach((segment, index) => checkSegment(segment, index, delimiters.component, options.dictionary, report));
  const interchanges = buildEnvelopes(segments, report);
  // Collected first and sorted, so strict mode stops at the problem nearest the start of the file.
  problems.sort((a, b) => a.segmentIndex - b.segmentIndex);
  const [first] = problems;
  if (strict && first) throw new X12Error(first);
  return { delimiters, segments, interchanges, problems };
}

function checkSegment(
  segment: Segment,
  index: number,
  component: string,
  dictionary: SegmentDictionary | undefined,
  report: (problem: X12Problem) => void,
) {
  const place = `segment ${index + 1} (${segment.id})`;
  if (!isValidSegmentId(segment.id)) {
    return report({
      segmentIndex: index,
      code: 'invalid-segment-id',
      message: `${place}: "${segment.id.slice(0, 20)}" is not a segment id (two or three upper-case letters or digits)`,
    });
  }
  if (!dictionary) return;
  const rule = dictionary.get(segment.id);
  if (rule === undefined) {
    return report({
      segmentIndex: index,
      code: 'unknown-segment',
      message: `${place}: ${segment.id} is not a known segment`,
    });
  }
  const elementName = (position: number) => `${segment.id}${String(position).padStart(2, '0')}`;
  if (segment.elements.length > rule.maxElements) {
    const firstExtra = elementName(rule.maxElements + 1);
    return report({
      segmentIndex: index,
      code: 'too-many-elements',
      element: firstExtra,
      message: `${place}: ${segment.elements.length} elements, ${segment.id} has at most ${rule.maxElements} (${firstExtra} is one too many)`,
    });
  }
  // ISA16 *is* the component separator, so the ISA is the one segment not checked for components.
  if (segment.id === 'ISA') return;
  const simple = segment.elements.findIndex(
    (element, i) => element.includes(component) && !(rule.composites ?? []).includes(i + 1),
  );
  if (simple === -1) return;
  const element = elementName(simple + 1);
  report({
    segmentIndex: index,
    code: 'too-many-components',
    element,
    message: `${place}: ${element} is a simple element but has ${segment.elements[simple]?.split(component).length} components`,
  });
}
