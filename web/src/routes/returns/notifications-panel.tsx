import type {
  Notification,
  NotificationStatus,
  NotificationTemplate,
} from '../../../../src/contracts/notifications.js';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { useReturnNotifications } from '../../api/notifications.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { QueryView } from '../../ui/query-view.js';

const STATUSES: Record<NotificationStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Sending', tone: 'info' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  suppressed: { label: 'Unsubscribed', tone: 'muted' },
  not_sent: { label: 'Not sent', tone: 'warning' },
};

const TEMPLATES: Record<NotificationTemplate, string> = {
  return_authorized: 'Return authorized',
  goods_received: 'Goods received',
  credit_issued: 'Credit issued',
  return_rejected: 'Return rejected',
  inspection_sla_digest: 'SLA digest',
};

/** The e-mails about this return: when, to whom, what, and whether they went out (with why not). */
export function NotificationsPanel({ rma }: { rma: RmaView }) {
  const query = useReturnNotifications(rma.id);
  const columns: Column<Notification>[] = [
    {
      key: 'when',
      header: 'When',
      render: (n) => <time dateTime={n.sentAt ?? n.createdAt}>{formatDateTime(n.sentAt ?? n.createdAt)}</time>,
    },
    { key: 'to', header: 'To', render: (n) => n.to || '—' },
    { key: 'subject', header: 'Subject', render: (n) => n.subject },
    { key: 'template', header: 'Template', render: (n) => `${TEMPLATES[n.template]} (${n.locale})` },
    {
      key: 'status',
      header: 'Status',
      render: (n) => <Badge tone={STATUSES[n.status].tone}>{STATUSES[n.status].label}</Badge>,
    },
    { key: 'error', header: 'Error', render: (n) => n.error ?? '' },
  ];
  return (
    <section className="panel" aria-labelledby="notifications-title">
      <h2 id="notifications-title">E-mails</h2>
      <QueryView query={query} loadingLabel="Loading the e-mails…" errorTitle="Could not load the e-mails">
        {({ items }) => (
          <DataTable
            columns={columns}
            rows={items}
            rowKey={(n) => n.id}
            caption="E-mails about this return, newest first"
            emptyTitle="No e-mail about this return yet"
          />
        )}
      </QueryView>
    </section>
  );
}
