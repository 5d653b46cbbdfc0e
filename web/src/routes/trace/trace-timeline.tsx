import { Link } from 'react-router';
import type { Role } from '../../../../src/contracts/common.js';
import type { TraceEvent, TraceStage } from '../../../../src/contracts/trace.js';
import { canRaiseForCustomers, INSPECTION_ROLES } from '../../auth/permissions.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { formatDate, formatDateTime } from '../../ui/dates.js';

const STAGES: Record<TraceStage, { label: string; tone: BadgeTone }> = {
  sold: { label: 'Sold', tone: 'neutral' },
  returned: { label: 'Returned', tone: 'info' },
  received: { label: 'Received', tone: 'success' },
  inspected: { label: 'Inspected', tone: 'warning' },
  disposed: { label: 'Disposition', tone: 'danger' },
  followed_up: { label: 'Follow-up', tone: 'info' },
  moved: { label: 'Stock', tone: 'muted' },
};

/** An order line records the day it shipped; everything else the moment. */
const formatWhen = (at: string) => (/^\d{4}-\d{2}-\d{2}$/.test(at) ? formatDate(at) : formatDateTime(at));

/** Only pages the person may open are links (an order's page is customer service's). */
function canOpen(href: string, role: Role): boolean {
  if (href.startsWith('/service/')) return canRaiseForCustomers(role);
  if (href.startsWith('/quality/')) return INSPECTION_ROLES.includes(role);
  return true;
}

function linkLabel(event: TraceEvent, href: string): string {
  if (href.startsWith('/service/orders/')) return `Open order ${event.reference}`;
  if (href.startsWith('/quality/inspections/')) return 'Open the inspection';
  return `Open ${event.rmaNumber ?? 'the return'}`;
}

export function TraceTimeline({ events, role }: { events: TraceEvent[]; role: Role }) {
  return (
    <ol className="timeline" aria-label="Path, oldest first">
      {events.map((event, index) => {
        const href = event.href && canOpen(event.href, role) ? event.href : null;
        const returnHref = event.rmaId && !href?.startsWith('/returns/') ? `/returns/${event.rmaId}` : null;
        return (
          <li key={`${event.stage}-${event.reference}-${index}`} className="timeline__item">
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <p className="timeline__summary">
                <Badge tone={STAGES[event.stage].tone}>{STAGES[event.stage].label}</Badge> <span>{event.title}</span>
              </p>
              <p className="timeline__meta">
                <time dateTime={event.at}>{formatWhen(event.at)}</time>
                {event.detail ? ` · ${event.detail}` : ''}
              </p>
              <p className="timeline__meta">
                Reference {event.reference}
                {href ? (
                  <>
                    {' · '}
                    <Link to={href}>{linkLabel(event, href)}</Link>
                  </>
                ) : null}
                {returnHref ? (
                  <>
                    {' · '}
                    <Link to={returnHref}>{event.rmaNumber ?? 'Open the return'}</Link>
                  </>
                ) : null}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
