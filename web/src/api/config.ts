import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfigDocuments, ConfigKind, ConfigVersion } from '../../../src/contracts/configuration.js';
import { apiFetch } from './client.js';

const configKeys = {
  current: (kind: ConfigKind) => ['config', kind, 'current'] as const,
  versions: (kind: ConfigKind) => ['config', kind, 'versions'] as const,
};

export function useConfig<K extends ConfigKind>(kind: K) {
  return useQuery({
    queryKey: configKeys.current(kind),
    queryFn: ({ signal }) => apiFetch<ConfigVersion<K>>(`/config/${kind}`, { signal }),
    staleTime: 60_000,
  });
}

export function useConfigVersions<K extends ConfigKind>(kind: K) {
  return useQuery({
    queryKey: configKeys.versions(kind),
    queryFn: ({ signal }) => apiFetch<{ items: ConfigVersion<K>[] }>(`/config/${kind}/versions`, { signal }),
  });
}

export interface SaveConfigInput<K extends ConfigKind> {
  document: ConfigDocuments[K];
  comment: string;
  basedOnVersion: number;
}

export function useSaveConfig<K extends ConfigKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, comment, basedOnVersion }: SaveConfigInput<K>) =>
      apiFetch<ConfigVersion<K>>(`/config/${kind}`, {
        method: 'PUT',
        body: { document, comment },
        ifMatch: basedOnVersion,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(configKeys.current(kind), saved);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['config', kind] });
    },
  });
}
