// Prefixed, time-ordered ids (`rma_01J…`): readable in logs, sortable by creation time, and
// impossible to confuse across contexts.
import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

export type IdPrefix =
  | 'le'
  | 'site'
  | 'cus'
  | 'sup'
  | 'prd'
  | 'so'
  | 'sol'
  | 'rma'
  | 'rml'
  | 'rcp'
  | 'rcl'
  | 'arv'
  | 'arl'
  | 'shp'
  | 'shl'
  | 'tev'
  | 'loc'
  | 'mov'
  | 'door'
  | 'slot'
  | 'apt'
  | 'rex'
  | 'rti'
  | 'ptn'
  | 'ins'
  | 'pho'
  | 'dsp'
  | 'wo'
  | 'vr'
  | 'vrl'
  | 'qh'
  | 'dis'
  | 'liq'
  | 'lql'
  | 'crs'
  | 'rcal'
  | 'acc'
  | 'cm'
  | 'cml'
  | 'crr'
  | 'ecw'
  | 'rpo'
  | 'rpl'
  | 'rpa'
  | 'scl'
  | 'scll'
  | 'scr'
  | 'je'
  | 'jl'
  | 'usr'
  | 'key'
  | 'whs'
  | 'whd'
  | 'tpr'
  | 'edd'
  | 'eis'
  | 'ntf'
  | 'sle'
  | 'aud'
  | 'evt'
  | 'req';

export interface IdGenerator {
  next(prefix: IdPrefix): string;
}

/**
 * ulid asks its PRNG for one fraction per character; its default asks the operating system each
 * time (16 calls per id, a measurable share of a request). This draws the same cryptographic
 * randomness from a pool refilled 4 KiB at a time.
 */
function pooledRandom(): () => number {
  const pool = new Uint8Array(4096);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    // ulid maps [0, 1) onto its 32 characters; bytes 0..255 over 256 keep every character equally likely.
    return pool[next++]! / 256;
  };
}

export function createIdGenerator(): IdGenerator {
  const ulid = monotonicFactory(pooledRandom());
  return { next: (prefix) => `${prefix}_${ulid().toLowerCase()}` };
}
