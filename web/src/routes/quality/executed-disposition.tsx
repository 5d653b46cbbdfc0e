import { useConfig } from '../../api/config.js';
import type { Disposition } from '../../api/dispositions.js';
import { Badge } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { humanize } from '../../ui/labels.js';

const FOLLOW_UP_LABELS: Record<NonNullable<Disposition['followUpType']>, string> = {
  work_order: 'Work order',
  vendor_return: 'Vendor return',
  quarantine_hold: 'Quarantine hold',
  disposal: 'Disposal record',
  liquidation_lot: 'Liquidation lot',
  customer_return_shipment: 'Shipment back to the customer',
};

/** What was decided for the units and what executing it did: where they went, what it opened. */
export function ExecutedDisposition({ disposition }: { disposition: Disposition }) {
  const codes = useConfig('disposition_codes');
  const labelOf = (code: string) =>
    codes.data?.document.codes.find((candidate) => candidate.code === code)?.label ?? humanize(code);
  return (
    <section className="panel" aria-labelledby="disposition-title">
      <h2 id="disposition-title">Disposition executed</h2>
      <p className="recommendation__code">
        <strong>{labelOf(disposition.code)}</strong> <code>{disposition.code}</code>{' '}
        {disposition.isOverride ? (
          <Badge tone="warning">Overrode {labelOf(disposition.recommendedCode)}</Badge>
        ) : (
          <Badge tone="success">As recommended</Badge>
        )}
      </p>
      <dl className="facts facts--wide">
        {disposition.isOverride ? <Fact term="Why not the recommendation" value={disposition.overrideReason} /> : null}
        <Fact term="Decided by" value={`${disposition.decidedBy}, ${formatDateTime(disposition.decidedAt)}`} />
        <Fact term="Units now" value={`${disposition.quantity} · ${humanize(disposition.targetStatus)}`} />
        <Fact term="Rules version" value={String(disposition.rulesVersion)} />
        <Fact
          term="Follow-up"
          value={
            disposition.followUpType
              ? `${FOLLOW_UP_LABELS[disposition.followUpType]}${disposition.followUpId ? ` ${disposition.followUpId}` : ''}`
              : 'None: the units are back in stock'
          }
        />
      </dl>
      {!disposition.isOverride ? <p className="muted">{disposition.explanation}</p> : null}
    </section>
  );
}
