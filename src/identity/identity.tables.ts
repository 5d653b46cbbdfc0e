// Identity's tables: users, sign-in tokens, API keys and the sign-in throttle.
import type { Flag, VersionedRow } from '../platform/db/kernel-tables.js';
import type { Role } from '../contracts/common.js';

export interface UsersTable extends VersionedRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  customer_id: string | null;
  /** Staff: the site they work at, which their forms start from (null: none, or a customer). */
  site_id: string | null;
  /** Partner users (a repair partner's staff) see only their organisation's work. */
  partner_id: string | null;
  password_hash: string;
  is_active: Flag;
}

export interface AccessTokensTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Role;
  customer_id: string | null;
  partner_id: string | null;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SignInThrottleTable {
  email_key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

/** A one-time link to set a password: an invitation or an administrator's reset (token stored hashed). */
export interface PasswordLinksTable {
  token_hash: string;
  user_id: string;
  purpose: 'invitation' | 'reset';
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface IdentityTables {
  users: UsersTable;
  access_tokens: AccessTokensTable;
  api_keys: ApiKeysTable;
  sign_in_throttle: SignInThrottleTable;
  password_links: PasswordLinksTable;
}
