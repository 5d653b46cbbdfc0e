// The load generator, run in a worker thread so the client does not share the server's event
// loop. It keeps `concurrency` requests in flight over keep-alive connections, first a short
// unmeasured warm-up, then a measured run bounded by a request count and a time limit, whichever
// comes first. Loopback only: the caller passes a 127.0.0.1 URL.
//
// It shares the machine's CPUs with the server (and with PostgreSQL), so it must cost little:
// node:http with a keep-alive agent takes about a third of the CPU per request that fetch did,
// which left less for the server and made a database that needs its own CPU look slower.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export interface LoadJob {
  baseUrl: string;
  token: string | null;
  method: 'GET' | 'POST';
  path: string;
  /** When set, requests go to these paths in turn instead of `path` (e.g. one return each). */
  paths?: string[] | undefined;
  /** Request bodies (JSON text), used in order; with one body, every request sends it. */
  bodies: string[] | null;
  expectStatus: number;
  concurrency: number;
  warmupRequests: number;
  warmupMs: number;
  maxRequests: number;
  maxMs: number;
  /**
   * Paced lanes (people at scanners): each lane sends its next request this many ms after its
   * previous one was due — at once if the answer came later — instead of as soon as the answer
   * comes. Lanes start staggered across one period. Absent: closed loop, always `concurrency` in
   * flight (a saturation test).
   */
  paceMs?: number | undefined;
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
  const { hostname, port } = new URL(job.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  let pathIndex = 0;
  const nextPath = () => (job.paths ? job.paths[pathIndex++ % job.paths.length]! : job.path);
  const send = (body: string | undefined) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          path: nextPath(),
          method: job.method,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
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
    const lane = async (_: unknown, laneIndex: number) => {
      const pace = job.paceMs;
      let due = start + (pace ? (pace * laneIndex) / job.concurrency : 0);
      for (;;) {
        if (pace) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          due += pace;
        }
        if (issued >= limit || performance.now() - start >= limitMs) return;
        const body = nextBody();
        if (body === null) return; // every distinct body has been sent
        issued += 1;
        const t0 = performance.now();
        try {
          const res = await send(body);
          const { text } = res;
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
