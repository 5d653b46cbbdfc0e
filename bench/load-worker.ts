// The load generator, run in a worker thread so the client does not share the server's event
// loop. It keeps `concurrency` requests in flight over keep-alive connections (fetch, i.e.
// undici), first a short unmeasured warm-up, then a measured run bounded by a request count and
// a time limit, whichever comes first. Loopback only: the caller passes a 127.0.0.1 URL.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export interface LoadJob {
  baseUrl: string;
  token: string | null;
  method: 'GET' | 'POST';
  path: string;
  /** Request bodies (JSON text), used in order; with one body, every request sends it. */
  bodies: string[] | null;
  expectStatus: number;
  concurrency: number;
  warmupRequests: number;
  warmupMs: number;
  maxRequests: number;
  maxMs: number;
}

export interface LoadResult {
  latenciesMs: Float64Array;
  elapsedMs: number;
  errors: number;
  firstError: string | null;
  /** How many bodies were consumed (warm-up included), so the caller knows which were used. */
  bodiesUsed: number;
}

async function run(job: LoadJob): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(job.baseUrl))
    throw new Error(`refusing to load anything but loopback: ${job.baseUrl}`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (job.token) headers.authorization = `Bearer ${job.token}`;
  if (job.bodies) headers['content-type'] = 'application/json';
  const url = `${job.baseUrl}${job.path}`;
  let bodyIndex = 0;
  const nextBody = () => {
    if (!job.bodies) return undefined;
    if (job.bodies.length === 1) return job.bodies[0];
    return bodyIndex < job.bodies.length ? job.bodies[bodyIndex++] : null;
  };

  async function phase(limit: number, limitMs: number, record: Float64Array | null) {
    let issued = 0;
    let completed = 0;
    let errors = 0;
    let firstError: string | null = null;
    const start = performance.now();
    const lane = async () => {
      for (;;) {
        if (issued >= limit || performance.now() - start >= limitMs) return;
        const body = nextBody();
        if (body === null) return; // every distinct body has been sent
        issued += 1;
        const t0 = performance.now();
        try {
          const res = await fetch(url, { method: job.method, headers, body });
          const text = await res.text();
          const ms = performance.now() - t0;
          if (res.status === job.expectStatus) {
            if (record) record[completed] = ms;
            completed += 1;
          } else {
            errors += 1;
            firstError ??= `${res.status} ${text.slice(0, 300)}`;
          }
        } catch (error) {
          errors += 1;
          firstError ??= String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, lane));
    return { completed, errors, firstError, elapsedMs: performance.now() - start };
  }

  await phase(job.warmupRequests, job.warmupMs, null);
  const latencies = new Float64Array(job.maxRequests);
  const measured = await phase(job.maxRequests, job.maxMs, latencies);
  return {
    latenciesMs: latencies.slice(0, measured.completed),
    elapsedMs: measured.elapsedMs,
    errors: measured.errors,
    firstError: measured.firstError,
    bodiesUsed: bodyIndex,
  };
}

run(workerData as LoadJob).then(
  (result) => parentPort!.postMessage(result, [result.latenciesMs.buffer as ArrayBuffer]),
  (error: unknown) => {
    throw error;
  },
);
