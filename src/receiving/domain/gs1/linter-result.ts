// What a GS1 syntax test ("linter") says about one component: nothing when it passes, otherwise
// the GS1 error name and which characters are wrong, so a message can point at them.

/** Error names as GS1's syntax tests name them, without the "GS1_LINTER_" prefix. */
export type LinterError = string;

export interface LinterFailure {
  readonly error: LinterError;
  /** Offset of the offending characters within the component. */
  readonly position: number;
  readonly length: number;
}

export type LinterResult = LinterFailure | undefined;

/** A GS1 Company Prefix directory, when one is wired in; without one every well-formed prefix passes. */
export type GcpLookup = (data: string) => 'valid' | 'invalid' | 'offline';

export interface LinterOptions {
  readonly gcpLookup?: GcpLookup;
}

export type Linter = (data: string, options?: LinterOptions) => LinterResult;

export function fail(error: LinterError, position: number, length: number): LinterFailure {
  return { error, position, length };
}

export const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** First character that is not a digit, as a failure, or nothing. */
export function firstNonDigit(data: string, offset = 0): LinterResult {
  for (let i = 0; i < data.length; i++) if (!isDigit(data[i])) return fail('NON_DIGIT_CHARACTER', offset + i, 1);
  return undefined;
}
