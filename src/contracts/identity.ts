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
  }),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;
export type CurrentUser = TokenResponse['user'];

export const CreateApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: RoleSchema,
  customerId: z.string().nullable().default(null),
});
export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  customerId: z.string().nullable(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const CreatedApiKeySchema = ApiKeySchema.extend({ secret: z.string() });
