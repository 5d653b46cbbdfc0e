import type { User } from '../../api/users.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { ROLE_LABELS } from '../../ui/labels.js';
import { useSites } from '../../api/sites.js';
import { CustomerName } from './customer-name.js';
import { PartnerName } from './partner-name.js';

export type UserAction = 'change-role' | 'deactivate' | 'reactivate' | 'reset-password';

/**
 * People who can sign in, with what an admin may do to each. None of it is offered on the admin's own
 * row: the server refuses deactivating yourself or giving up your own admin role, and a reset would
 * end your own session.
 */
export function UsersTable({
  users,
  currentUserId,
  isBusy,
  onAction,
}: {
  users: User[];
  currentUserId: string;
  isBusy: boolean;
  onAction: (action: UserAction, user: User) => void;
}) {
  const columns: Column<User>[] = [
    {
      key: 'name',
      header: 'Name',
      render: (user) => (
        <>
          {user.name}
          {user.id === currentUserId ? <span className="cell-sub">You</span> : null}
        </>
      ),
      sortValue: (user) => user.name,
    },
    { key: 'email', header: 'E-mail', render: (user) => user.email, sortValue: (user) => user.email },
    {
      key: 'role',
      header: 'Role',
      render: (user) => roleLabel(user),
      sortValue: (user) => roleLabel(user),
    },
    {
      key: 'customer',
      header: 'Customer account, partner or home site',
      render: (user) =>
        user.customerId ? (
          <CustomerName id={user.customerId} />
        ) : user.partnerId ? (
          <PartnerName id={user.partnerId} role={user.role} />
        ) : user.siteId ? (
          <SiteCode id={user.siteId} />
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (user) => (
        <>
          {user.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="muted">Deactivated</Badge>}
          {user.isActive && !user.hasPassword ? <span className="cell-sub">Password not set yet</span> : null}
        </>
      ),
      sortValue: (user) => (user.isActive ? 0 : 1),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      render: (user) =>
        user.id === currentUserId ? null : <UserActions user={user} onAction={(action) => onAction(action, user)} />,
    },
  ];
  return <DataTable columns={columns} rows={users} rowKey={(user) => user.id} caption="Users" isBusy={isBusy} />;
}

function roleLabel(user: User): string {
  return ROLE_LABELS[user.role] ?? user.role;
}

function UserActions({ user, onAction }: { user: User; onAction: (action: UserAction) => void }) {
  const who = <span className="visually-hidden"> {user.name}</span>;
  if (!user.isActive) {
    return (
      <div className="button-row button-row--end">
        <button type="button" className="button button--small" onClick={() => onAction('reactivate')}>
          Reactivate{who}
        </button>
      </div>
    );
  }
  return (
    <div className="button-row button-row--end">
      <button type="button" className="button button--small" onClick={() => onAction('change-role')}>
        Change role<span className="visually-hidden"> of {user.name}</span>
      </button>
      <button type="button" className="button button--small" onClick={() => onAction('reset-password')}>
        Reset password<span className="visually-hidden"> of {user.name}</span>
      </button>
      <button type="button" className="button button--small" onClick={() => onAction('deactivate')}>
        Deactivate{who}
      </button>
    </div>
  );
}

function SiteCode({ id }: { id: string }) {
  const sites = useSites();
  const site = sites.data?.items.find((candidate) => candidate.id === id);
  return <>{site ? `${site.code} · ${site.name}` : id}</>;
}
