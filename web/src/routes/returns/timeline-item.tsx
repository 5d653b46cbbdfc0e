import { useId, useState } from 'react';
import type { TimelineEntry } from '../../../../src/contracts/returns.js';
import { formatDateTime } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';

export function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const [isExpanded, setIsExpanded] = useState(false);
  const detailsId = useId();
  const hasDetails = entry.before != null || entry.after != null;
  return (
    <li className="timeline__item">
      <span className="timeline__dot" aria-hidden="true" />
      <div className="timeline__body">
        <p className="timeline__summary">{entry.summary || humanize(entry.action)}</p>
        <p className="timeline__meta">
          <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> ·{' '}
          {entry.actorName || entry.actorId} · <code>{entry.action}</code>
        </p>
        {hasDetails ? (
          <>
            <button
              type="button"
              className="link-button"
              aria-expanded={isExpanded}
              aria-controls={detailsId}
              onClick={() => setIsExpanded((current) => !current)}
            >
              {isExpanded ? 'Hide details' : 'Details'}
            </button>
            {isExpanded ? (
              <div id={detailsId} className="timeline__details">
                <div>
                  <h3>Before</h3>
                  <pre>{JSON.stringify(entry.before, null, 2) ?? 'null'}</pre>
                </div>
                <div>
                  <h3>After</h3>
                  <pre>{JSON.stringify(entry.after, null, 2) ?? 'null'}</pre>
                </div>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </li>
  );
}
