// A return's shipments and their carrier tracking; recording a shipment by its tracking number.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateShipmentBodySchema, Shipment } from '../../../src/contracts/logistics.js';
import { apiFetch } from './client.js';
import { rmaKeys } from './rmas.js';

export type CreateShipmentBody = z.input<typeof CreateShipmentBodySchema>;

const shipmentKeys = { ofReturn: (rmaId: string) => ['shipments', rmaId] as const };

export function useShipments(rmaId: string) {
  return useQuery({
    queryKey: shipmentKeys.ofReturn(rmaId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Shipment[] }>(`/returns/${encodeURIComponent(rmaId)}/shipments`, { signal }),
  });
}

export function useCreateShipment(rmaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateShipmentBody; idempotencyKey: string }) =>
      apiFetch<Shipment>(`/returns/${encodeURIComponent(rmaId)}/shipments`, { method: 'POST', body, idempotencyKey }),
    // Not awaited: the refreshed panel may no longer show the form (nothing left to ship), and the
    // caller's own onSuccess (its confirmation) runs only while the form is still mounted.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: shipmentKeys.ofReturn(rmaId) });
      void queryClient.invalidateQueries({ queryKey: rmaKeys.all });
    },
  });
}
