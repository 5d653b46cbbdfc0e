// The dock's endpoints: a site's doors and slots (set up by the warehouse), appointments (booked,
// moved, cancelled, checked in), and a site's schedule for a day. Customers have no access.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../../contracts/common.js';
import {
  BookDockAppointmentBodySchema,
  CancelDockAppointmentBodySchema,
  CreateDockDoorBodySchema,
  DayQuerySchema,
  DockAppointmentSchema,
  DockDoorSchema,
  DockScheduleSchema,
  DockSlotSchema,
  GenerateSlotsBodySchema,
  GenerateSlotsResultSchema,
  RescheduleDockAppointmentBodySchema,
  SiteParamsSchema,
} from '../../contracts/docks.js';
import { toIsoDate } from '../../platform/clock.js';
import { contextOf, SIGNED_IN } from '../../platform/http/request-context.js';
import { readIfMatchVersion, requireIfMatchVersion, setVersionEtag } from '../../platform/http/preconditions.js';
import type { Platform } from '../../platform/unit-of-work.js';
import {
  bookDockAppointment,
  cancelDockAppointment,
  checkInDockAppointment,
  closeDockAppointment,
  rescheduleDockAppointment,
} from './dock-appointments.js';
import { createDockDoor, deactivateDockDoor, generateDockSlots } from './dock-doors.js';
import { doorView, getDockAppointment, getDockSchedule, listDockDoors, listDockSlots } from './dock.queries.js';

export const DOCK_APPOINTMENTS_PATH = '/dock-appointments';

export function registerDockRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['docks'];
  const today = () => toIsoDate(platform.clock.now());

  api.get(
    '/sites/:siteId/dock-doors',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A site's dock doors, in service or not",
        params: SiteParamsSchema,
        response: { 200: z.object({ items: z.array(DockDoorSchema) }), 404: ProblemSchema },
      },
    },
    async (request) => ({ items: await listDockDoors(platform.db, contextOf(request), request.params.siteId) }),
  );
  api.post(
    '/sites/:siteId/dock-doors',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Add a dock door to a site',
        params: SiteParamsSchema,
        body: CreateDockDoorBodySchema,
        response: { 201: DockDoorSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const door = await createDockDoor(platform, contextOf(request), request.params.siteId, request.body);
      setVersionEtag(reply, door.version);
      return reply.code(201).send(doorView(door));
    },
  );
  api.post(
    '/dock-doors/:id/deactivate',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Take a dock door out of service (refused while carriers are booked at it)',
        params: IdParamsSchema,
        response: { 200: DockDoorSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema },
      },
    },
    async (request, reply) => {
      const door = await deactivateDockDoor(
        platform,
        contextOf(request),
        request.params.id,
        readIfMatchVersion(request),
      );
      setVersionEtag(reply, door.version);
      return doorView(door);
    },
  );
  api.post(
    '/dock-doors/:id/slots',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          "Make a door's time slots for a range of days from a pattern (e.g. 08:00–16:00 every 60 minutes, capacity 2); times are UTC",
        params: IdParamsSchema,
        body: GenerateSlotsBodySchema,
        response: { 201: GenerateSlotsResultSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await generateDockSlots(platform, contextOf(request), request.params.id, request.body)),
  );
  api.get(
    '/sites/:siteId/dock-slots',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A site's slots starting on a day (UTC; today by default), with the places left in each",
        params: SiteParamsSchema,
        querystring: DayQuerySchema,
        response: { 200: z.object({ items: z.array(DockSlotSchema) }), 404: ProblemSchema },
      },
    },
    async (request) => ({
      items: await listDockSlots(platform.db, contextOf(request), request.params.siteId, request.query.date ?? today()),
    }),
  );
  api.get(
    '/sites/:siteId/dock-schedule',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "A site's dock schedule for a day (UTC; today by default): every appointment by time, then door",
        params: SiteParamsSchema,
        querystring: DayQuerySchema,
        response: { 200: DockScheduleSchema, 404: ProblemSchema },
      },
    },
    (request) => getDockSchedule(platform.db, contextOf(request), request.params.siteId, request.query.date ?? today()),
  );
  api.post(
    DOCK_APPOINTMENTS_PATH,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Book a carrier into a dock slot; a full slot is refused with the next free one',
        body: BookDockAppointmentBodySchema,
        response: { 201: DockAppointmentSchema, 400: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const appointment = await bookDockAppointment(platform, contextOf(request), request.body);
      setVersionEtag(reply, appointment.version);
      return reply.code(201).header('Location', `/api/v1${DOCK_APPOINTMENTS_PATH}/${appointment.id}`).send(appointment);
    },
  );
  api.get(
    `${DOCK_APPOINTMENTS_PATH}/:id`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One dock appointment',
        params: IdParamsSchema,
        response: { 200: DockAppointmentSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const appointment = await getDockAppointment(platform.db, contextOf(request), request.params.id);
      setVersionEtag(reply, appointment.version);
      return appointment;
    },
  );
  api.post(
    `${DOCK_APPOINTMENTS_PATH}/:id/reschedule`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          'Move a booked appointment to another slot of the site (If-Match required); a full slot changes nothing',
        params: IdParamsSchema,
        body: RescheduleDockAppointmentBodySchema,
        response: {
          200: DockAppointmentSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          412: ProblemSchema,
          422: ProblemSchema,
          428: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const appointment = await rescheduleDockAppointment(
        platform,
        contextOf(request),
        request.params.id,
        requireIfMatchVersion(request),
        request.body,
      );
      setVersionEtag(reply, appointment.version);
      return appointment;
    },
  );
  api.post(
    `${DOCK_APPOINTMENTS_PATH}/:id/cancel`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Cancel a booked appointment, giving its place back',
        params: IdParamsSchema,
        body: CancelDockAppointmentBodySchema,
        response: { 200: DockAppointmentSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema },
      },
    },
    async (request, reply) => {
      const appointment = await cancelDockAppointment(
        platform,
        contextOf(request),
        request.params.id,
        readIfMatchVersion(request),
        request.body,
      );
      setVersionEtag(reply, appointment.version);
      return appointment;
    },
  );
  api.post(
    `${DOCK_APPOINTMENTS_PATH}/:id/check-in`,
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'The carrier is at the dock: records when and who checked them in',
        params: IdParamsSchema,
        response: {
          200: DockAppointmentSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          412: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const appointment = await checkInDockAppointment(
        platform,
        contextOf(request),
        request.params.id,
        readIfMatchVersion(request),
      );
      setVersionEtag(reply, appointment.version);
      return appointment;
    },
  );
  for (const [path, change, summary] of [
    ['complete', 'complete', 'The checked-in carrier is unloaded and gone'],
    ['no-show', 'no_show', 'The carrier never came (once the slot has begun); gives the place back'],
  ] as const) {
    api.post(
      `${DOCK_APPOINTMENTS_PATH}/:id/${path}`,
      {
        config: SIGNED_IN,
        schema: {
          tags,
          summary,
          params: IdParamsSchema,
          response: {
            200: DockAppointmentSchema,
            404: ProblemSchema,
            409: ProblemSchema,
            412: ProblemSchema,
            422: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const appointment = await closeDockAppointment(
          platform,
          contextOf(request),
          request.params.id,
          readIfMatchVersion(request),
          change,
        );
        setVersionEtag(reply, appointment.version);
        return appointment;
      },
    );
  }
}
