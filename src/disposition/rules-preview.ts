// "Test this rule": a draft of the disposition rules applied to the facts of a completed
// inspection, beside the recommendation of the rules in force. Read-only, so quality may try
// rules too (admins publish them). The draft is checked as publishing checks it — its shape,
// checkRules, and that every active rule and the fallback recommend an active code in force —
// so a draft that previews cleanly is not refused for those reasons when it is published.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import type { Platform } from '../platform/unit-of-work.js';
import { checkRules, DispositionRulesSchema, type DispositionRules } from '../contracts/disposition-rules.js';
import { DRAFT_RULES_VERSION, type RulesPreview, type RulesPreviewRequest } from '../contracts/rules-preview.js';
import { findInspectionToDispose, gatherFacts, recommendationOf } from './recommendation.js';
import { estimateCosts } from './domain/rules-engine.js';
import type { DispositionCodeEntry } from './domain/disposition-actions.js';

interface Problem {
  path: string;
  message: string;
}

export async function previewDispositionRules(
  platform: Platform,
  ctx: RequestContext,
  request: RulesPreviewRequest,
): Promise<RulesPreview> {
  assertCan(ctx.actor, 'config.read');
  assertCan(ctx.actor, 'inspection.read');
  const draft = parseDraft(request.document);
  const inspection = await findInspectionToDispose(platform.db, request.inspectionId);
  const today = platform.clock.now().toISOString().slice(0, 10);
  const { facts, config } = await gatherFacts(platform.db, inspection, today);
  const unknownCodes = codesNotInForce(draft, config.codes);
  if (unknownCodes.length > 0) throw refusal(unknownCodes);
  // The draft's cost table may estimate repair and refurbishment differently from the one in force.
  const draftFacts = { ...facts, ...estimateCosts(draft, facts.category, facts.unitValueMinor) };
  const current = recommendationOf(config.rules.document, config.rules.version, facts, config.codes);
  const recommendation = recommendationOf(draft, DRAFT_RULES_VERSION, draftFacts, config.codes);
  return {
    inspectionId: inspection.id,
    facts: { ...draftFacts },
    recommendation,
    current,
    isChanged: recommendation.code !== current.code,
  };
}

function parseDraft(document: unknown): DispositionRules {
  const parsed = DispositionRulesSchema.safeParse(document);
  if (!parsed.success)
    throw refusal(
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    );
  const problems = checkRules(parsed.data);
  if (problems.length > 0) throw refusal(problems);
  return parsed.data;
}

/** Active rules and the fallback may recommend only codes that can be carried out now. */
function codesNotInForce(draft: DispositionRules, codes: readonly DispositionCodeEntry[]): Problem[] {
  const active = new Set(codes.filter((code) => code.isActive).map((code) => code.code));
  const unknown = (code: string) => `${code} is not an active disposition code`;
  return [
    ...draft.rules.flatMap((rule, i) =>
      rule.isActive && !active.has(rule.code) ? [{ path: `rules.${i}.code`, message: unknown(rule.code) }] : [],
    ),
    ...(active.has(draft.fallback.code) ? [] : [{ path: 'fallback.code', message: unknown(draft.fallback.code) }]),
  ];
}

/** Paths under `document.`, as publishing reports them, so one form shows both answers alike. */
function refusal(problems: Problem[]): AppError {
  return new AppError('validation_failed', `the draft rules are not valid: ${problems[0]?.message ?? ''}`, {
    errors: problems.map((problem) => ({
      path: problem.path === '' ? 'document' : `document.${problem.path}`,
      message: problem.message,
    })),
  });
}
