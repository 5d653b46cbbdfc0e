import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../src/contracts/common.js';
import type {
  CreateUserBodySchema,
  PasswordLinkSchema,
  SetPasswordBodySchema,
  UpdateUserBodySchema,
  User,
  UserWithLinkSchema,
} from '../../../src/contracts/identity.js';
import { apiFetch } from './client.js';

export type { User };
/** A one-time link to set a password: the token is returned once, to the admin who made it. */
export type PasswordLink = z.infer<typeof PasswordLinkSchema>;
export type UserWithLink = z.infer<typeof UserWithLinkSchema>;
export type InviteUserBody = z.input<typeof CreateUserBodySchema>;
export type UpdateUserBody = z.input<typeof UpdateUserBodySchema>;
export type SetPasswordBody = z.input<typeof SetPasswordBodySchema>;

export interface UserListFilters {
  q?: string | undefined;
  role?: Role | undefined;
  isActive?: 'true' | 'false' | undefined;
}

export const userKeys = {
  all: ['users'] as const,
  lists: ['users', 'list'] as const,
  list: (filters: UserListFilters) => ['users', 'list', filters] as const,
};

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export function useUsers(filters: UserListFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => apiFetch<{ items: User[] }>('/users', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Puts the changed user into every list on screen at once, then asks again (filters may now exclude them). */
function showChangedUser(queryClient: QueryClient, changed: User): void {
  queryClient.setQueriesData<{ items: User[] }>({ queryKey: userKeys.lists }, (current) =>
    current ? { items: current.items.map((user) => (user.id === changed.id ? changed : user)) } : current,
  );
}

async function refreshUsers(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: userKeys.all });
}

/** The invitation's link is returned once and never cached: only the list (without links) is refetched. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserBody) => apiFetch<UserWithLink>('/users', { method: 'POST', body }),
    // Nor kept in the mutation cache once the dialog is gone.
    gcTime: 0,
    onSuccess: () => refreshUsers(queryClient),
  });
}

/** A change of role (and customer account) based on the version the admin saw: a stale one is refused with 412. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateUserBody }) =>
      apiFetch<User>(userPath(id), { method: 'PATCH', body: changes, ifMatch: version }),
    onSuccess: (user) => showChangedUser(queryClient, user),
    onSettled: () => refreshUsers(queryClient),
  });
}

/**
 * Deactivating and reactivating send no If-Match: the confirmation shows nothing that could be out
 * of date, and a person setting their password in the meantime (a new version) must not make the
 * admin's click fail.
 */
function useUserAction(action: 'deactivate' | 'reactivate') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<User>(`${userPath(id)}/${action}`, { method: 'POST' }),
    onSuccess: (user) => showChangedUser(queryClient, user),
    onSettled: () => refreshUsers(queryClient),
  });
}

/** Ends the person's sessions and revokes the API keys they made, on the server, in one step. */
export const useDeactivateUser = () => useUserAction('deactivate');
export const useReactivateUser = () => useUserAction('reactivate');

/** The old password and the person's sessions stop working; the new link is shown once and never cached. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<UserWithLink>(`${userPath(id)}/password-reset`, { method: 'POST' }),
    gcTime: 0,
    onSuccess: ({ user }) => showChangedUser(queryClient, user),
    onSettled: () => refreshUsers(queryClient),
  });
}

/**
 * The person's side of the link, on a public page: no session is needed (apiFetch sends a bearer
 * token only when there is one, and the endpoint ignores it). The password is not kept in the
 * mutation cache either.
 */
export function useSetPassword() {
  return useMutation({
    mutationFn: (body: SetPasswordBody) => apiFetch<void>('/auth/password', { method: 'POST', body }),
    gcTime: 0,
  });
}
