// Sign-in, bearer tokens and API keys. Tokens and keys are random secrets stored only as SHA-256
// hashes: a leaked database does not leak credentials.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { Role } from '../contracts/common.js';
import type { Actor, RequestContext } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import { prepared } from '../platform/db/prepared-query.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { assertCan } from '../platform/access.js';
import { findCustomer } from '../masterdata/index.js';
import { hashPassword, verifyPassword } from './domain/password.js';
import { assertPartnerFitsRole } from './partner-affiliation.js';
import { findLockEnd, recordAccountFailure, recordFailure, type ThrottleRecord } from './domain/sign-in-throttle.js';

const TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
const API_KEY_PREFIX = 'bmk_';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Verifying against a real hash when the user is unknown keeps response times alike, so the
// token endpoint does not reveal which e-mail addresses exist.
let dummyHash: Promise<string> | undefined;

export async function issueToken(platform: Platform, email: string, password: string, sourceAddress: string) {
  const normalizedEmail = email.trim().toLowerCase();
  // Hashed keys: unknown addresses are throttled exactly like real ones, revealing nothing.
  const pairKey = sha256(`pair\n${normalizedEmail}\n${sourceAddress}`);
  const accountKey = sha256(`account\n${normalizedEmail}`);
  const now = platform.clock.now();
  const [pair, account] = await Promise.all([findThrottle(platform, pairKey), findThrottle(platform, accountKey)]);
  assertNotThrottled(pair, account, now);
  const user = await platform.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizedEmail)
    .executeTakeFirst();
  dummyHash ??= hashPassword('not-a-real-password');
  const isValid = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
  if (!user || !isValid || user.is_active !== 1) {
    await saveThrottle(platform, pairKey, recordFailure(pair, now.toISOString()));
    await saveThrottle(platform, accountKey, recordAccountFailure(account, now.toISOString()));
    throw new AppError('unauthenticated', 'e-mail or password is not correct');
  }
  // The owner proved the password: both counters start afresh.
  if (pair || account)
    await platform.db.deleteFrom('sign_in_throttle').where('email_key', 'in', [pairKey, accountKey]).execute();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS).toISOString();
  await platform.db
    .insertInto('access_tokens')
    .values({
      token_hash: sha256(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return {
    accessToken: token,
    tokenType: 'Bearer' as const,
    expiresAt,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      customerId: user.customer_id,
      siteId: user.site_id,
    },
  };
}

function assertNotThrottled(pair: ThrottleRecord | null, account: ThrottleRecord | null, now: Date): void {
  const pairEnd = findLockEnd(pair, now.toISOString());
  const accountEnd = findLockEnd(account, now.toISOString());
  const secondsUntil = (end: string) => Math.ceil((Date.parse(end) - now.getTime()) / 1000);
  if (pairEnd) {
    const minutes = Math.ceil(secondsUntil(pairEnd) / 60);
    throw new AppError(
      'rate_limited',
      `Too many wrong passwords for this account from your network. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or ask an administrator to reset your password.`,
      { extensions: { retryAfterSeconds: secondsUntil(pairEnd) } },
    );
  }
  if (accountEnd) {
    const seconds = secondsUntil(accountEnd);
    throw new AppError(
      'rate_limited',
      `Many wrong passwords were tried for this account just now. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`,
      { extensions: { retryAfterSeconds: seconds } },
    );
  }
}

async function findThrottle(platform: Platform, emailKey: string): Promise<ThrottleRecord | null> {
  const row = await platform.db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('email_key', '=', emailKey)
    .executeTakeFirst();
  return row ? { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until } : null;
}

async function saveThrottle(platform: Platform, emailKey: string, record: ThrottleRecord): Promise<void> {
  const values = {
    failures: record.failures,
    window_started_at: record.windowStartedAt,
    locked_until: record.lockedUntil,
  };
  await platform.db
    .insertInto('sign_in_throttle')
    .values({ email_key: emailKey, ...values })
    .onConflict((oc) => oc.column('email_key').doUpdateSet(values))
    .execute();
}

export async function revokeToken(platform: Platform, token: string): Promise<void> {
  await platform.db
    .updateTable('access_tokens')
    .set({ revoked_at: platform.clock.now().toISOString() })
    .where('token_hash', '=', sha256(token))
    .execute();
}

/** Resolves a bearer credential (session token or API key) to the acting principal, or null. */
/** Every request's first query: prepared once (prepared-query.ts). */
const findSessionUser = prepared((db, p: { tokenHash: string; now: string }) =>
  db
    .selectFrom('access_tokens')
    .innerJoin('users', 'users.id', 'access_tokens.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.customer_id', 'users.partner_id', 'users.is_active'])
    .where('access_tokens.token_hash', '=', p.tokenHash)
    .where('access_tokens.revoked_at', 'is', null)
    .where('access_tokens.expires_at', '>', p.now),
);

