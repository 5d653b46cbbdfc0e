import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../src/contracts/common.js';
import { describeError } from '../../api/api-error.js';
import { useReactivateUser, userKeys, useUsers, type User, type UserWithLink } from '../../api/users.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField } from '../../ui/field.js';
import { ROLE_OPTIONS } from '../../ui/options.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { SearchBox } from '../../ui/search-box.js';
import { useToast } from '../../ui/toast.js';
import { useListParams } from '../returns/use-list-params.js';
import { ChangeRoleDialog } from './change-role-dialog.js';
import { DeactivateUserDialog } from './deactivate-user-dialog.js';
import { InviteUserDialog } from './invite-user-dialog.js';
import { PasswordLinkDialog } from './password-link-dialog.js';
import { ResetPasswordDialog } from './reset-password-dialog.js';
import { UsersTable, type UserAction } from './users-table.js';

const FILTER_KEYS = ['q', 'role', 'isActive'] as const;
const ACCOUNT_STATUS_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Deactivated' },
];

/** The dialog an action on one row opens. */
type Acting = { action: Exclude<UserAction, 'reactivate'>; user: User };

/** People who sign in: invite them, change their role, deactivate or reactivate them, reset their password. */
export function UsersPage() {
  const me = useCurrentUser();
  const { filters, update } = useListParams(FILTER_KEYS);
  const query = useUsers({
    q: filters.q || undefined,
    role: (filters.role || undefined) as Role | undefined,
    isActive: (filters.isActive || undefined) as 'true' | 'false' | undefined,
  });
  const queryClient = useQueryClient();
  const reactivate = useReactivateUser();
  const toast = useToast();
  const [isInviting, setIsInviting] = useState(false);
  const [acting, setActing] = useState<Acting | null>(null);
  // The only copy of the one-time link on this side: dropped when its dialog closes.
  const [link, setLink] = useState<UserWithLink | null>(null);
  const isFiltered = filters.q !== '' || filters.role !== '' || filters.isActive !== '';

  function handleAction(action: UserAction, user: User) {
    if (action !== 'reactivate') {
      setActing({ action, user });
      return;
    }
    // Nothing to lose by reactivating: no question asked.
    reactivate.mutate(user.id, {
      onSuccess: (reactivated) => toast.show(`${reactivated.name} can sign in again`),
      onError: (error) => toast.show(`${user.name} was not reactivated: ${describeError(error)}`, 'error'),
    });
  }

  function showLink(created: UserWithLink) {
    setIsInviting(false);
    setActing(null);
    // The link's dialog says what happened; a toast behind the modal would go unseen and unheard.
    setLink(created);
  }

  function reload() {
    setActing(null);
    void queryClient.invalidateQueries({ queryKey: userKeys.all });
  }

  const inviteButton = (
    <button type="button" className="button button--primary" onClick={() => setIsInviting(true)}>
      Invite a person
    </button>
  );

  return (
    <>
      <PageHeader
        back={{ to: '/admin', label: 'Admin' }}
        title="Users"
        subtitle="Everyone who signs in to Boomerang, staff and customer-portal users alike. Each person sets their own password with a one-time link."
        actions={inviteButton}
      />
      <section className="panel">
        <SearchBox
          label="Search people"
          placeholder="Name or e-mail"
          initialValue={filters.q}
          onSearch={(q) => update({ q })}
        />
        <div className="filters">
          <SelectField
            label="Role"
            value={filters.role}
            options={ROLE_OPTIONS}
            placeholder="Any role"
            onChange={(event) => update({ role: event.target.value })}
          />
          <SelectField
            label="Status"
            value={filters.isActive}
            options={ACCOUNT_STATUS_OPTIONS}
            placeholder="Any status"
            onChange={(event) => update({ isActive: event.target.value })}
          />
        </div>
      </section>
      <section className="panel">
        <QueryView query={query} loadingLabel="Loading users…" errorTitle="Could not load the users">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title={isFiltered ? 'Nobody matches the search and filters' : 'No users yet'} />
            ) : (
              <UsersTable
                users={items}
                currentUserId={me.id}
                isBusy={query.isPlaceholderData}
                onAction={handleAction}
              />
            )
          }
        </QueryView>
      </section>
      {isInviting ? <InviteUserDialog onInvited={showLink} onClose={() => setIsInviting(false)} /> : null}
      {acting?.action === 'change-role' ? (
        <ChangeRoleDialog user={acting.user} onClose={() => setActing(null)} onReload={reload} />
      ) : null}
      {acting?.action === 'deactivate' ? (
        <DeactivateUserDialog user={acting.user} onClose={() => setActing(null)} />
      ) : null}
      {acting?.action === 'reset-password' ? (
        <ResetPasswordDialog user={acting.user} onReset={showLink} onClose={() => setActing(null)} />
      ) : null}
      {link ? <PasswordLinkDialog created={link} onClose={() => setLink(null)} /> : null}
    </>
  );
}
