// User administration by admins: invite people, change their role, deactivate and reactivate
// them, and reset their password. Nobody types a password for someone else: an invitation or a
// reset makes a one-time link (shown once to the admin, stored only as a hash) with which the
// person sets their own. Deactivating ends the person's sessions and the API keys they made,
// in the same transaction, so nothing they hold keeps working.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isPartnerRole, type Role } from '../contracts/common.js';
import type { User } from '../contracts/identity.js';
import type { RequestContext } from '../platform/actor.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { anyColumnContains } from '../platform/pagination.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { assertCan } from '../platform/access.js';
import { findCustomer, findSite } from '../masterdata/index.js';
import { assertPartnerFitsRole } from './partner-affiliation.js';
import { hashPassword } from './domain/password.js';
import type { PasswordLinksTable, UsersTable } from './identity.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 24 * 60 * 60 * 1000;
/** Stored instead of a password hash until the person sets one: no password verifies against it. */
const NO_PASSWORD = '!no-password';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function toUser(row: UsersTable): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    customerId: row.customer_id,
    siteId: row.site_id,
    partnerId: row.partner_id,
    isActive: row.is_active === 1,
    hasPassword: row.password_hash.startsWith('scrypt$'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function listUsers(
  platform: Platform,
  ctx: RequestContext,
  query: { q?: string | undefined; role?: Role | undefined; isActive?: 'true' | 'false' | undefined },
): Promise<User[]> {
  assertCan(ctx.actor, 'users.manage');
  let select = platform.db.selectFrom('users').selectAll();
  if (query.q) select = select.where(anyColumnContains(['email', 'name'], query.q));
  if (query.role) select = select.where('role', '=', query.role);
  if (query.isActive) select = select.where('is_active', '=', query.isActive === 'true' ? 1 : 0);
  const rows = await select.orderBy('name').orderBy('email').limit(1000).execute();
  return rows.map(toUser);
}

export async function getUser(platform: Platform, ctx: RequestContext, id: string): Promise<User> {
  assertCan(ctx.actor, 'users.manage');
  return toUser(await findUserOrFail(platform.db, id));
}

async function findUserOrFail(db: Reader, id: string): Promise<UsersTable> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `user ${id} was not found`);
  return row;
}

/** Who a user acts for besides their role: a customer account, a home site, a repair partner. */
interface Affiliation {
  role: Role;
  customerId: string | null;
  siteId: string | null;
  partnerId: string | null;
}

/**
 * A customer-portal user belongs to one existing customer account; a repair partner's user to one
 * active repair partner, a supplier's to one supplier; staff belong to neither, and may have a home site (an existing, active
 * one). Outsiders (customers, partners) have no home site: our sites are not where they work.
 */
async function assertAccountFitsRole(db: Reader, account: Affiliation): Promise<void> {
  const { role, customerId, siteId, partnerId } = account;
  if (siteId && (role === 'customer' || isPartnerRole(role)))
    throw new AppError('validation_failed', `${roleNoun(role)} users have no home site`, {
      errors: [{ path: 'siteId', message: `leave empty for role ${role}` }],
    });
  if (siteId) {
    const site = await findSite(db, siteId);
    if (!site || site.is_active !== 1)
      throw new AppError('validation_failed', `site ${siteId} does not exist or is not active`, {
        errors: [{ path: 'siteId', message: site ? 'inactive site' : 'unknown site' }],
      });
  }
  if (role === 'customer' && !customerId)
    throw new AppError('validation_failed', 'a customer-portal user needs the customer account they act for', {
      errors: [{ path: 'customerId', message: 'choose the customer account' }],
    });
  if (role !== 'customer' && customerId)
    throw new AppError('validation_failed', 'only customer-portal users belong to a customer account', {
      errors: [{ path: 'customerId', message: `leave empty for role ${role}` }],
    });
  if (customerId && !(await findCustomer(db, customerId)))
    throw new AppError('validation_failed', `customer ${customerId} does not exist`, {
      errors: [{ path: 'customerId', message: 'unknown customer' }],
    });
  await assertPartnerFitsRole(db, role, partnerId);
}

const roleNoun = (role: Role) =>
  role === 'customer' ? 'customer-portal' : role === 'supplier' ? 'supplier' : 'repair partner';

/** Refuses a change that would leave nobody able to administer users. */
async function assertAdminRemains(db: Reader, user: UsersTable, change: string): Promise<void> {
  if (user.role !== 'admin' || user.is_active !== 1) return;
  const others = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('is_active', '=', 1)
    .where('id', '<>', user.id)
    .limit(1)
    .executeTakeFirst();
  if (!others)
    throw new AppError('rule_violation', `${change} would leave no active administrator; make another admin first`);
}

function assertVersion(user: UsersTable, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && user.version !== expectedVersion)
    throw new AppError(
      'precondition_failed',
      `user ${user.id} was changed by someone else (now version ${user.version}); reload and try again`,
    );
}