export async function authenticate(platform: Platform, credential: string): Promise<Actor | null> {
  if (credential.startsWith(API_KEY_PREFIX)) return authenticateApiKey(platform, credential);
  const now = platform.clock.now().toISOString();
  const row = await findSessionUser.executeTakeFirst(platform.db, { tokenHash: sha256(credential), now });
  if (!row || row.is_active !== 1) return null;
  return {
    kind: 'user',
    id: row.id,
    personId: row.id,
    name: row.name,
    role: row.role,
    customerId: row.customer_id,
    partnerId: row.partner_id,
  };
}

/** The whole key, exactly as issued: `bmk_` + 12 hex digits + `_` + 32 base64url characters (no `_`). */
const API_KEY_PATTERN = /^bmk_([0-9a-f]{12})_([A-Za-z0-9-]{32})$/;

async function authenticateApiKey(platform: Platform, credential: string): Promise<Actor | null> {
  // Anything before, after or inside the issued key makes it another credential, not the key.
  const match = API_KEY_PATTERN.exec(credential);
  const prefix = match?.[1];
  const secret = match?.[2];
  if (!prefix || !secret) return null;
  const key = await platform.db
    .selectFrom('api_keys')
    .selectAll()
    .where('prefix', '=', prefix)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!key) return null;
  const expected = Buffer.from(key.key_hash, 'hex');
  const actual = Buffer.from(sha256(secret), 'hex');
  if (!timingSafeEqual(expected, actual)) return null;
  return {
    kind: 'api_key',
    id: key.id,
    personId: key.created_by,
    name: `API key ${key.name}`,
    role: key.role,
    customerId: key.customer_id,
    partnerId: key.partner_id,
  };
}

export async function createApiKey(
  platform: Platform,
  ctx: RequestContext,
  input: { name: string; role: Role; customerId: string | null; partnerId?: string | null | undefined },
) {
  assertCan(ctx.actor, 'apikeys.manage');
  const partnerId = input.partnerId ?? null;
  if (input.role === 'customer' && !input.customerId) {
    throw new AppError('validation_failed', 'a customer API key must name its customer account', {
      errors: [{ path: 'customerId', message: 'required for role customer' }],
    });
  }
  if (input.role !== 'customer' && input.customerId) {
    // A staff key scoped to one account would mix two access models; scoping is for customer keys.
    throw new AppError('validation_failed', 'only a customer API key is scoped to a customer account', {
      errors: [{ path: 'customerId', message: `must be null for role ${input.role}` }],
    });
  }
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url').replaceAll('_', 'x');
  return runInTransaction(platform, ctx, async (tx) => {
    // A partner's key sees only that partner's work orders: the same rule as its users.
    await assertPartnerFitsRole(tx.db, input.role, partnerId);
    if (input.customerId) {
      if (!(await findCustomer(tx.db, input.customerId)))
        throw new AppError('validation_failed', `customer ${input.customerId} does not exist`, {
          errors: [{ path: 'customerId', message: 'unknown customer' }],
        });
    }
    const row = {
      id: tx.ids.next('key'),
      name: input.name,
      prefix,
      key_hash: sha256(secret),
      role: input.role,
      customer_id: input.customerId,
      partner_id: partnerId,
      created_by: ctx.actor.personId,
      created_at: tx.now,
      revoked_at: null,
      last_used_at: null,
    };
    await tx.db.insertInto('api_keys').values(row).execute();
    tx.audit({
      entityType: 'api_key',
      entityId: row.id,
      action: 'api_key.created',
      after: { name: row.name, role: row.role, customerId: row.customer_id, partnerId: row.partner_id, prefix },
    });
    return { ...toApiKey(row), secret: `${API_KEY_PREFIX}${prefix}_${secret}` };
  });
}

