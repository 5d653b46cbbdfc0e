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

/**
 * Publishes a new version. The editor is re-created for each stored version, so what must happen
 * after a save (`onSaved`) lives here, on the mutation, not on a callback of the editor that
 * unmounts. A refused save (412: someone else published first) refetches nothing, so the editor
 * keeps what the user typed and can show the conflict.
 */
export function useSaveConfig<K extends ConfigKind>(kind: K, onSaved?: (saved: ConfigVersion<K>) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, comment, basedOnVersion }: SaveConfigInput<K>) =>
      apiFetch<ConfigVersion<K>>(`/config/${kind}`, {
        method: 'PUT',
        body: { document, comment },
        ifMatch: basedOnVersion,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(configKeys.current(kind), saved);
      onSaved?.(saved);
      await queryClient.invalidateQueries({ queryKey: configKeys.versions(kind) });
    },
  });
}
