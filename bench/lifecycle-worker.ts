// The lifecycle load generator, run in a worker thread so the client does not share the server's
// event loop. Each of `concurrency` lanes drives one return at a time through every step of its
// life over the HTTP API, as the people who do each step would: a customer-service agent
// authorizes it and records the customer's tracking number, the warehouse scans it in, quality
// inspects it and executes the recommended disposition, finance approves and issues the credit
// memo, and the agent reads it back to close it. A step's latency is the sum of its requests
// (inspect = list the return's inspections, claim, complete). Any unexpected answer abandons that
// lifecycle and counts as an error.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { httpClient, type HttpAnswer } from './http-client.js';

export const LIFECYCLE_STEPS = ['authorize', 'ship', 'receive', 'inspect', 'dispose', 'credit', 'close'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

export interface LifecycleJob {
  baseUrl: string;
  tokens: { agent: string; manager: string; warehouse: string; quality: string; finance: string };
  siteId: string;
  /** What the warehouse scanner sends for one unit (GS1: GTIN and lot). */
  scan: string;
  /** One per lifecycle, used in order: the order line to return and a tracking number of its own. */
  lifecycles: Array<{ customerId: string; orderLineId: string; trackingNumber: string }>;
  concurrency: number;
  /** Unmeasured lifecycles run first (concurrently), so the measure starts warm. */
  warmupLifecycles: number;
  maxMs: number;
}

export interface LifecycleLoadResult {
  completed: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  /** Per step, the latency in ms of each completed lifecycle's step. */
  stepMs: Record<LifecycleStep, Float64Array>;
  /** The whole lifecycle, first request to last answer, per completed lifecycle. */
  lifecycleMs: Float64Array;
  used: number;
}

class Unexpected extends Error {}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function run(job: LifecycleJob): Promise<LifecycleLoadResult> {
  const send = httpClient(job.baseUrl, job.concurrency);
  const t = job.tokens;
  const expect = (answer: HttpAnswer, status: number, what: string) => {
    if (answer.status !== status)
      throw new Unexpected(`${what}: ${answer.status} ${answer.text.slice(0, 300)} (expected ${status})`);
    return JSON.parse(answer.text) as Record<string, unknown>;
  };
  const post = (token: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    send('POST', `/api/v1${path}`, {
      token,
      body: JSON.stringify(body ?? {}),
      ...(headers ? { headers } : {}),
    });
  const get = (token: string, path: string) => send('GET', `/api/v1${path}`, { token });

  /** One return through its whole life; the time each step took, in ms. */
  async function lifecycle(item: LifecycleJob['lifecycles'][number]): Promise<number[]> {
    const times: number[] = [];
    let t0 = performance.now();
    const lap = () => {
      const now = performance.now();
      times.push(now - t0);
      t0 = now;
    };

    // authorize: a gold customer's return of one unit is authorized on creation; approve it if not.
    let rma = expect(
      await post(t.agent, '/returns', {
        customerId: item.customerId,
        returnType: 'standard',
        note: 'benchmark lifecycle',
        lines: [
          { orderLineId: item.orderLineId, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
        ],
      }),
      201,
      'authorize',
    );
    const id = String(rma.id);
    if (rma.status === 'pending_approval')
      rma = expect(
        await post(t.manager, `/returns/${id}/approve`, { comment: 'bench' }, ifMatch(Number(rma.version))),
        200,
        'approve',
      );
    if (rma.status !== 'authorized') throw new Unexpected(`authorize: the return is ${String(rma.status)}`);
    lap();

    // ship: the customer's parcel, recorded with its tracking number.
    expect(await post(t.agent, `/returns/${id}/shipments`, { trackingNumber: item.trackingNumber }), 201, 'ship');
    lap();

    // receive: the warehouse scans the unit in; the receipt opens an inspection.
    expect(
      await post(t.warehouse, `/returns/${id}/receipts`, {
        siteId: job.siteId,
        items: [{ scan: job.scan, condition: 'unopened' }],
      }),
      201,
      'receive',
    );
    lap();

    // inspect: find the inspection, claim it, complete it with every check passed, grade A.
    const listed = expect(await get(t.quality, `/returns/${id}/inspections`), 200, 'inspect (list)');
    const inspection = (listed.items as Array<{ id: string; version: number }>)[0];
    if (!inspection) throw new Unexpected('inspect: the receipt opened no inspection');
    const claimed = expect(
      await post(t.quality, `/inspections/${inspection.id}/claim`, undefined, ifMatch(inspection.version)),
      200,
      'inspect (claim)',
    );
    const checklist = claimed.checklist as Array<{ id: string; kind: string; min: number | null }>;
    expect(
      await post(
        t.quality,
        `/inspections/${inspection.id}/complete`,
        {
          checklist: checklist.map((c) =>
            c.kind === 'check' ? { id: c.id, passed: true } : { id: c.id, value: c.min ?? 1 },
          ),
          grade: 'A',
          defectCodes: [],
          noFaultFound: false,
          findings: '',
        },
        ifMatch(Number(claimed.version)),
      ),
      200,
      'inspect (complete)',
    );
    lap();

    // dispose: the rules' recommendation, executed as recommended (restock, for grade A unopened).
    const advice = expect(
      await get(t.quality, `/inspections/${inspection.id}/recommendation`),
      200,
      'dispose (recommendation)',
    );
    const recommendation = advice.recommendation as { code: string; rulesVersion: number };
    expect(
      await post(t.quality, `/inspections/${inspection.id}/disposition`, {
        code: recommendation.code,
        rulesVersion: recommendation.rulesVersion,
      }),
      201,
      'dispose',
    );
    lap();

    // credit: the disposition drafted the memo; finance approves and issues it.
    const memos = expect(await get(t.finance, `/credit-memos?rmaId=${id}`), 200, 'credit (list)');
    const memo = (memos.items as Array<{ id: string; version: number; status: string }>)[0];
    if (!memo) throw new Unexpected('credit: the disposition drafted no credit memo');
    let version = memo.version;
    if (memo.status === 'draft')
      version = Number(
        expect(
          await post(t.finance, `/credit-memos/${memo.id}/approve`, undefined, ifMatch(version)),
          200,
          'credit (approve)',
        ).version,
      );
    expect(await post(t.finance, `/credit-memos/${memo.id}/issue`, undefined, ifMatch(version)), 200, 'credit (issue)');
    lap();

    // close: the API has no route that closes a return (nothing enters the state machine's
    // 'closed'); a return is done when its derived progress says so. Read it and check that.
    const done = expect(await get(t.agent, `/returns/${id}`), 200, 'close');
    const stage = (done.progress as { stage?: string } | undefined)?.stage;
    if (stage !== 'complete') throw new Unexpected(`close: the return's progress is '${String(stage)}', not complete`);
    lap();
    return times;
  }

  let next = 0;
  async function phase(limitLifecycles: number, limitMs: number, record: LifecycleLoadResult | null) {
    const start = performance.now();
    let started = 0;
    const lane = async () => {
      while (started < limitLifecycles && performance.now() - start < limitMs && next < job.lifecycles.length) {
        started += 1;
        const item = job.lifecycles[next++]!;
        const t0 = performance.now();
        try {
          const times = await lifecycle(item);
          if (!record) continue;
          LIFECYCLE_STEPS.forEach((step, i) => (record.stepMs[step][record.completed] = times[i]!));
          record.lifecycleMs[record.completed] = performance.now() - t0;
          record.completed += 1;
        } catch (error) {
          if (!record) throw error;
          record.errors += 1;
          record.firstError ??= error instanceof Unexpected ? error.message : String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, lane));
    if (record) record.elapsedMs = performance.now() - start;
  }

  await phase(job.warmupLifecycles, Number.POSITIVE_INFINITY, null);
  const capacity = job.lifecycles.length;
  const result: LifecycleLoadResult = {
    completed: 0,
    errors: 0,
    firstError: null,
    elapsedMs: 0,
    stepMs: Object.fromEntries(LIFECYCLE_STEPS.map((s) => [s, new Float64Array(capacity)])) as Record<
      LifecycleStep,
      Float64Array
    >,
    lifecycleMs: new Float64Array(capacity),
    used: 0,
  };
  await phase(Number.POSITIVE_INFINITY, job.maxMs, result);
  for (const step of LIFECYCLE_STEPS) result.stepMs[step] = result.stepMs[step].slice(0, result.completed);
  result.lifecycleMs = result.lifecycleMs.slice(0, result.completed);
  result.used = next;
  return result;
}

// Imported by the main thread for its types and step names only; it runs in the worker.
if (parentPort)
  run(workerData as LifecycleJob).then(
    (result) => parentPort!.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