export async function listApiKeys(platform: Platform, ctx: RequestContext) {
  assertCan(ctx.actor, 'apikeys.manage');
  const rows = await platform.db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toApiKey);
}

export async function revokeApiKey(platform: Platform, ctx: RequestContext, id: string) {
  assertCan(ctx.actor, 'apikeys.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    const key = await tx.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!key) throw new AppError('not_found', `API key ${id} was not found`);
    if (key.revoked_at) return toApiKey(key);
    await tx.db.updateTable('api_keys').set({ revoked_at: tx.now }).where('id', '=', id).execute();
    tx.audit({
      entityType: 'api_key',
      entityId: id,
      action: 'api_key.revoked',
      before: { revokedAt: null },
      after: { revokedAt: tx.now },
    });
    return toApiKey({ ...key, revoked_at: tx.now });
  });
}

function toApiKey(row: {
  id: string;
  name: string;
  role: Role;
  customer_id: string | null;
  partner_id: string | null;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    customerId: row.customer_id,
    partnerId: row.partner_id,
    prefix: row.prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function createUser(
  platform: Platform,
  ctx: RequestContext,
  input: {
    email: string;
    name: string;
    role: Role;
    customerId: string | null;
    siteId?: string | null;
    /** A repair partner's user: the partner, unchecked (the demo passes the one it has just created). */
    partnerId?: string | null;
    password: string;
  },
) {
  const passwordHash = await hashPassword(input.password);
  return runInTransaction(platform, ctx, async (tx) => {
    const row = {
      id: tx.ids.next('usr'),
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      customer_id: input.customerId,
      site_id: input.siteId ?? null,
      partner_id: input.partnerId ?? null,
      password_hash: passwordHash,
      is_active: 1,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await tx.db.insertInto('users').values(row).execute();
    tx.audit({
      entityType: 'user',
      entityId: row.id,
      action: 'user.created',
      after: { email: row.email, role: row.role, customerId: row.customer_id, partnerId: row.partner_id },
    });
    return row.id;
  });
}

/** Whether anyone can sign in yet (an empty installation needs its first admin). */
export async function hasUsers(platform: Platform): Promise<boolean> {
  return !!(await platform.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

export async function findUserIdByEmail(platform: Platform, email: string): Promise<string | null> {
  const row = await platform.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A user's name, role and whether they are active: for other contexts that assign work to people. */
/**
 * Active staff of the given roles who work at the site or at none in particular: who is told when
 * a site's queue needs attention (notifications).
 */
export function findStaffToAlert(db: Kysely<DB> | Transaction<DB>, roles: readonly Role[], siteId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('is_active', '=', 1)
    .where('role', 'in', roles)
    .where('customer_id', 'is', null)
    .where('partner_id', 'is', null)
    .where((eb) => eb.or([eb('site_id', '=', siteId), eb('site_id', 'is', null)]))
    .orderBy('id')
    .execute();
}

export function findUserSummary(db: Kysely<DB> | Transaction<DB>, id: string) {
  return db.selectFrom('users').select(['id', 'name', 'role', 'is_active']).where('id', '=', id).executeTakeFirst();
}
