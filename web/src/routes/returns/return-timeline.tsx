import { useRmaTimeline } from '../../api/rmas.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canReadHistory } from '../../auth/permissions.js';
import { QueryView } from '../../ui/query-view.js';
import { EmptyState } from '../../ui/empty-state.js';
import { TimelineItem } from './timeline-item.js';

/** Everything that happened to the return, oldest first, from the audit trail. */
export function ReturnTimeline({ rmaId }: { rmaId: string }) {
  const user = useCurrentUser();
  if (!canReadHistory(user.role)) {
    return (
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">History</h2>
        <p className="muted">The history of a return is not available to your role.</p>
      </section>
    );
  }
  return <TimelineList rmaId={rmaId} />;
}

function TimelineList({ rmaId }: { rmaId: string }) {
  const query = useRmaTimeline(rmaId);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">History</h2>
      <QueryView query={query} loadingLabel="Loading the history…">
        {(timeline) =>
          timeline.items.length === 0 ? (
            <EmptyState title="No history recorded yet" />
          ) : (
            <ol className="timeline">
              {timeline.items.map((entry) => (
                <TimelineItem key={entry.id} entry={entry} />
              ))}
            </ol>
          )
        }
      </QueryView>
    </section>
  );
}
