import type { Delimiters } from './delimiters.js';

/** One segment: its id and its elements (elements[0] is XX01). Elements stay raw text; components are split on demand. */
export type Segment = { id: string; elements: string[] };

// X12 segment ids are two or three upper-case letters or digits.
const SEGMENT_ID = /^[A-Z0-9]{2,3}$/;

export function isValidSegmentId(id: string): boolean {
  return SEGMENT_ID.test(id);
}

/**
 * Cuts the text after the ISA's start into segments. Whitespace before a segment is layout (line
 * breaks, indentation in samples typed from guides), never data, so it is dropped.
 */
export function splitSegments(text: string, delimiters: Delimiters): Segment[] {
  // A space terminator is also a character of ordinary data ("SOLD TO"); the line break that follows
  // it is what really ends a segment in such files.
  const terminator = delimiters.segment === ' ' && delimiters.suffix ? ' ' + delimiters.suffix : delimiters.segment;
  const pieces = text.split(terminator);
  const segments: Segment[] = [];
  pieces.forEach((piece, index) => {
    let raw = piece.replace(/^\s+/, '');
    // The last piece can carry a final line break when the file has no terminator after IEA.
    if (index === pieces.length - 1) raw = raw.replace(/[\r\n]+$/, '');
    if (raw === '') return;
    const [id = '', ...elements] = raw.split(delimiters.element);
    segments.push({ id, elements });
  });
  return segments;
}

/** Splits a composite element into its components. */
export function splitComponents(element: string, delimiters: Delimiters): string[] {
  return element.split(delimiters.component);
}

/** Splits a repeated element into its repetitions (one when the interchange declares no repetition separator). */
export function splitRepetitions(element: string, delimiters: Delimiters): string[] {
  return delimiters.repetition === undefined ? [element] : element.split(delimiters.repetition);
}
