import { useId, useState } from 'react';
import type { TimelineEntryView } from '../../../../src/contracts/returns.js';
import { isStaffTimelineEntry } from '../../api/rmas.js';
import { formatDateTime } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';

export function TimelineItem({ entry }: { entry: TimelineEntryView }) {
  const [isExpanded, setIsExpanded] = useState(false);
  const detailsId = useId();
  const staff = isStaffTimelineEntry(entry) ? entry : null;
  const hasDetails = staff !== null && (staff.before != null || staff.after != null);
  return (
    <li className="timeline__item">
      <span className="timeline__dot" aria-hidden="true" />
      <div className="timeline__body">
        <p className="timeline__summary">{entry.summary || humanize(entry.action)}</p>
        <p className="timeline__meta">
          <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
          {staff ? (
            <>
              {' '}
              · {staff.actorName || staff.actorId} · <code>{staff.action}</code>
            </>
          ) : null}
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
                  <pre>{JSON.stringify(staff?.before, null, 2) ?? 'null'}</pre>
                </div>
                <div>
                  <h3>After</h3>
                  <pre>{JSON.stringify(staff?.after, null, 2) ?? 'null'}</pre>
                </div>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </li>
  );
}
