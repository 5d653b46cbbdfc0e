// `kill -9` of a server process in the middle of a load of creates and approvals with retries
// (issue 10's first fault): every request that got a 2xx is in the database; every
// Idempotency-Key produced exactly one return, and every return was approved exactly once — a key whose request died before its commit is taken over by the retry, one
// whose request died after its commit is answered "carried out" and never run again; the audit
// chain verifies; and every committed event reaches JetStream exactly once (the relay's
// re-publishes of the dead process are dropped by event id). The compiled server (what `npm start`
// runs) as a child process, on SQLite and on PostgreSQL, with a nats-server of the test's own.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { startPlatform, type RunningPlatform } from '../../src/server/platform.js';
import { systemContext } from '../../src/platform/actor.js';
import { createUser } from '../../src/identity/index.js';
import { verifyAuditChain } from '../../src/platform/audit-trail/audit-verification.js';
import { outboxBacklog } from '../../src/platform/outbox/relay.js';
import { DEFAULT_STREAM } from '../../src/platform/outbox/jetstream-transport.js';
import { addDays } from '../../src/platform/calendar.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite } from '../support/factories.js';
import { hasNatsServer, startNatsServer, type TestNatsServer } from '../support/nats-server.js';
import { findFreePort } from '../support/free-port.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CLIENTS = 6;
const CREATES_PER_CLIENT = 25;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  key: string;
  /** The return the 2xx answered with, or the outcome a "carried out" answer named. */
  rmaId: string;
  how: 'created' | 'replayed' | 'carried out';
}

