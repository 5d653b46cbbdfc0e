import { z } from 'zod';
import { RoleSchema } from './common.js';

export const TokenRequestSchema = z.strictObject({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(200),
});
export const TokenResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    customerId: z.string().nullable(),
    /** The staff member's home site: where their forms start (null when none is set). */
    siteId: z.string().nullable(),
  }),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;
export type CurrentUser = TokenResponse['user'];

export const CreateApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: RoleSchema,
  customerId: z.string().nullable().default(null),
  /** Required for role repair_partner (the partner the key acts for); null for every other role. */
  partnerId: z.string().max(64).nullable().default(null),
});
export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  customerId: z.string().nullable(),
  partnerId: z.string().nullable(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const CreatedApiKeySchema = ApiKeySchema.extend({ secret: z.string() });

// User administration (admins): people, their roles, and one-time links to set a password.
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  customerId: z.string().nullable(),
  /** Staff only: the site they work at; forms such as the arrival form start from it. */
  siteId: z.string().nullable(),
  /** A repair partner's user: the partner they work for (they see only its work orders). */
  partnerId: z.string().nullable(),
  isActive: z.boolean(),
  /** False while an invitation is open or after a reset: the person must set a password first. */
  hasPassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof UserSchema>;

export const ListUsersQuerySchema = z.strictObject({
  q: z.string().max(100).optional(),
  role: RoleSchema.optional(),
  isActive: z.enum(['true', 'false']).optional(),
});

export const CreateUserBodySchema = z.strictObject({
  email: z.email('enter an e-mail address').max(200),
  name: z.string().trim().min(1, 'enter a name').max(120),
  role: RoleSchema,
  customerId: z.string().max(64).nullable().default(null),
  siteId: z.string().max(64).nullable().default(null),
  /** Required for role repair_partner: the active repair partner the person works for. */
  partnerId: z.string().max(64).nullable().default(null),
});

export const UpdateUserBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'enter a name').max(120).optional(),
  role: RoleSchema.optional(),
  customerId: z.string().max(64).nullable().optional(),
  siteId: z.string().max(64).nullable().optional(),
  partnerId: z.string().max(64).nullable().optional(),
});

/** A one-time link to set a password, shown once to the administrator who made it. */
export const PasswordLinkSchema = z.object({
  token: z.string(),
  purpose: z.enum(['invitation', 'reset']),
  expiresAt: z.string(),
});
export const UserWithLinkSchema = z.object({ user: UserSchema, passwordLink: PasswordLinkSchema });

export const MIN_PASSWORD_LENGTH = 10;
export const SetPasswordBodySchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, 'use at most 200 characters'),
});
