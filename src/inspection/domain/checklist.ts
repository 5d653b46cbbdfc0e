// The checklist an inspection follows — the product category's, else the '*' one — and its
// answers judged: a failed check or a measurement out of range is flagged; completing an inspection
// needs every required item answered.
import type { InspectionChecklists } from '../../contracts/configuration.js';
import type { ChecklistAnswer } from '../../contracts/inspection.js';

export type ChecklistDefinition = InspectionChecklists['checklists'][number];

export interface ChecklistItemResult {
  id: string;
  label: string;
  kind: 'check' | 'measurement';
  unit: string | null;
  min: number | null;
  max: number | null;
  required: boolean;
  passed: boolean | null;
  value: number | null;
  outOfRange: boolean;
}

export function checklistFor(checklists: InspectionChecklists, category: string | null): ChecklistDefinition {
  return (
    checklists.checklists.find((c) => c.category === category) ??
    checklists.checklists.find((c) => c.category === '*') ??
    checklists.checklists[0]!
  );
}

/** The answers laid over the checklist; answers to items not on it are refused by the caller. */
export function applyAnswers(
  checklist: ChecklistDefinition,
  answers: readonly ChecklistAnswer[],
): { results: ChecklistItemResult[]; unknownIds: string[] } {
  const byId = new Map(answers.map((a) => [a.id, a]));
  const results = checklist.items.map((item) => {
    const answer = byId.get(item.id);
    const passed = item.kind === 'check' ? (answer?.passed ?? null) : null;
    const value = item.kind === 'measurement' ? (answer?.value ?? null) : null;
    const outOfRange =
      (item.kind === 'check' && passed === false) ||
      (value !== null &&
        ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)));
    return {
      id: item.id,
      label: item.label,
      kind: item.kind,
      unit: item.unit ?? null,
      min: item.min ?? null,
      max: item.max ?? null,
      required: item.required,
      passed,
      value,
      outOfRange,
    };
  });
  const known = new Set(checklist.items.map((i) => i.id));
  return { results, unknownIds: answers.map((a) => a.id).filter((id) => !known.has(id)) };
}

/** Required items with no answer: what stops an inspection being completed. */
export function unansweredItems(results: readonly ChecklistItemResult[]): ChecklistItemResult[] {
  return results.filter((r) => r.required && (r.kind === 'check' ? r.passed === null : r.value === null));
}
