// Messages a person at the receiving bench can act on: which field, what is wrong, what to do.
import { applicationIdentifier } from './application-identifiers.js';
import type { AssociationViolation } from './ai-associations.js';
import type { DigitalLinkError } from './digital-link.js';
import type { Gs1SyntaxError } from './element-string.js';
import type { ScanDataError } from './scan-data.js';

const RESCAN = 'Scan it again; if it fails again, key the values in by hand.';

function field(ai: string | undefined): string {
  if (ai === undefined) return 'a field';
  const title = applicationIdentifier(ai)?.title;
  return title ? `(${ai}) ${title}` : `(${ai})`;
}

const LINTER_HINTS: Readonly<Record<string, string>> = {
  INCORRECT_CHECK_DIGIT: 'has a wrong check digit — the number is misprinted or misread',
  INCORRECT_CHECK_PAIR: 'has wrong check characters — the code is misprinted or misread',
  NON_DIGIT_CHARACTER: 'must hold digits only',
  ILLEGAL_MONTH: 'holds a date with an impossible month',
  ILLEGAL_DAY: 'holds a date with an impossible day',
  ILLEGAL_HOUR: 'holds an impossible hour',
  ILLEGAL_MINUTE: 'holds an impossible minute',
  ILLEGAL_SECOND: 'holds an impossible second',
  NOT_ISO3166: 'does not hold a known country code',
  NOT_ISO3166_ALPHA2: 'does not hold a known country code',
  NOT_ISO3166_OR_999: 'does not hold a known country code',
  NOT_ISO4217: 'does not hold a known currency code',
  INVALID_CSET82_CHARACTER: 'holds a character barcodes may not carry',
};

export function describeError(
  error: Gs1SyntaxError | ScanDataError | DigitalLinkError,
  input: string,
): {
  message: string;
  ai?: string;
  position?: number;
} {
  const where = (e: Gs1SyntaxError) => ({
    ...(e.ai !== undefined ? { ai: e.ai } : {}),
    ...(e.position !== undefined ? { position: e.position } : {}),
  });
  switch (error.kind) {
    case 'scan':
    case 'digital-link':
      return { message: `${error.reason} ${RESCAN}` };
    case 'no-data':
      return { message: 'The barcode holds no data. Look for another GS1 barcode on the label.' };
    case 'missing-fnc1-first':
    case 'malformed':
      return { message: `This is not GS1 data as written ("${input.slice(0, 40)}"). ${RESCAN}`, ...where(error) };
    case 'unknown-ai':
      return {
        message: `The data holds a field this system does not know (starting "${error.ai ?? ''}"). ${RESCAN}`,
        ...where(error),
      };
    case 'empty-value':
      return { message: `${field(error.ai)} is empty. ${RESCAN}`, ...where(error) };
    case 'too-short':
      return { message: `${field(error.ai)} is too short — part of it is missing. ${RESCAN}`, ...where(error) };
    case 'too-long':
      return { message: `${field(error.ai)} is too long — a separator may be missing. ${RESCAN}`, ...where(error) };
    case 'illegal-caret':
      return { message: `${field(error.ai)} holds "^", which barcodes cannot carry.`, ...where(error) };
    case 'linter': {
      const code = error.linter?.error ?? '';
      const hint = LINTER_HINTS[code] ?? `fails the GS1 check ${code.toLowerCase().replaceAll('_', ' ')}`;
      return { message: `${field(error.ai)} ${hint}: ${error.markup ?? ''}. ${RESCAN}`, ...where(error) };
    }
  }
}

export function describeAssociation(violation: AssociationViolation): { message: string; ai: string } {
  switch (violation.rule) {
    case 'mutex':
      return {
        message: `${field(violation.ai)} and ${field(violation.conflictsWith)} cannot appear together: the label is inconsistent.`,
        ai: violation.ai,
      };
    case 'requisites':
      return {
        message: `${field(violation.ai)} needs ${violation.requires.map((r) => `(${r.replaceAll('+', ') with (')})`).join(' or ')} on the same item. Scan the item's other barcode too.`,
        ai: violation.ai,
      };
    case 'repeats':
      return {
        message: `${field(violation.ai)} appears twice with different values: the barcodes belong to different items.`,
        ai: violation.ai,
      };
    case 'digsig-serial':
      return {
        message: `${field(violation.ai)} must carry its serial part when the item has a digital signature (8030).`,
        ai: violation.ai,
      };
  }
}
