// User administration (admins) and the public endpoint where a person uses their one-time link.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, ProblemSchema } from '../contracts/common.js';
import {
  CreateUserBodySchema,
  ListUsersQuerySchema,
  SetPasswordBodySchema,
  UpdateUserBodySchema,
  UserSchema,
  UserWithLinkSchema,
} from '../contracts/identity.js';
import { contextOf, PUBLIC, SIGNED_IN, SIGNED_IN_SHOWN_ONCE } from '../platform/http/request-context.js';
import { readIfMatchVersion, requireIfMatchVersion, setVersionEtag } from '../platform/http/preconditions.js';
import type { Platform } from '../platform/unit-of-work.js';
import {
  deactivateUser,
  getUser,
  inviteUser,
  listUsers,
  reactivateUser,
  resetPassword,
  setPasswordWithLink,
  updateUser,
} from './user-administration.js';

const tags = ['users'];
const errors = { 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema, 422: ProblemSchema };

export function registerUserAdministrationRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/users',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'People who can sign in (admins)',
        querystring: ListUsersQuerySchema,
        response: { 200: z.object({ items: z.array(UserSchema) }) },
      },
    },
    async (request) => ({ items: await listUsers(platform, contextOf(request), request.query) }),
  );
  api.get(
    '/users/:id',
    {
      config: SIGNED_IN,
      schema: { tags, summary: 'One user', params: IdParamsSchema, response: { 200: UserSchema, 404: ProblemSchema } },
    },
    async (request, reply) => {
      const user = await getUser(platform, contextOf(request), request.params.id);
      setVersionEtag(reply, user.version);
      return user;
    },
  );
  api.post(
    '/users',
    {
      config: SIGNED_IN_SHOWN_ONCE,
      schema: {
        tags,
        summary: 'Invite a person: creates the user and a one-time link (7 days) to set their password, shown once',
        body: CreateUserBodySchema,
        response: { 201: UserWithLinkSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await inviteUser(platform, contextOf(request), request.body);
      setVersionEtag(reply, created.user.version);
      return reply.code(201).header('Location', `/api/v1/users/${created.user.id}`).send(created);
    },
  );
  api.patch(
    '/users/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: "Change a user's name, role or customer account (If-Match required)",
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await updateUser(
        platform,
        contextOf(request),
        request.params.id,
        request.body,
        requireIfMatchVersion(request),
      );
      setVersionEtag(reply, user.version);
      return user;
    },
  );
  for (const [action, summary, run] of [
    ['deactivate', 'Deactivate a user: ends their sessions and revokes the API keys they made', deactivateUser],
    ['reactivate', 'Let a deactivated user sign in again (their revoked API keys stay revoked)', reactivateUser],
  ] as const) {
    api.post(
      `/users/:id/${action}`,
      {
        config: SIGNED_IN,
        schema: { tags, summary, params: IdParamsSchema, response: { 200: UserSchema, ...errors } },
      },
      async (request, reply) => {
        const user = await run(platform, contextOf(request), request.params.id, readIfMatchVersion(request));
        setVersionEtag(reply, user.version);
        return user;
      },
    );
  }
  api.post(
    '/users/:id/password-reset',
    {
      config: SIGNED_IN_SHOWN_ONCE,
      schema: {
        tags,
        summary: 'Reset a password: the old one stops working, sessions end, a one-time link (24 h) is shown once',
        params: IdParamsSchema,
        response: { 200: UserWithLinkSchema, ...errors },
      },
    },
    async (request, reply) => {
      const reset = await resetPassword(platform, contextOf(request), request.params.id, readIfMatchVersion(request));
      setVersionEtag(reply, reset.user.version);
      return reset;
    },
  );
  api.post(
    '/auth/password',
    {
      config: PUBLIC,
      schema: {
        tags: ['identity'],
        summary: 'Set your password with the one-time link from an invitation or a reset',
        security: [],
        body: SetPasswordBodySchema,
        response: { 204: z.void().describe('The password is set; sign in with it'), 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      await setPasswordWithLink(platform, request.id, request.body.token, request.body.password);
      return reply.code(204).send(undefined);
    },
  );
}
