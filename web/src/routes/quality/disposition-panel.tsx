import { roleCan } from '../../../../src/contracts/permissions.js';
import { useRecommendation, useReturnDispositions } from '../../api/dispositions.js';
import type { Inspection } from '../../api/inspections.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { QueryView } from '../../ui/query-view.js';
import { DecideDisposition } from './decide-disposition.js';
import { ExecutedDisposition } from './executed-disposition.js';

/**
 * A completed inspection's disposition: what was decided and done, or — until then — what the rules
 * recommend and why, with the decision beside it for those who make it.
 */
export function DispositionPanel({ inspection }: { inspection: Inspection }) {
  const dispositions = useReturnDispositions(inspection.rmaId);
  return (
    <QueryView query={dispositions} loadingLabel="Loading the disposition…" errorTitle="Could not load the disposition">
      {({ items }) => {
        const decided = items.find((disposition) => disposition.inspectionId === inspection.id);
        return decided ? <ExecutedDisposition disposition={decided} /> : <Recommendation inspection={inspection} />;
      }}
    </QueryView>
  );
}

function Recommendation({ inspection }: { inspection: Inspection }) {
  const user = useCurrentUser();
  const query = useRecommendation(inspection.id, true);
  return (
    <section className="panel recommendation" aria-labelledby="recommendation-title">
      <h2 id="recommendation-title">Recommended disposition</h2>
      <QueryView query={query} loadingLabel="Asking the rules…" errorTitle="Could not get the recommendation">
        {({ recommendation, options, repairPartners }) => (
          <>
            <p className="recommendation__code">
              <strong>{recommendation.label}</strong> <code>{recommendation.code}</code>
            </p>
            <p className="recommendation__explanation">{recommendation.explanation}</p>
            <p className="muted">
              {recommendation.ruleId ? `Rule ${recommendation.ruleName}` : 'No rule applied'} · rules version{' '}
              {recommendation.rulesVersion}
            </p>
            {recommendation.conditionsMet.length > 0 ? (
              <>
                <h3>Conditions met</h3>
                <ul aria-label="Conditions met">
                  {recommendation.conditionsMet.map((condition) => (
                    <li key={condition}>{condition}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {recommendation.rulesSkipped.length > 0 ? (
              <details className="recommendation__skipped">
                <summary>Rules not applied ({recommendation.rulesSkipped.length})</summary>
                <ul>
                  {recommendation.rulesSkipped.map((rule) => (
                    <li key={rule.ruleId}>
                      {rule.ruleName}: <span className="muted">{rule.failed}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {roleCan(user.role, 'disposition.decide') ? (
              <DecideDisposition
                inspectionId={inspection.id}
                recommendation={recommendation}
                options={options}
                repairPartners={repairPartners}
              />
            ) : (
              <p className="muted">Quality or the warehouse decides the disposition.</p>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
