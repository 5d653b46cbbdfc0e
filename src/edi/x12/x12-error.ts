/** What went wrong, as a string code a caller can branch on (and map to a status). */
export type X12ProblemCode =
  | 'bad-header'
  | 'invalid-segment-id'
  | 'unknown-segment'
  | 'too-many-elements'
  | 'too-many-components'
  | 'outside-envelope'
  | 'missing-trailer'
  | 'count-mismatch'
  | 'control-number-mismatch';

/**
 * One thing wrong with an interchange. `segmentIndex` is 0-based in the parsed segment list; messages
 * count from 1 ("segment 14 (SE)") because that is how people read an EDI file. For count and
 * control-number problems `element` names the trailer element (SE01, GE02…), `found` its value and
 * `expected` what the header or the count says it should be.
 */
export type X12Problem = {
  segmentIndex: number;
  code: X12ProblemCode;
  message: string;
  element?: string;
  found?: string;
  expected?: string;
};

/** The one error type of the X12 parser: thrown for an unreadable header, and for any problem in strict mode. */
export class X12Error extends Error {
  readonly code: X12ProblemCode;
  readonly segmentIndex: number;

  constructor(problem: X12Problem) {
    super(problem.message);
    this.name = 'X12Error';
    this.code = problem.code;
    this.segmentIndex = problem.segmentIndex;
  }
}
