// Does an eligible return go straight through, or to a manager? The rules are data
// (ApprovalRules, versioned); the decision records the version and every reason, in words
// an approver can act on without opening the configuration.
import type { ApprovalRules } from '../../contracts/configuration.js';
import type { Routing } from '../../contracts/returns.js';
import type { ClaimedCondition, ReturnType } from '../../contracts/returns-vocabulary.js';
import { formatMinor } from '../../platform/money/format-money.js';

export type ApprovalDecision = Routing['decision'];

export interface ApprovalRoutingLine {
  regulatedClass: string | null;
  claimedCondition: ClaimedCondition;
}

export interface ApprovalRoutingInput {
  returnType: ReturnType;
  customerTier: string;
  currency: string;
  totalValueMinor: number;
  lines: ApprovalRoutingLine[];
  rules: ApprovalRules;
  rulesVersion: number;
}

interface RuleOutcome {
  triggered: boolean;
  reason: string;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
function describeLines(numbers: number[]): string {
  return numbers.length === 1 ? `line ${numbers[0]}` : `lines ${numbers.join(', ')}`;
}
function humanize(code: string): string {
  return code.replaceAll('_', ' ');
}

/** Groups 1-based line numbers by the key each line yields (null: line not concerned). */
function groupLines(
  lines: ApprovalRoutingLine[],
  keyOf: (l: ApprovalRoutingLine) => string | null,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const key = keyOf(line);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), i + 1]);
  });
  return groups;
}

function evaluateValue(input: ApprovalRoutingInput): RuleOutcome {
  // hasOwn: a currency string must never pick up an inherited property such as 'constructor'.
  const thresholds = input.rules.valueThresholds;
  const listed = Object.hasOwn(thresholds, input.currency) ? thresholds[input.currency] : undefined;
  const threshold = listed ?? input.rules.defaultValueThresholdMinor;
  const limit = `${listed === undefined ? 'default ' : ''}auto-approval limit of ${formatMinor(threshold, input.currency)}`;
  const value = `value ${formatMinor(input.totalValueMinor, input.currency)}`;
  // "Above" the threshold needs approval; a value exactly at the limit goes through.
  return input.totalValueMinor > threshold
    ? { triggered: true, reason: `${value} is above the ${limit}` }
    : { triggered: false, reason: `${value} is within the ${limit}` };
}

function evaluateTier(input: ApprovalRoutingInput): RuleOutcome {
  const triggered = input.rules.tiersRequiringApproval.some((t) => sameText(t, input.customerTier));
  return triggered
    ? { triggered, reason: `returns from ${input.customerTier}-tier customers need approval` }
    : { triggered, reason: `${input.customerTier}-tier customers do not need approval` };
}

function evaluateReturnType(input: ApprovalRoutingInput): RuleOutcome {
  const triggered = input.rules.returnTypesRequiringApproval.includes(input.returnType);
  const type = humanize(input.returnType);
  return triggered
    ? { triggered, reason: `${type} returns need approval` }
    : { triggered, reason: `${type} returns do not need approval` };
}

function evaluateRegulated(input: ApprovalRoutingInput): RuleOutcome[] {
  const needing = input.rules.regulatedClassesRequiringApproval;
  const groups = groupLines(input.lines, (l) =>
    l.regulatedClass !== null && needing.some((c) => sameText(c, l.regulatedClass as string)) ? l.regulatedClass : null,
  );
  if (groups.size === 0) return [{ triggered: false, reason: 'no line carries a regulated class that needs approval' }];
  return [...groups].map(([cls, at]) => ({
    triggered: true,
    reason: `regulated class '${cls}' (${describeLines(at)}) needs approval`,
  }));
}

function evaluateConditions(input: ApprovalRoutingInput): RuleOutcome[] {
  const needing = input.rules.conditionsRequiringApproval;
  const groups = groupLines(input.lines, (l) => (needing.includes(l.claimedCondition) ? l.claimedCondition : null));
  if (groups.size === 0) return [{ triggered: false, reason: 'no line claims a condition that needs approval' }];
  return [...groups].map(([condition, at]) => ({
    triggered: true,
    reason: `claimed condition '${humanize(condition)}' (${describeLines(at)}) needs approval`,
  }));
}

/**
 * Needs approval when any rule triggers, and then lists every rule that did; otherwise
 * auto-approves and lists why each rule let it through.
 */
export function routeForApproval(input: ApprovalRoutingInput): Routing {
  const outcomes = [
    evaluateValue(input),
    evaluateTier(input),
    evaluateReturnType(input),
    ...evaluateRegulated(input),
    ...evaluateConditions(input),
  ];
  const triggered = outcomes.filter((o) => o.triggered);
  return triggered.length > 0
    ? { decision: 'needs_approval', reasons: triggered.map((o) => o.reason), approvalRulesVersion: input.rulesVersion }
    : { decision: 'auto_approve', reasons: outcomes.map((o) => o.reason), approvalRulesVersion: input.rulesVersion };
}
