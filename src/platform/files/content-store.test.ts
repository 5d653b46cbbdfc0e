import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createContentStore, type ContentStore } from './content-store.js';

let root: string;
let store: ContentStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'boomerang-content-'));
  store = createContentStore(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under the store's root, as paths relative to it (with /). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('content store', () => {
  it('stores bytes under their SHA-256, in two levels of directories', async () => {
    const bytes = Buffer.from('a photo of a dented kettle');
    const hash = sha256(bytes);
    expect(await store.has(hash)).toBe(false);
    expect(await store.put(bytes)).toEqual({ sha256: hash, bytes: bytes.length, created: true });
    expect(await filesUnder(root)).toEqual([`${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`]);
    expect(store.pathOf(hash)).toBe(join(root, hash.slice(0, 2), hash.slice(2, 4), hash));
    expect(await store.has(hash)).toBe(true);
    const opened = await store.open(hash);
    expect(opened?.bytes).toBe(bytes.length);
    expect(await text(opened!.stream)).toBe('a photo of a dented kettle');
  });

  it('keeps the same content once: the second put writes nothing', async () => {
    const bytes = Buffer.from('same photo, uploaded twice');
    const first = await store.put(bytes);
    const second = await store.put(Buffer.from(bytes));
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    expect(await filesUnder(root)).toHaveLength(1);
  });

  it('keeps different content in different files', async () => {
    const a = await store.put(Buffer.from('front'));
    const b = await store.put(Buffer.from('back'));
    expect(a.sha256).not.toBe(b.sha256);
    expect(await filesUnder(root)).toHaveLength(2);
    expect(await readFile(store.pathOf(a.sha256), 'utf8')).toBe('front');
    expect(await readFile(store.pathOf(b.sha256), 'utf8')).toBe('back');
  });

  it('stores empty content and larger content byte for byte', async () => {
    const empty = await store.put(Buffer.alloc(0));
    expect(empty.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0xa5);
    const stored = await store.put(big);
    expect((await readFile(store.pathOf(stored.sha256))).equals(big)).toBe(true);
  });

  it('answers null for content it does not hold', async () => {
    const missing = sha256(Buffer.from('never stored'));
    expect(await store.open(missing)).toBeNull();
    expect(await store.has(missing)).toBe(false);
  });

  it('refuses anything but 64 lowercase hex digits before building a path', async () => {
    const valid = sha256(Buffer.from('x'));
    const bad = [
      '',
      '../../etc/passwd',
      `../${valid.slice(3)}`,
      valid.toUpperCase(),
      valid.slice(1),
      `${valid}0`,
      `${valid.slice(0, 63)}g`,
      `${valid.slice(0, 62)}/x`,
      `${valid}\u0000`,
    ];
    for (const hash of bad) {
      expect(() => store.pathOf(hash), hash).toThrow(AppError);
      await expect(store.open(hash), hash).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(store.has(hash), hash).rejects.toMatchObject({ code: 'validation_failed' });
    }
  });

  it('writes through a temporary file and rename: concurrent puts leave one file and no temporaries', async () => {
    const same = Buffer.from('uploaded from two phones at once');
    const others = Array.from({ length: 20 }, (_, i) => Buffer.from(`photo ${i}`));
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => store.put(same)),
      ...others.map((b) => store.put(b)),
    ]);
    expect(new Set(results.slice(0, 8).map((r) => r.sha256)).size).toBe(1);
    const files = await filesUnder(root);
    expect(files).toHaveLength(21);
    expect(files.every((f) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(true);
    expect(await readFile(store.pathOf(results[0]!.sha256), 'utf8')).toBe('uploaded from two phones at once');
  });

  it('removes its temporary file when the write fails', async () => {
    const bytes = Buffer.from('the rename will fail');
    const hash = sha256(bytes);
    // A directory where the file should go makes the rename fail (EISDIR/ENOTEMPTY), after the write.
    await mkdir(join(store.pathOf(hash), 'blocker'), { recursive: true });
    await expect(store.put(bytes)).rejects.toThrow();
    const dir = join(root, hash.slice(0, 2), hash.slice(2, 4));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a stored file whose size no longer matches (damaged outside the store)', async () => {
    const bytes = Buffer.from('intact photo bytes');
    const { sha256: hash } = await store.put(bytes);
    await writeFile(store.pathOf(hash), 'trunc');
    expect((await store.put(bytes)).created).toBe(true);
    expect(await readFile(store.pathOf(hash), 'utf8')).toBe('intact photo bytes');
  });
});
