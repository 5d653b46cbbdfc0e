import type { Delimiters } from './delimiters.js';
import type { Segment } from './segment.js';

/** Writes segments with the given delimiters; the inverse of `parseX12` for the segment list. */
export function writeX12(segments: readonly Segment[], delimiters: Delimiters): string {
  return segments
    .map(
      (segment) => [segment.id, ...segment.elements].join(delimiters.element) + delimiters.segment + delimiters.suffix,
    )
    .join('');
}
