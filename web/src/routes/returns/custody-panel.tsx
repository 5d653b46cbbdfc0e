import type { CustodyEvent } from '../../../../src/contracts/custody.js';
import type { Rma } from '../../../../src/contracts/returns.js';
import { useChainOfCustody } from '../../api/custody.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/dates.js';
import { QueryView } from '../../ui/query-view.js';

const STAGES: Record<CustodyEvent['stage'], { label: string; tone: BadgeTone }> = {
  carrier: { label: 'Carrier', tone: 'info' },
  dock: { label: 'Dock', tone: 'warning' },
  receiving: { label: 'Receiving', tone: 'success' },
  warehouse: { label: 'Warehouse', tone: 'muted' },
};

/** Staff: every hand-over of the return's goods — carrier, dock, receiving, locations — in order. */
export function CustodyPanel({ rma }: { rma: Rma }) {
  const query = useChainOfCustody(rma.id);
  return (
    <section className="panel" aria-labelledby="custody-title">
      <h2 id="custody-title">Chain of custody</h2>
      <QueryView
        query={query}
        loadingLabel="Loading the chain of custody…"
        errorTitle="Could not load the chain of custody"
      >
        {({ events }) =>
          events.length === 0 ? (
            <p className="muted">No hand-over yet: the goods are still with the customer.</p>
          ) : (
            <ol className="timeline" aria-label="Hand-overs, oldest first">
              {events.map((event, index) => (
                <li key={`${event.reference}-${index}`} className="timeline__item">
                  <span className="timeline__dot" aria-hidden="true" />
                  <div className="timeline__body">
                    <p className="timeline__summary">
                      <Badge tone={STAGES[event.stage].tone}>{STAGES[event.stage].label}</Badge> {event.action}
                    </p>
                    <p className="timeline__meta">
                      <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                      {event.where ? ` · ${event.where}` : ''}
                      {event.by ? ` · by ${event.by}` : ''} · now with {event.holder}
                    </p>
                  </div>
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
    </section>
  );
}
