import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatedWebhookSubscription,
  CreateWebhookSubscriptionBodySchema,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookSubscription,
} from '../../../src/contracts/webhooks.js';
import type { Page } from '../../../src/contracts/common.js';
import { apiFetch } from './client.js';

export type { CreatedWebhookSubscription, WebhookDelivery, WebhookDeliveryStatus, WebhookSubscription };
export type CreateWebhookSubscriptionBody = z.input<typeof CreateWebhookSubscriptionBodySchema>;

export const webhookKeys = {
  list: ['webhook-subscriptions', 'list'] as const,
  one: (id: string) => ['webhook-subscriptions', 'one', id] as const,
  deliveries: (id: string) => ['webhook-subscriptions', 'deliveries', id] as const,
};

export function useWebhookSubscriptions() {
  return useQuery({
    queryKey: webhookKeys.list,
    queryFn: ({ signal }) => apiFetch<{ items: WebhookSubscription[] }>('/webhook-subscriptions', { signal }),
  });
}

export function useWebhookSubscription(id: string) {
  return useQuery({
    queryKey: webhookKeys.one(id),
    queryFn: ({ signal }) =>
      apiFetch<WebhookSubscription>(`/webhook-subscriptions/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The secret comes back once and is never cached: only the list (without secrets) is refetched. */
export function useCreateWebhookSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookSubscriptionBody) =>
      apiFetch<CreatedWebhookSubscription>('/webhook-subscriptions', { method: 'POST', body }),
    gcTime: 0,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: webhookKeys.list });
    },
  });
}

export function useDeactivateWebhookSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subscription: WebhookSubscription) =>
      apiFetch<WebhookSubscription>(`/webhook-subscriptions/${encodeURIComponent(subscription.id)}`, {
        method: 'DELETE',
        ifMatch: subscription.version,
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['webhook-subscriptions'] });
    },
  });
}

/** A subscription's delivery log, newest first; refreshed every few seconds while it is open. */
export function useWebhookDeliveries(
  subscriptionId: string,
  filter: { status: WebhookDeliveryStatus | ''; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: [...webhookKeys.deliveries(subscriptionId), filter],
    queryFn: ({ signal }) =>
      apiFetch<Page<WebhookDelivery>>(`/webhook-subscriptions/${encodeURIComponent(subscriptionId)}/deliveries`, {
        signal,
        query: { status: filter.status, page: filter.page, pageSize: filter.pageSize },
      }),
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });
}

export function useReplayWebhookDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      apiFetch<WebhookDelivery>(`/webhook-deliveries/${encodeURIComponent(delivery.id)}/replay`, { method: 'POST' }),
    onSettled: async (_result, _error, delivery) => {
      await queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(delivery.subscriptionId) });
    },
  });
}
