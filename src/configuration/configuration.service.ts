// Versioned configuration: reading the version in force, its history, and publishing a new one.
// A change never edits a version in place; decisions keep pointing at the version that made them.
import type { Kysely, Transaction } from 'kysely';
import {
  CONFIG_DOCUMENT_SCHEMAS,
  type ConfigDocuments,
  type ConfigKind,
  type ConfigVersion,
  type CustomerReasonCodesVersion,
} from '../contracts/configuration.js';
import type { RequestContext } from '../platform/actor.js';
import type { DB } from '../platform/db/database.js';
import type { ConfigVersionsTable } from './configuration.tables.js';
import { AppError } from '../platform/errors.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { assertCan, isCustomerScoped } from '../platform/access.js';
import { prepared } from '../platform/db/prepared-query.js';
import { DEFAULT_CONFIGURATION } from './domain/default-configuration.js';
import { categoriesNamedInRules, findUnknownTerms } from './domain/vocabulary-check.js';
import { findProductFacets, findSiteCodes } from '../masterdata/index.js';
import { CUSTOMER_TIERS } from '../contracts/masterdata.js';

type Reader = Kysely<DB> | Transaction<DB>;

function toVersion<K extends ConfigKind>(row: ConfigVersionsTable): ConfigVersion<K> {
  return {
    kind: row.kind as K,
    version: row.version,
    document: deepFreeze(JSON.parse(row.document) as ConfigDocuments[K]),
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/**
 * Every request that evaluates a return reads the configuration in force. Which versions are in
 * force stays a query on every call (a version published by another process is seen at once),
 * but a version is never edited in place, so its document is read and parsed once per database
 * and kept. The parsed documents are frozen: callers share them.
 */
const versionsInForce = prepared((db, p: { kinds: readonly ConfigKind[] }) =>
  db
    .selectFrom('config_versions as c')
    .select(['c.kind', 'c.version', 'c.created_at'])
    .where('c.kind', 'in', p.kinds)
    .where((eb) =>
      eb(
        'c.version',
        '=',
        eb
          .selectFrom('config_versions as m')
          .select((m) => m.fn.max('m.version').as('v'))
          .whereRef('m.kind', '=', 'c.kind'),
      ),
    ),
);

/** Versions read so far, per database (its adapter), by kind, number and publication time. */
const knownVersions = new WeakMap<object, Map<string, ConfigVersion<ConfigKind>>>();
const versionKey = (row: { kind: string; version: number; created_at: string }) =>
  `${row.kind}:${row.version}:${row.created_at}`;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export async function findCurrentConfig<K extends ConfigKind>(db: Reader, kind: K): Promise<ConfigVersion<K>> {
  return (await findCurrentConfigs(db, [kind]))[kind];
}

/** The versions in force of several kinds: one query, and a second only for versions not seen before. */
export async function findCurrentConfigs<K extends ConfigKind>(
  db: Reader,
  kinds: readonly K[],
): Promise<{ [P in K]: ConfigVersion<P> }> {
  const adapter = db.getExecutor().adapter;
  let known = knownVersions.get(adapter);
  if (!known) knownVersions.set(adapter, (known = new Map<string, ConfigVersion<ConfigKind>>()));
  const inForce = await versionsInForce.execute(db, { kinds });
  const unseen = inForce.filter((row) => !known.has(versionKey(row)));
  if (unseen.length > 0) {
    const rows = await db
      .selectFrom('config_versions')
      .selectAll()
      .where((eb) => eb.or(unseen.map((u) => eb.and({ kind: u.kind, version: u.version }))))
      .execute();
    for (const row of rows) {
      if (known.size >= 200) known.delete(known.keys().next().value!);
      known.set(versionKey(row), toVersion(row));
    }
  }
  const byKind = Object.fromEntries(inForce.map((row) => [row.kind, known.get(versionKey(row))]));
  const missing = kinds.find((kind) => !byKind[kind]);
  if (missing) throw new AppError('not_found', `no ${missing} configuration has been published`);
  return byKind as { [P in K]: ConfigVersion<P> };
}

/**
 * The version in force. Staff read every kind; customer-portal users read only the reason codes
 * they choose from, in their own shape (thresholds, tiers and fault classes stay internal).
 */
export async function getCurrentConfig<K extends ConfigKind>(
  platform: Platform,
  ctx: RequestContext,
  kind: K,
): Promise<ConfigVersion<K> | CustomerReasonCodesVersion> {
  if (isCustomerScoped(ctx.actor)) {
    assertCan(ctx.actor, 'reason_codes.read');
    if (kind !== 'reason_codes') throw new AppError('forbidden', `the ${kind} configuration is internal`);
    const current = await findCurrentConfig(platform.db, 'reason_codes');
    return {
      kind: 'reason_codes',
      version: current.version,
      document: {
        codes: current.document.codes.map((c) => ({
          code: c.code,
          label: c.label,
          description: c.description,
          isActive: c.isActive,
        })),
      },
      createdAt: current.createdAt,
    };
  }
  assertCan(ctx.actor, 'config.read');
  return findCurrentConfig(platform.db, kind);
}

export async function listConfigVersions(platform: Platform, ctx: RequestContext, kind: ConfigKind) {
  assertCan(ctx.actor, 'config.read');
  const rows = await platform.db
    .selectFrom('config_versions')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => toVersion(row));
}

export async function publishConfig(
  platform: Platform,
  ctx: RequestContext,
  input: { kind: ConfigKind; document: unknown; comment: string; expectedVersion: number },
) {
  assertCan(ctx.actor, 'config.write');
  const parsed = CONFIG_DOCUMENT_SCHEMAS[input.kind].safeParse(input.document);
  if (!parsed.success) {
    throw new AppError('validation_failed', `the ${input.kind} document is not valid`, {
      errors: parsed.error.issues.map((issue) => ({
        path: ['document', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    });
  }
  assertUniqueCodes(input.kind, parsed.data);
  return runInTransaction(platform, ctx, async (tx) => {
    const current = await findCurrentConfig(tx.db, input.kind);
    if (current.version !== input.expectedVersion) {
      throw new AppError(
        'precondition_failed',
        `${input.kind} is at version ${current.version}, not ${input.expectedVersion}; reload and apply your change again`,
      );
    }
    // Known terms: the catalogue's, and those the shipped defaults name (a fresh installation's
    // catalogue may not have them yet, and restoring a default must not be refused).
    const facets = await findProductFacets(tx.db);
    const siteCodes = await findSiteCodes(tx.db);
    // Rules may recommend only codes that can be carried out: the active ones in force.
    const dispositionCodes =
      input.kind === 'disposition_rules'
        ? (await findCurrentConfig(tx.db, 'disposition_codes')).document.codes
            .filter((code) => code.isActive)
            .map((code) => code.code)
        : [];
    const unknown = findUnknownTerms(input.kind, parsed.data, current.document, {
      tiers: CUSTOMER_TIERS,
      categories: [
        ...new Set([
          ...facets.categories,
          ...[
            ...DEFAULT_CONFIGURATION.return_policy.windows.map((w) => w.category),
            ...categoriesNamedInRules(DEFAULT_CONFIGURATION.disposition_rules),
            ...DEFAULT_CONFIGURATION.inspection_checklists.checklists.map((c) => c.category),
          ].filter((c) => c !== '*'),
        ]),
      ],
      regulatedClasses: [
        ...new Set([
          ...facets.regulatedClasses,
          ...DEFAULT_CONFIGURATION.approval_rules.regulatedClassesRequiringApproval,
          ...DEFAULT_CONFIGURATION.return_routing.certifications.map((c) => c.regulatedClass),
        ]),
      ],
      siteCodes,
      dispositionCodes,
    });
    if (unknown.length > 0)
      throw new AppError('validation_failed', unknown.map((u) => u.message).join('; '), {
        errors: unknown.map((u) => ({ path: `document.${u.path}`, message: u.message })),
      });
    const row = {
      kind: input.kind,
      version: current.version + 1,
      document: JSON.stringify(parsed.data),
      comment: input.comment,
      created_by: ctx.actor.name,
      created_at: tx.now,
    };
    // The primary key (kind, version) makes a concurrent publish of the same version fail.
    await tx.db
      .insertInto('config_versions')
      .values(row)
      .execute()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError(
            'precondition_failed',
            `${input.kind} was changed by someone else at the same moment; reload and apply your change again`,
          );
        throw error;
      });
    tx.audit({
      entityType: 'config',
      entityId: input.kind,
      action: 'config.published',
      before: { version: current.version },
      after: { version: row.version, comment: row.comment, document: parsed.data },
    });
    tx.emit({
      type: 'config.published',
      aggregateType: 'config',
      aggregateId: input.kind,
      payload: { kind: input.kind, version: row.version },
    });
    return toVersion(row);
  });
}

/** What must be unique in a document of each kind, to say so before anything else is checked. */
function identifiersOf(
  kind: ConfigKind,
  document: unknown,
): { what: string; values: string[]; pathOf: (i: number) => string } | null {
  switch (kind) {
    case 'reason_codes':
    case 'disposition_codes':
      return {
        what: 'code',
        values: (document as ConfigDocuments[typeof kind]).codes.map((c) => c.code),
        pathOf: (i) => `document.codes.${i}.code`,
      };
    case 'disposition_rules':
      return {
        what: 'rule id',
        values: (document as ConfigDocuments['disposition_rules']).rules.map((r) => r.id),
        pathOf: (i) => `document.rules.${i}.id`,
      };
    case 'inspection_checklists':
      return {
        what: 'defect code',
        values: (document as ConfigDocuments['inspection_checklists']).defectCodes.map((c) => c.code),
        pathOf: (i) => `document.defectCodes.${i}.code`,
      };
    case 'return_policy':
    case 'approval_rules':
    case 'return_routing':
    case 'inspection_sla':
    case 'settlement_policy':
      return null;
  }
}

function assertUniqueCodes(kind: ConfigKind, document: unknown): void {
  const identifiers = identifiersOf(kind, document);
  if (!identifiers) return;
  const { what, values, pathOf } = identifiers;
  const duplicate = values.find((value, i) => values.indexOf(value) !== i);
  if (duplicate) {
    throw new AppError('validation_failed', `${what} ${duplicate} appears more than once`, {
      errors: [{ path: pathOf(values.lastIndexOf(duplicate)), message: `duplicate ${what}` }],
    });
  }
}

/** Publishes version 1 of every kind that has none yet (first start of an empty database). */
export async function seedDefaultConfiguration(platform: Platform, ctx: RequestContext): Promise<void> {
  await runInTransaction(platform, ctx, async (tx) => {
    for (const kind of Object.keys(DEFAULT_CONFIGURATION) as ConfigKind[]) {
      const existing = await tx.db
        .selectFrom('config_versions')
        .select('version')
        .where('kind', '=', kind)
        .executeTakeFirst();
      if (existing) continue;
      await tx.db
        .insertInto('config_versions')
        .values({
          kind,
          version: 1,
          document: JSON.stringify(DEFAULT_CONFIGURATION[kind]),
          comment: 'standard configuration',
          created_by: ctx.actor.name,
          created_at: tx.now,
        })
        .execute();
      tx.audit({ entityType: 'config', entityId: kind, action: 'config.published', after: { version: 1 } });
    }
  });
}
