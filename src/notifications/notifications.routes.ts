import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import { NotificationSchema, UnsubscribeQuerySchema, type OptionalTopic } from '../contracts/notifications.js';
import { contextOf, PUBLIC, SIGNED_IN } from '../platform/http/request-context.js';
import type { Platform } from '../platform/unit-of-work.js';
import { escapeHtml } from './domain/templates.js';
import { listReturnNotifications } from './notification-log.js';
import { unsubscribe } from './unsubscribe.js';

const tags = ['notifications'];

const TOPIC_NAMES: Record<OptionalTopic, { en: string; de: string }> = {
  return_progress: { en: 'updates on your returns', de: 'Neuigkeiten zu Ihren Rücksendungen' },
  sla_digest: { en: 'SLA breach digests', de: 'Meldungen zu SLA-Überschreitungen' },
};

export function registerNotificationRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/returns/:id/notifications',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary:
          "A return's notification log: every e-mail about it, when, to whom, its template and what became of it",
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(NotificationSchema) }), 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    (request) => listReturnNotifications(platform, contextOf(request), request.params.id),
  );

  // Public by necessity: it is followed from a mailbox, without a session. The signed token is the
  // credential, and it can only turn optional e-mails off. GET changes state here because that is
  // what a link in an e-mail can do; it is idempotent, and mail clients use the POST (RFC 8058).
  api.get(
    '/notifications/unsubscribe',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Unsubscribe link (from an e-mail): turns off that kind of optional e-mail for its recipient',
        querystring: UnsubscribeQuerySchema,
        produces: ['text/html', 'application/problem+json'],
        response: { 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { topic } = await unsubscribe(platform, request.id, request.query.token);
      return sendConfirmation(reply, topic);
    },
  );

  // One-click unsubscribe (RFC 8058): the mail client POSTs "List-Unsubscribe=One-Click" as a form.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, next) =>
      next(null, String(body)),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/notifications/unsubscribe',
      {
        config: PUBLIC,
        schema: {
          tags,
          summary: 'One-click unsubscribe (RFC 8058, List-Unsubscribe-Post): what a mail client calls',
          querystring: UnsubscribeQuerySchema,
          response: { 200: z.object({ unsubscribed: z.literal(true), topic: z.string() }), 400: ProblemSchema },
        },
      },
      async (request) => {
        const { topic } = await unsubscribe(platform, request.id, request.query.token);
        return { unsubscribed: true as const, topic };
      },
    );
    done();
  });
}

function sendConfirmation(reply: FastifyReply, topic: OptionalTopic) {
  const name = TOPIC_NAMES[topic];
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>',
    '<body style="font-family:sans-serif;max-width:640px;margin:2rem auto">',
    `<h1>Unsubscribed</h1><p>You will no longer receive ${escapeHtml(name.en)}.</p>`,
    `<p lang="de">Sie erhalten keine ${escapeHtml(name.de)} mehr.</p>`,
    '</body></html>',
  ].join('\n');
  return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
}