describe.skipIf(!hasNatsServer).each(DIALECTS)('kill -9 under load on %s', (dialect) => {
  let database: TestDatabase;
  let platform: RunningPlatform;
  let nats: TestNatsServer;
  let server: ChildProcess | null = null;
  let port = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'boomerang-faults-'));

  const startServer = async () => {
    const child = spawn(process.execPath, ['dist/server/server/main.js'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        BOOMERANG_DATA_DIR: dataDir,
        BOOMERANG_DEMO_DATA: 'false',
        NATS_URL: nats.url,
        BOOMERANG_IDEMPOTENCY_TAKEOVER_MS: '1500',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
      detached: true,
    });
    server = child;
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error('the server did not start');
  };
  const killServer = async (signal: NodeJS.Signals) => {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    process.kill(-child.pid, signal);
    await exited;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--server-only'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    database = await createTestDatabase(dialect);
    platform = await startPlatform({ databaseUrl: database.url });
    nats = await startNatsServer();
    port = await findFreePort();
  }, 300_000);
  afterAll(async () => {
    await killServer('SIGKILL');
    await nats?.kill();
    await platform?.close();
    await database?.drop();
  });

  it('every 2xx is stored, every key made exactly one return, approved once; the audit chain verifies; every event reached JetStream once', async () => {
    // The world, written directly: an order with a line per create (a return per line, so no
    // create is refused for quantity), and the agent who makes the returns.
    const entity = await makeLegalEntity(platform);
    await makeSite(platform, entity.id);
    // Bronze: every return waits for a manager's approval, so the load approves as well as creates.
    const customer = await makeCustomer(platform, entity.id, { tier: 'bronze' });
    const product = await makeProduct(platform);
    const today = new Date().toISOString().slice(0, 10);
    const order = await makeOrder(platform, {
      customerId: customer.id,
      legalEntityId: entity.id,
      deliveredOn: addDays(today, -5),
      lines: Array.from({ length: CLIENTS * CREATES_PER_CLIENT }, () => ({
        productId: product.id,
        quantityShipped: 1,
      })),
    });
    for (const [email, role] of [
      ['agent@faults.test', 'cs_agent'],
      ['manager@faults.test', 'cs_manager'],
    ] as const)
      await createUser(platform, systemContext('test'), { email, name: email, role, customerId: null, password: 'pw' });
    await startServer();
    const tokenOf = async (email: string) => {
      const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'pw' }),
      });
      return ((await signIn.json()) as { accessToken: string }).accessToken;
    };
    const accessToken = await tokenOf('agent@faults.test');
    const managerToken = await tokenOf('manager@faults.test');

    const answers: Answer[] = [];
    const unexpected: string[] = [];
    let sent = 0;
    /** One create, retried with its key through connection errors, 5xx and "still running" until answered. */
    const create = async (key: string, orderLineId: string) => {
      const body = JSON.stringify({
        customerId: customer.id,
        customerReference: key,
        lines: [{ orderLineId, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' }],
      });
      for (let attempt = 0; attempt < 400; attempt++) {
        let response: Response;
        try {
          sent += 1;
          response = await fetch(`http://127.0.0.1:${port}/api/v1/returns`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${accessToken}`,
              'content-type': 'application/json',
              'idempotency-key': key,
            },
            body,
            signal: AbortSignal.timeout(5_000),
          });
        } catch {
          await sleep(100);
          continue;
        }
        const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
        if (response.status === 201 || response.status === 200) {
          const how = response.headers.get('idempotent-replayed') ? 'replayed' : 'created';
          answers.push({ key, rmaId: String(json.id), how });
          return;
        }
        if (response.status === 409 && json.carriedOut === true) {
          answers.push({ key, rmaId: String(json.outcome).replace(/^rma /, ''), how: 'carried out' });
          return;
        }
        if ((response.status === 409 && json.carriedOut === false) || response.status >= 500) {
          await sleep(200);
          continue;
        }
        unexpected.push(`${key}: ${response.status} ${JSON.stringify(json)}`);
        return;
      }
      unexpected.push(`${key}: no answer after 400 attempts`);
    };
    /** Retries through connection errors and 5xx; the answer once there is one. */
    const call = async (path: string, init: { method: string; body?: string; headers?: Record<string, string> }) => {
      for (;;) {
        try {
          sent += 1;
          const response = await fetch(`http://127.0.0.1:${port}${path}`, {
            ...init,
            headers: { authorization: `Bearer ${managerToken}`, 'content-type': 'application/json', ...init.headers },
            signal: AbortSignal.timeout(5_000),
          });
          if (response.status < 500)
            return { status: response.status, json: (await response.json()) as Record<string, unknown> };
        } catch {
          // the server is away: try again
        }
        await sleep(150);
      }
    };
    let approvals = 0;
    /** The manager approves the return, with its key, until it is authorized (by this approval, once). */
    const approve = async (key: string, rmaId: string) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const current = await call(`/api/v1/returns/${rmaId}`, { method: 'GET' });
        if (current.json.status === 'authorized') return;
        const approved = await call(`/api/v1/returns/${rmaId}/approve`, {
          method: 'POST',
          body: JSON.stringify({ comment: 'approved under load' }),
          headers: { 'if-match': `"${String(current.json.version)}"`, 'idempotency-key': `approve-${key}` },
        });
        if (approved.status === 200 || (approved.status === 409 && approved.json.carriedOut === true)) {
          approvals += 1;
          return;
        }
        // 409 still running, or 412 (the approval took effect and its answer was lost): look again.
        await sleep(150);
      }
      unexpected.push(`${key}: never approved`);
    };
    const lines = order.lines.map((line) => line.id);
    const load = Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = 0; n < CREATES_PER_CLIENT; n++) {
          const key = `k-${client}-${n}`;
          await create(key, lines[client * CREATES_PER_CLIENT + n]!);
          const answer = answers.find((a) => a.key === key);
          if (answer) await approve(key, answer.rmaId);
        }
      }),
    );
    // Mid-load, the process is killed outright and started again.
    while (answers.length < (CLIENTS * CREATES_PER_CLIENT) / 3) await sleep(10);
    await killServer('SIGKILL');
    await sleep(300);
    await startServer();
    await load;

    expect(unexpected).toEqual([]);
    expect(answers).toHaveLength(CLIENTS * CREATES_PER_CLIENT);
    const rmas = await platform.db.selectFrom('rmas').select(['id', 'customer_reference']).execute();
    const byKey = new Map<string, string[]>();
    for (const rma of rmas) byKey.set(rma.customer_reference, [...(byKey.get(rma.customer_reference) ?? []), rma.id]);
    for (const answer of answers) expect(byKey.get(answer.key), answer.key).toEqual([answer.rmaId]);
    expect(rmas).toHaveLength(CLIENTS * CREATES_PER_CLIENT);
    // Every return approved, and once: one approval on each one's audited timeline.
    const statuses = await platform.db.selectFrom('rmas').select('status').distinct().execute();
    expect(statuses.map((row) => row.status)).toEqual(['authorized']);
    const approvedEvents = await platform.db
      .selectFrom('audit_log')
      .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'rma.approved')
      .groupBy('entity_id')
      .execute();
    expect(approvedEvents).toHaveLength(CLIENTS * CREATES_PER_CLIENT);
    expect(approvedEvents.every((row) => Number(row.n) === 1)).toBe(true);

    // The events of the dead process and the new one, all in JetStream, each once.
    await killServer('SIGTERM');
    await startServer();
    const until = Date.now() + 30_000;
    while ((await outboxBacklog(platform.db)).waiting > 0 && Date.now() < until) await sleep(100);
    expect((await outboxBacklog(platform.db)).waiting).toBe(0);
    const outbox = await platform.db.selectFrom('outbox_events').select('id').execute();
    const connection = await connect({ servers: nats.url });
    try {
      const manager = await jetstreamManager(connection);
      const stored = (await manager.streams.info(DEFAULT_STREAM)).state.messages;
      const ids: string[] = [];
      for (let seq = 1; seq <= stored; seq++)
        ids.push((await manager.streams.getMessage(DEFAULT_STREAM, { seq }))!.json<{ id: string }>().id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(outbox.map((e) => e.id)));
    } finally {
      await connection.close();
    }
    await killServer('SIGTERM');
    // The dead process's audit events are sealed by the next sealer; the chain holds.
    await platform.auditSealer?.sealNow();
    const chain = await verifyAuditChain(platform.db);
    expect(chain).toMatchObject({ isIntact: true, firstBreak: null, unsealed: { count: 0 } });
    console.log(
      `[${dialect}] kill -9 under load: ${sent} requests sent for ${answers.length} creates and ${approvals} approvals; ` +
        `${answers.filter((a) => a.how === 'carried out').length} answered "carried out", ` +
        `${answers.filter((a) => a.how === 'replayed').length} replayed; ${outbox.length} events in JetStream once each`,
    );
  }, 240_000);
});
