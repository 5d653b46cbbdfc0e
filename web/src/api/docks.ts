// A site's dock schedule and slots, and what the dock does with an appointment: book, check in, cancel.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BookDockAppointmentBodySchema,
  DockAppointment,
  DockSchedule,
  DockSlot,
} from '../../../src/contracts/docks.js';
import { apiFetch } from './client.js';

export type BookDockAppointmentBody = z.input<typeof BookDockAppointmentBodySchema>;

export const dockKeys = {
  all: ['docks'] as const,
  schedule: (siteId: string, date: string) => ['docks', 'schedule', siteId, date] as const,
  slots: (siteId: string, date: string) => ['docks', 'slots', siteId, date] as const,
};

const sitePath = (siteId: string) => `/sites/${encodeURIComponent(siteId)}`;
const appointmentPath = (id: string) => `/dock-appointments/${encodeURIComponent(id)}`;

export function useDockSchedule(siteId: string, date: string) {
  return useQuery({
    queryKey: dockKeys.schedule(siteId, date),
    queryFn: ({ signal }) => apiFetch<DockSchedule>(`${sitePath(siteId)}/dock-schedule`, { query: { date }, signal }),
    enabled: siteId !== '',
    // The dock changes while the page is open (other people book and check in).
    refetchInterval: 60_000,
  });
}

export function useDockSlots(siteId: string, date: string) {
  return useQuery({
    queryKey: dockKeys.slots(siteId, date),
    queryFn: ({ signal }) =>
      apiFetch<{ items: DockSlot[] }>(`${sitePath(siteId)}/dock-slots`, { query: { date }, signal }),
    enabled: siteId !== '',
  });
}

/** Every change to an appointment moves the schedule and the room left in slots: both are reloaded. */
function useDockMutation<Input>(run: (input: Input) => Promise<DockAppointment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: dockKeys.all }),
  });
}

export function useBookDockAppointment() {
  return useDockMutation(({ body, idempotencyKey }: { body: BookDockAppointmentBody; idempotencyKey: string }) =>
    apiFetch<DockAppointment>('/dock-appointments', { method: 'POST', body, idempotencyKey }),
  );
}

export function useCheckInDockAppointment() {
  return useDockMutation((appointment: Pick<DockAppointment, 'id' | 'version'>) =>
    apiFetch<DockAppointment>(`${appointmentPath(appointment.id)}/check-in`, {
      method: 'POST',
      ifMatch: appointment.version,
    }),
  );
}

export function useCancelDockAppointment() {
  return useDockMutation(
    ({ appointment, reason }: { appointment: Pick<DockAppointment, 'id' | 'version'>; reason: string }) =>
      apiFetch<DockAppointment>(`${appointmentPath(appointment.id)}/cancel`, {
        method: 'POST',
        body: { reason },
        ifMatch: appointment.version,
      }),
  );
}
