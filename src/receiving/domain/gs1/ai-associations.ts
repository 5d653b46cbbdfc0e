// Rules between AIs (GS1 General Specifications 4.14): some must not appear together, some
// need another, a repeated AI must repeat its value, and a digital signature needs a serialised key.
import { minimumValueLength } from './application-identifiers.js';
import type { Element } from './element-string.js';

export type AssociationRule = 'mutex' | 'requisites' | 'repeats' | 'digsig-serial';

export type AssociationViolation =
  | { rule: 'mutex'; ai: string; conflictsWith: string }
  | { rule: 'requisites'; ai: string; requires: readonly string[] }
  | { rule: 'repeats'; ai: string }
  | { rule: 'digsig-serial'; ai: string };

/**
 * Is there an AI matching `pattern` ("01", or "310n"/"35nn" where n is any digit), other than `ignore`?
 * A pattern needs at least one fixed digit, and the AI must have the pattern's length.
 */
export function findAi(elements: readonly Element[], pattern: string, ignore?: string): Element | undefined {
  const fixed = /^\d*/.exec(pattern)![0];
  if (fixed.length === 0 || !/^\d*n*$/.test(pattern)) return undefined;
  return elements.find(
    (element) => element.ai.length === pattern.length && element.ai.startsWith(fixed) && element.ai !== ignore,
  );
}

export function findAssociationViolation(
  elements: readonly Element[],
  rules: readonly AssociationRule[] = ['mutex', 'requisites', 'repeats', 'digsig-serial'],
): AssociationViolation | undefined {
  const sorted = [...elements].sort((a, b) => (a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : 0));
  for (const rule of rules) {
    const violation = CHECKS[rule](sorted);
    if (violation) return violation;
  }
  return undefined;
}

const CHECKS: Record<AssociationRule, (elements: readonly Element[]) => AssociationViolation | undefined> = {
  mutex(elements) {
    for (const element of elements) {
      for (const pattern of element.entry.excludes) {
        const other = findAi(elements, pattern, element.ai);
        if (other) return { rule: 'mutex', ai: element.ai, conflictsWith: other.ai };
      }
    }
    return undefined;
  },
  requisites(elements) {
    for (const element of elements) {
      for (const alternatives of element.entry.requires) {
        const satisfied = alternatives.some((group) =>
          group.split('+').every((pattern) => findAi(elements, pattern, element.ai) !== undefined),
        );
        if (!satisfied) return { rule: 'requisites', ai: element.ai, requires: alternatives };
      }
    }
    return undefined;
  },
  repeats(elements) {
    for (let i = 1; i < elements.length; i++) {
      const [previous, current] = [elements[i - 1]!, elements[i]!];
      if (previous.ai === current.ai && previous.value !== current.value) return { rule: 'repeats', ai: current.ai };
    }
    return undefined;
  },
  // (253), (255) and (8003) without their optional serial part identify a class, not one
  // thing, so a signature (8030) over them would vouch for nothing in particular.
  'digsig-serial'(elements) {
    if (!findAi(elements, '8030')) return undefined;
    for (const key of ['253', '255', '8003']) {
      const element = findAi(elements, key);
      if (element && element.value.length === minimumValueLength(element.entry))
        return { rule: 'digsig-serial', ai: key };
    }
    return undefined;
  },
};
