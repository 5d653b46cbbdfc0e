// A return's notification log: the e-mails sent (or not) about it, newest first.
import { useQuery } from '@tanstack/react-query';
import type { Notification } from '../../../src/contracts/notifications.js';
import { apiFetch } from './client.js';

export function useReturnNotifications(rmaId: string) {
  return useQuery({
    // Under the return's key: whatever refreshes the return (a decision, a receipt) refreshes this too.
    queryKey: ['rmas', 'notifications', rmaId],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Notification[] }>(`/returns/${encodeURIComponent(rmaId)}/notifications`, { signal }),
    // The worker sends shortly after the change that caused a message: look again while any is pending.
    refetchInterval: (query) => (query.state.data?.items.some((n) => n.status === 'pending') ? 5_000 : false),
  });
}
