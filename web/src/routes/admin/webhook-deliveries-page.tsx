import { useState } from 'react';
import { useParams } from 'react-router';
import { describeError } from '../../api/api-error.js';
import {
  useReplayWebhookDelivery,
  useWebhookDeliveries,
  useWebhookSubscription,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from '../../api/webhooks.js';
import { Alert } from '../../ui/alert.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { SelectField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { Pagination } from '../../ui/pagination.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';

const STATUS_TONES: Record<WebhookDeliveryStatus, BadgeTone> = {
  pending: 'warning',
  delivered: 'success',
  dead: 'danger',
};
const STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  dead: 'Dead',
};
const STATUS_OPTIONS = [
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'dead', label: 'Dead' },
];

/** Every try: its status code (or error) and how long the receiver took. */
function AttemptList({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.attemptLog.length === 0) return <span className="muted">Not tried yet</span>;
  return (
    <ol className="attempt-list">
      {delivery.attemptLog.map((attempt, index) => (
        <li key={`${attempt.at}-${index}`}>
          {attempt.statusCode ?? attempt.error ?? 'no answer'} · {attempt.durationMs} ms
          <span className="cell-sub">{formatDateTime(attempt.at)}</span>
        </li>
      ))}
    </ol>
  );
}

/** A subscription's deliveries, newest first, filtered by status; dead or delivered ones can be sent again. */
export function WebhookDeliveriesPage() {
  const { subscriptionId = '' } = useParams();
  const subscription = useWebhookSubscription(subscriptionId);
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const deliveries = useWebhookDeliveries(subscriptionId, { status, page, pageSize });
  const replay = useReplayWebhookDelivery();
  const toast = useToast();

  const columns: Column<WebhookDelivery>[] = [
    {
      key: 'event',
      header: 'Event',
      render: (d) => (
        <>
          {d.eventType}
          <span className="cell-sub">{formatDateTime(d.createdAt)}</span>
        </>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (d) => <Badge tone={STATUS_TONES[d.status]}>{STATUS_LABELS[d.status]}</Badge>,
    },
    { key: 'attempts', header: 'Tries', render: (d) => <AttemptList delivery={d} /> },
    {
      key: 'next',
      header: 'Next try',
      render: (d) => (d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : <span className="muted">—</span>),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      render: (d) =>
        d.status === 'pending' ? null : (
          <button
            type="button"
            className="button button--small"
            disabled={replay.isPending}
            onClick={() =>
              replay.mutate(d, { onSuccess: () => toast.show(`Delivery of ${d.eventType} will be sent again`) })
            }
          >
            Send again<span className="visually-hidden"> {d.id}</span>
          </button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        back={{ to: '/admin/webhooks', label: 'Webhooks' }}
        title="Webhook deliveries"
        subtitle={
          subscription.data ? `${subscription.data.url} — ${subscription.data.eventTypes.join(', ')}` : undefined
        }
      />
      <section className="panel">
        <SelectField
          label="Status"
          value={status}
          options={STATUS_OPTIONS}
          placeholder="All"
          onChange={(event) => {
            setStatus(event.target.value as WebhookDeliveryStatus | '');
            setPage(1);
          }}
        />
        {replay.isError ? <Alert tone="error">{describeError(replay.error)}</Alert> : null}
        <QueryView query={deliveries} loadingLabel="Loading deliveries…" errorTitle="Could not load the deliveries">
          {(result) => (
            <>
              <DataTable
                columns={columns}
                rows={result.items}
                rowKey={(d) => d.id}
                caption="Deliveries"
                emptyTitle="No deliveries yet"
              />
              <Pagination
                page={result.page}
                pageSize={result.pageSize}
                total={result.total}
                onPageChange={setPage}
                onPageSizeChange={(size) => {
                  setPageSize(size);
                  setPage(1);
                }}
                label="Delivery pages"
              />
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
