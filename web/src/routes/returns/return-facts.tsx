import type { RmaView } from '../../../../src/contracts/returns.js';
import { isStaffRma } from '../../api/rmas.js';
import { formatDate, formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';

export function ReturnFacts({ rma }: { rma: RmaView }) {
  return (
    <section className="panel" aria-label="Summary">
      <dl className="facts facts--wide">
        <Fact term="Customer" value={`${rma.customerName} (${rma.customerAccount})`} />
        <Fact
          term="Return type"
          value={humanize(rma.returnType) + (rma.isUnauthorized ? ' · arrived without RMA' : '')}
        />
        <Fact term="Value" value={formatMoney(rma.totalValueMinor, rma.currency)} />
        <Fact term={rma.isUnauthorized ? 'Recorded' : 'Requested'} value={formatDateTime(rma.createdAt)} />
        <Fact term="Authorized" value={formatDateTime(rma.authorizedAt)} />
        <Fact term="Authorization expires" value={formatDate(rma.expiresOn)} />
        {rma.customerReference ? (
          <Fact term={rma.isUnauthorized ? 'Carrier reference' : 'Customer reference'} value={rma.customerReference} />
        ) : null}
        {rma.decidedAt ? (
          <Fact
            term="Decision"
            value={
              isStaffRma(rma)
                ? `${formatDateTime(rma.decidedAt)} by ${rma.decidedBy ?? 'unknown'}`
                : formatDateTime(rma.decidedAt)
            }
          />
        ) : null}
        {rma.decisionComment ? <Fact term="Decision comment" value={rma.decisionComment} /> : null}
        {isStaffRma(rma) ? (
          <Fact
            term="Rule versions"
            value={`Return policy v${rma.returnPolicyVersion ?? '—'}, approval rules v${rma.approvalRulesVersion ?? '—'}`}
          />
        ) : null}
      </dl>
      {rma.note ? (
        <div className="note">
          <h2 className="note__title">Note</h2>
          <p>{rma.note}</p>
        </div>
      ) : null}
    </section>
  );
}
