import { useState } from 'react';
import { Link } from 'react-router';
import {
  useWebhookSubscriptions,
  type CreatedWebhookSubscription,
  type WebhookSubscription,
} from '../../api/webhooks.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { CreateWebhookDialog } from './create-webhook-dialog.js';
import { DeactivateWebhookDialog } from './deactivate-webhook-dialog.js';
import { WebhookSecretDialog } from './webhook-secret-dialog.js';

/** Other systems told of events as they happen: list, add (secret shown once), deactivate, see deliveries. */
export function WebhooksPage() {
  const query = useWebhookSubscriptions();
  const [isCreating, setIsCreating] = useState(false);
  // The only copy of the secret on this side: dropped when its dialog closes.
  const [created, setCreated] = useState<CreatedWebhookSubscription | null>(null);
  const [deactivating, setDeactivating] = useState<WebhookSubscription | null>(null);

  const columns: Column<WebhookSubscription>[] = [
    {
      key: 'url',
      header: 'Receiver',
      render: (s) => (
        <>
          <Link to={`/admin/webhooks/${s.id}`}>{s.url}</Link>
          {s.description ? <span className="cell-sub">{s.description}</span> : null}
        </>
      ),
      sortValue: (s) => s.url,
    },
    { key: 'eventTypes', header: 'Events', render: (s) => s.eventTypes.join(', ') },
    { key: 'createdAt', header: 'Added', render: (s) => formatDateTime(s.createdAt), sortValue: (s) => s.createdAt },
    {
      key: 'status',
      header: 'Status',
      render: (s) => (s.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="muted">Inactive</Badge>),
      sortValue: (s) => (s.isActive ? 0 : 1),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      render: (s) =>
        s.isActive ? (
          <button type="button" className="button button--small" onClick={() => setDeactivating(s)}>
            Deactivate<span className="visually-hidden"> {s.url}</span>
          </button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        back={{ to: '/admin', label: 'Admin' }}
        title="Webhooks"
        subtitle="Other systems — an ERP, a carrier portal, a data warehouse — are told of events as they happen, signed with their own secret."
        actions={
          <button type="button" className="button button--primary" onClick={() => setIsCreating(true)}>
            Add webhook
          </button>
        }
      />
      <section className="panel">
        <QueryView query={query} loadingLabel="Loading webhooks…" errorTitle="Could not load the webhooks">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No webhooks yet">
                <p>Add one per receiving system, so each can be deactivated on its own.</p>
              </EmptyState>
            ) : (
              <DataTable columns={columns} rows={items} rowKey={(s) => s.id} caption="Webhooks" />
            )
          }
        </QueryView>
      </section>
      {isCreating ? (
        <CreateWebhookDialog
          onCreated={(subscription) => {
            setIsCreating(false);
            setCreated(subscription);
          }}
          onClose={() => setIsCreating(false)}
        />
      ) : null}
      {created ? <WebhookSecretDialog subscription={created} onClose={() => setCreated(null)} /> : null}
      {deactivating ? (
        <DeactivateWebhookDialog subscription={deactivating} onClose={() => setDeactivating(null)} />
      ) : null}
    </>
  );
}