async function issuePasswordLink(tx: Tx, userId: string, purpose: PasswordLinksTable['purpose']) {
  // Any earlier link stops working: only the newest one may set the password.
  await expireOpenLinks(tx, userId);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.parse(tx.now) + (purpose === 'invitation' ? INVITATION_TTL_MS : RESET_TTL_MS));
  await tx.db
    .insertInto('password_links')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      purpose,
      created_by: tx.ctx.actor.personId,
      created_at: tx.now,
      expires_at: expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
  return { token, purpose, expiresAt: expiresAt.toISOString() };
}

async function endSessions(tx: Tx, userId: string): Promise<number> {
  const result = await tx.db
    .updateTable('access_tokens')
    .set({ revoked_at: tx.now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function inviteUser(
  platform: Platform,
  ctx: RequestContext,
  input: {
    email: string;
    name: string;
    role: Role;
    customerId: string | null;
    siteId: string | null;
    partnerId?: string | null | undefined;
  },
) {
  assertCan(ctx.actor, 'users.manage');
  const partnerId = input.partnerId ?? null;
  return runInTransaction(platform, ctx, async (tx) => {
    await assertAccountFitsRole(tx.db, { ...input, partnerId });
    const row: UsersTable = {
      id: tx.ids.next('usr'),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      customer_id: input.customerId,
      site_id: input.siteId,
      partner_id: partnerId,
      password_hash: NO_PASSWORD,
      is_active: 1,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await tx.db
      .insertInto('users')
      .values(row)
      .execute()
      .catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new AppError('conflict', `a user with the e-mail ${row.email} already exists`, {
              errors: [{ path: 'email', message: 'already in use' }],
            })
          : error;
      });
    const passwordLink = await issuePasswordLink(tx, row.id, 'invitation');
    tx.audit({
      entityType: 'user',
      entityId: row.id,
      action: 'user.invited',
      after: {
        email: row.email,
        name: row.name,
        role: row.role,
        customerId: row.customer_id,
        siteId: row.site_id,
        partnerId: row.partner_id,
      },
    });
    return { user: toUser(row), passwordLink };
  });
}

/** The frame of every change to an existing user: access, one transaction, the row, If-Match. */
async function changeUser<T>(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number | undefined,
  change: (tx: Tx, user: UsersTable) => Promise<T>,
): Promise<T> {
  assertCan(ctx.actor, 'users.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    const user = await findUserOrFail(tx.db, id);
    assertVersion(user, expectedVersion);
    return change(tx, user);
  });
}

type UserChanges = Partial<
  Pick<UsersTable, 'name' | 'role' | 'customer_id' | 'site_id' | 'partner_id' | 'is_active' | 'password_hash'>
>;

async function saveUser(tx: Tx, user: UsersTable, changes: UserChanges): Promise<UsersTable> {
  const version = user.version + 1;
  await tx.db
    .updateTable('users')
    .set({ ...changes, version, updated_at: tx.now })
    .where('id', '=', user.id)
    .execute();
  return { ...user, ...changes, version, updated_at: tx.now };
}

/** Open links stop working (a newer link, a deactivation). */
async function expireOpenLinks(tx: Tx, userId: string): Promise<void> {
  await tx.db
    .updateTable('password_links')
    .set({ expires_at: tx.now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', tx.now)
    .execute();
}

export function updateUser(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  patch: {
    name?: string | undefined;
    role?: Role | undefined;
    customerId?: string | null | undefined;
    siteId?: string | null | undefined;
    partnerId?: string | null | undefined;
  },
  expectedVersion: number,
): Promise<User> {
  return changeUser(platform, ctx, id, expectedVersion, async (tx, user) => {
    const role = patch.role ?? user.role;
    const customerId =
      patch.customerId !== undefined ? patch.customerId : role === 'customer' ? user.customer_id : null;
    const partnerId = patch.partnerId !== undefined ? patch.partnerId : isPartnerRole(role) ? user.partner_id : null;
    // Customer-portal and partner users keep no home site; staff keep theirs unless it is changed.
    const isOutsider = role === 'customer' || isPartnerRole(role);
    const siteId = patch.siteId !== undefined ? patch.siteId : isOutsider ? null : user.site_id;
    await assertAccountFitsRole(tx.db, { role, customerId, siteId, partnerId });
    if (role !== 'admin') {
      if (user.id === ctx.actor.personId && user.role === 'admin')
        throw new AppError('rule_violation', 'you cannot take away your own admin role; ask another admin');
      await assertAdminRemains(tx.db, user, 'changing this role');
    }
    const updated = await saveUser(tx, user, {
      name: patch.name ?? user.name,
      role,
      customer_id: customerId,
      site_id: siteId,
      partner_id: partnerId,
    });
    tx.audit({
      entityType: 'user',
      entityId: id,
      action: 'user.updated',
      before: {
        name: user.name,
        role: user.role,
        customerId: user.customer_id,
        siteId: user.site_id,
        partnerId: user.partner_id,
      },
      after: {
        name: updated.name,
        role: updated.role,
        customerId: updated.customer_id,
        siteId: updated.site_id,
        partnerId: updated.partner_id,
      },
    });
    return toUser(updated);
  });
}

/** Deactivates a person: their sessions end and the API keys they made stop working, at once. */
export function deactivateUser(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number,
): Promise<User> {
  return changeUser(platform, ctx, id, expectedVersion, async (tx, user) => {
    if (user.is_active === 0) return toUser(user);
    if (user.id === ctx.actor.personId)
      throw new AppError('rule_violation', 'you cannot deactivate yourself; ask another admin');
    await assertAdminRemains(tx.db, user, 'deactivating this user');
    const updated = await saveUser(tx, user, { is_active: 0 });
    const sessionsEnded = await endSessions(tx, id);
    const keys = await tx.db
      .updateTable('api_keys')
      .set({ revoked_at: tx.now })
      .where('created_by', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await expireOpenLinks(tx, id);
    tx.audit({
      entityType: 'user',
      entityId: id,
      action: 'user.deactivated',
      before: { isActive: true },
      after: { isActive: false, sessionsEnded, apiKeysRevoked: Number(keys.numUpdatedRows) },
    });
    return toUser(updated);
  });
}

/** Lets a person sign in again; the API keys revoked on deactivation stay revoked. */
export function reactivateUser(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number,
): Promise<User> {
  return changeUser(platform, ctx, id, expectedVersion, async (tx, user) => {
    if (user.is_active === 1) return toUser(user);
    const updated = await saveUser(tx, user, { is_active: 1 });
    tx.audit({
      entityType: 'user',
      entityId: id,
      action: 'user.reactivated',
      before: { isActive: false },
      after: { isActive: true },
    });
    return toUser(updated);
  });
}

/**
 * An administrator's password reset: the old password stops working and the person's sessions
 * end (a reset is often asked for because the password may be known to someone else); the
 * person sets a new one through the link.
 */
export function resetPassword(platform: Platform, ctx: RequestContext, id: string, expectedVersion?: number) {
  return changeUser(platform, ctx, id, expectedVersion, async (tx, user) => {
    if (user.is_active === 0)
      throw new AppError('rule_violation', 'reactivate the user before resetting their password');
    const updated = await saveUser(tx, user, { password_hash: NO_PASSWORD });
    const sessionsEnded = await endSessions(tx, id);
    const passwordLink = await issuePasswordLink(tx, id, 'reset');
    tx.audit({
      entityType: 'user',
      entityId: id,
      action: 'user.password_reset',
      after: { sessionsEnded, linkExpiresAt: passwordLink.expiresAt },
    });
    return { user: toUser(updated), passwordLink };
  });
}

const LINK_NOT_VALID =
  'This link is not valid any more: it was used, replaced by a newer one, or has expired. Ask an administrator for a new one.';

/**
 * The person's side of an invitation or reset: a valid link sets their password, once, and ends
 * any session still open. The change is recorded as the person's own.
 */
export async function setPasswordWithLink(platform: Platform, requestId: string, token: string, password: string) {
  const tokenHash = sha256(token);
  const now = platform.clock.now().toISOString();
  const link = await platform.db
    .selectFrom('password_links')
    .innerJoin('users', 'users.id', 'password_links.user_id')
    .select(['password_links.purpose', 'users.id', 'users.name', 'users.role', 'users.customer_id', 'users.is_active'])
    .where('password_links.token_hash', '=', tokenHash)
    .where('password_links.used_at', 'is', null)
    .where('password_links.expires_at', '>', now)
    .executeTakeFirst();
  if (!link || link.is_active !== 1)
    throw new AppError('validation_failed', LINK_NOT_VALID, {
      errors: [{ path: 'token', message: 'invalid or expired link' }],
    });
  const passwordHash = await hashPassword(password);
  const ctx: RequestContext = {
    requestId,
    actor: {
      kind: 'user',
      id: link.id,
      personId: link.id,
      name: link.name,
      role: link.role,
      customerId: link.customer_id,
    },
  };
  await runInTransaction(platform, ctx, async (tx) => {
    // Taken under the transaction: two tabs submitting the same link, only the first sets it.
    const used = await tx.db
      .updateTable('password_links')
      .set({ used_at: tx.now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', tx.now)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw new AppError('validation_failed', LINK_NOT_VALID, { errors: [{ path: 'token', message: 'already used' }] });
    const user = await findUserOrFail(tx.db, link.id);
    if (user.is_active !== 1)
      throw new AppError('validation_failed', LINK_NOT_VALID, {
        errors: [{ path: 'token', message: 'user deactivated' }],
      });
    await saveUser(tx, user, { password_hash: passwordHash });
    await endSessions(tx, user.id);
    tx.audit({ entityType: 'user', entityId: user.id, action: 'user.password_set', after: { through: link.purpose } });
  });
}
