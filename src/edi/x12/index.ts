export { detectDelimiters, type Delimiters } from './delimiters.js';
export type { FunctionalGroup, Interchange, TransactionSet } from './envelopes.js';
export { parseX12, type ParsedX12, type ParseOptions, type SegmentDictionary, type SegmentRule } from './parse.js';
export { splitComponents, splitRepetitions, type Segment } from './segment.js';
export { writeX12 } from './write.js';
export { X12Error, type X12Problem, type X12ProblemCode } from './x12-error.js';
