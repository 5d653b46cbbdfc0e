import type { VerdictView } from '../../../../src/contracts/returns.js';
import { isStaffVerdict } from '../../api/rmas.js';
import { Badge } from '../../ui/badge.js';
import { formatDate } from '../../ui/dates.js';
import { formatMoney } from '../../ui/money.js';
import { CheckList } from './check-list.js';
import { RoutingSummary } from './routing-summary.js';

/** The policy verdict, explained: every customer and line check with its outcome and message. */
export function VerdictPanel({
  verdict,
  lineLabel,
  title = 'Policy verdict',
  isChecking = false,
}: {
  verdict: VerdictView;
  lineLabel: (orderLineId: string, lineIndex: number) => string;
  title?: string;
  isChecking?: boolean;
}) {
  return (
    <section className="panel verdict" aria-labelledby="verdict-title" aria-busy={isChecking}>
      <div className="panel__header">
        <h2 id="verdict-title">{title}</h2>
        {isChecking ? <span className="muted">Checking…</span> : null}
        {verdict.isEligible ? <Badge tone="success">Eligible</Badge> : <Badge tone="danger">Not eligible</Badge>}
      </div>
      <dl className="facts">
        <div>
          <dt>Return value</dt>
          <dd>{formatMoney(verdict.totalValueMinor, verdict.currency)}</dd>
        </div>
        {isStaffVerdict(verdict) ? (
          <div>
            <dt>Rule versions</dt>
            <dd>
              Return policy v{verdict.returnPolicyVersion}
              {verdict.routing ? `, approval rules v${verdict.routing.approvalRulesVersion}` : ''}
            </dd>
          </div>
        ) : verdict.needsApproval !== null ? (
          <div>
            <dt>Next</dt>
            <dd>
              {verdict.needsApproval
                ? 'The returns team approves it before you send the goods'
                : 'Authorized as soon as you submit it'}
            </dd>
          </div>
        ) : null}
      </dl>
      {isStaffVerdict(verdict) && verdict.routing ? <RoutingSummary routing={verdict.routing} /> : null}
      {verdict.customerChecks.length > 0 ? (
        <>
          <h3>Customer</h3>
          <CheckList checks={verdict.customerChecks} />
        </>
      ) : null}
      {verdict.lines.map((line) => (
        <div key={`${line.lineIndex}-${line.orderLineId}`} className="verdict__line">
          <h3>
            {lineLabel(line.orderLineId, line.lineIndex)}{' '}
            {line.isEligible ? <Badge tone="success">OK</Badge> : <Badge tone="danger">Not eligible</Badge>}
          </h3>
          <p className="verdict__line-facts">
            Returnable: {line.returnableQuantity} · Return window ends {formatDate(line.returnWindowEndsOn)}
            {line.warrantyEndsOn ? ` · Warranty ends ${formatDate(line.warrantyEndsOn)}` : ''} · Value{' '}
            {formatMoney(line.valueMinor, verdict.currency)}
          </p>
          <CheckList checks={line.checks} />
        </div>
      ))}
    </section>
  );
}
