import type { ApiKey } from '../../api/api-keys.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate, formatDateTime } from '../../ui/dates.js';
import { ROLE_LABELS } from '../../ui/labels.js';
import { CustomerName } from './customer-name.js';
import { PartnerName } from './partner-name.js';

export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const columns: Column<ApiKey>[] = [
    { key: 'name', header: 'Name', render: (key) => key.name, sortValue: (key) => key.name },
    {
      key: 'role',
      header: 'Role',
      render: (key) => ROLE_LABELS[key.role] ?? key.role,
      sortValue: (key) => ROLE_LABELS[key.role] ?? key.role,
    },
    {
      key: 'customer',
      header: 'Customer account or partner',
      render: (key) =>
        key.customerId ? (
          <CustomerName id={key.customerId} />
        ) : key.partnerId ? (
          <PartnerName id={key.partnerId} role={key.role} />
        ) : (
          <span className="muted">—</span>
        ),
    },
    { key: 'prefix', header: 'Key', render: (key) => <code className="key-prefix">bmk_{key.prefix}_…</code> },
    {
      key: 'createdAt',
      header: 'Created',
      render: (key) => formatDateTime(key.createdAt),
      sortValue: (key) => key.createdAt,
    },
    {
      key: 'status',
      header: 'Status',
      render: (key) =>
        key.revokedAt ? (
          <>
            <Badge tone="muted">Revoked</Badge>
            <span className="cell-sub">{formatDate(key.revokedAt)}</span>
          </>
        ) : (
          <Badge tone="success">Active</Badge>
        ),
      sortValue: (key) => (key.revokedAt ? 1 : 0),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      render: (key) =>
        key.revokedAt ? null : (
          <button type="button" className="button button--small" onClick={() => onRevoke(key)}>
            Revoke<span className="visually-hidden"> {key.name}</span>
          </button>
        ),
    },
  ];
  return <DataTable columns={columns} rows={keys} rowKey={(key) => key.id} caption="API keys" />;
}
