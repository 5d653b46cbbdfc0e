// Where a server's CPU time goes, by layer: a V8 CPU profile (node:inspector's Profiler, or a
// `node --cpu-prof` file) reduced to self time per layer — the HTTP framework, validation, query
// building, the database driver, Node's own http/net, the application's contexts, garbage
// collection — so a summary can say what limits a figure. Pure apart from `profileWhile`.
import { Session } from 'node:inspector/promises';

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface LayerShare {
  layer: string;
  ms: number;
  /** Of the busy (non-idle) time. */
  share: number;
}

const SQLITE = 'SQLite (statements run by better-sqlite3)';
const POSTGRES = 'PostgreSQL driver (pg)';
const PROFILER = 'the profiler itself';

const PACKAGE_LAYERS: Array<[RegExp, string]> = [
  [
    /^(fastify|@fastify\/.*|find-my-way|avvio|light-my-request|fast-json-stringify|fast-querystring|pino.*)$/,
    'fastify',
  ],
  [/^(zod|fastify-type-provider-zod|@asteasolutions\/.*)$/, 'zod validation'],
  [/^kysely$/, 'kysely query building'],
  [/^better-sqlite3$/, SQLITE],
  [/^(pg|pg-protocol|pg-pool|pg-types|pgpass|postgres-.*)$/, POSTGRES],
  [/^(jose|jsonwebtoken|@node-rs\/.*|argon2|bcrypt.*)$/, 'tokens and passwords'],
];

/** The layer a function belongs to, from its script URL and name. */
export function layerOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8 and native (program)';
    return 'V8 builtins (JSON, regexp, …)';
  }
  // Kysely's drivers hand the statement to the database driver: their time (and the native calls
  // under them, counted toward them) is the database's, not query building.
  if (/node_modules\/kysely\/.*\/dialect\/sqlite\//.test(url)) return SQLITE;
  if (/node_modules\/kysely\/.*\/dialect\/postgres\//.test(url)) return POSTGRES;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return PACKAGE_LAYERS.find(([pattern]) => pattern.test(pkg))?.[1] ?? `package ${pkg}`;
  if (url === 'node:inspector' || url === 'node:inspector/promises') return PROFILER;
  if (/^node:(internal\/)?async_hooks/.test(url)) return 'async hooks (AsyncLocalStorage)';
  if (url.startsWith('node:')) return 'Node core (http, net, streams)';
  const context = /\/src\/([^/]+)\//.exec(url)?.[1];
  if (context) return `app: ${context}`;
  if (/\/bench\//.test(url)) return 'bench harness';
  return 'other';
}

/**
 * Self time per layer, largest first; shares are of the busy time (idle left out). A native or
 * builtin function (no script of its own: JSON.parse, a driver's C++ binding, a regexp) counts
 * toward the layer that called it, so a driver's native work is the driver's.
 */
export function timeByLayer(profile: CpuProfile): LayerShare[] {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const layerOfNode = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = layerOfNode.get(id);
    if (known) return known;
    const node = byId.get(id);
    let layer = node ? layerOf(node.callFrame.url, node.callFrame.functionName) : 'other';
    const parent = parentOf.get(id);
    if (
      layer === 'V8 builtins (JSON, regexp, …)' &&
      parent !== undefined &&
      byId.get(parent)?.callFrame.url !== undefined
    ) {
      const above = resolve(parent);
      if (
        !['V8 and native (program)', '(root)'].includes(above) &&
        byId.get(parent)!.callFrame.functionName !== '(root)'
      )
        layer = above;
    }
    layerOfNode.set(id, layer);
    return layer;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const layer = resolve(id);
    totals.set(layer, (totals.get(layer) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Neither idle time nor the profiler's own work (it serializes the profile when stopped) is the server's.
  totals.delete('idle');
  totals.delete(PROFILER);
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals].map(([layer, ms]) => ({ layer, ms, share: busy > 0 ? ms / busy : 0 })).sort((a, b) => b.ms - a.ms);
}

/** "zod validation 23 %, fastify 12 %, …" — the layers above `minShare`, and the rest summed. */
export function describeLayers(layers: LayerShare[], minShare = 0.03): string {
  const shown = layers.filter((l) => l.share >= minShare);
  const rest = layers.filter((l) => l.share < minShare).reduce((sum, l) => sum + l.share, 0);
  const parts = shown.map((l) => `${l.layer} ${(l.share * 100).toFixed(0)} %`);
  if (rest > 0) parts.push(`the rest ${(rest * 100).toFixed(0)} %`);
  return parts.join(', ');
}

/** Profiles this process's main thread (where the server runs) while `work` runs. */
export async function profileWhile<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** The share of the profiled time the thread was busy (not idle; the profiler's own work left out). */
export function busyShare(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const profiler = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith('node:inspector')).map((n) => n.id));
  let idleMs = 0;
  let allMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (profiler.has(id)) return;
    allMs += ms;
    if (idle.has(id)) idleMs += ms;
  });
  return allMs > 0 ? 1 - idleMs / allMs : 0;
}
