import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiKeySchema, CreateApiKeyBodySchema, CreatedApiKeySchema } from '../../../src/contracts/identity.js';
import { apiFetch } from './client.js';

export type ApiKey = z.infer<typeof ApiKeySchema>;
/** The key as created: the only time the API returns its `secret`. */
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBodySchema>;

export const apiKeyKeys = {
  list: ['api-keys', 'list'] as const,
};

export function useApiKeys() {
  return useQuery({
    queryKey: apiKeyKeys.list,
    queryFn: ({ signal }) => apiFetch<{ items: ApiKey[] }>('/api-keys', { signal }),
  });
}

/** The secret is returned once and never cached: only the list (without secrets) is refetched. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => apiFetch<CreatedApiKey>('/api-keys', { method: 'POST', body }),
    // Nor kept in the mutation cache once the form is gone.
    gcTime: 0,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeyKeys.list });
    },
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ApiKey>(`/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (revoked) => {
      queryClient.setQueryData<{ items: ApiKey[] }>(apiKeyKeys.list, (current) =>
        current ? { items: current.items.map((key) => (key.id === revoked.id ? revoked : key)) } : current,
      );
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeyKeys.list });
    },
  });
}
