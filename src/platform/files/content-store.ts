// Files stored by the SHA-256 of their bytes (photos of inspected goods): the same content is kept
// once however often it is uploaded, a stored file never changes, and its name is its checksum.
// Layout: <root>/<first 2 hex>/<next 2 hex>/<sha256> (at most 256 entries per directory level).
// A file is written to a temporary name in its final directory and renamed into place, so a reader
// never sees a partial file; two concurrent puts of the same bytes both rename identical content
// onto the same name, which is harmless. The hash is checked before any path is built, so a value
// from a URL cannot name a file outside the store.
import { createHash, randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface StoredContent {
  sha256: string;
  bytes: number;
  /** False when the same content was already stored (nothing was written). */
  created: boolean;
}

export interface ContentStore {
  /** Stores the bytes under their SHA-256 (once: storing the same bytes again writes nothing). */
  put(bytes: Buffer): Promise<StoredContent>;
  /** A stream of the stored bytes and their length, or null when nothing is stored under the hash. */
  open(sha256: string): Promise<{ stream: ReadStream; bytes: number } | null>;
  has(sha256: string): Promise<boolean>;
  /** Where the content with this hash is (or would be) stored. Throws on anything but 64 lowercase hex digits. */
  pathOf(sha256: string): string;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

export function createContentStore(rootDir: string): ContentStore {
  const root = resolve(rootDir);

  function pathOf(sha256: string): string {
    if (!isSha256Hex(sha256)) {
      throw new AppError('validation_failed', 'a content hash is 64 lowercase hexadecimal digits (SHA-256)', {
        errors: [{ path: 'sha256', message: 'must be 64 lowercase hexadecimal digits' }],
      });
    }
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async function sizeOf(path: string): Promise<number | null> {
    try {
      const info = await stat(path);
      return info.isFile() ? info.size : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function put(bytes: Buffer): Promise<StoredContent> {
    const sha256 = sha256Hex(bytes);
    const path = pathOf(sha256);
    // Files only ever appear by rename, complete; a size that differs means the file was damaged
    // outside this store, and it is replaced (atomically, like any write).
    if ((await sizeOf(path)) === bytes.length) return { sha256, bytes: bytes.length, created: false };
    const dir = join(root, sha256.slice(0, 2), sha256.slice(2, 4));
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `.${sha256}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync(); // on disk before the name points at it
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return { sha256, bytes: bytes.length, created: true };
  }

  async function openContent(sha256: string): Promise<{ stream: ReadStream; bytes: number } | null> {
    const path = pathOf(sha256);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const info = await handle.stat();
      // The stream owns the handle from here and closes it when it ends or is destroyed.
      return { stream: handle.createReadStream(), bytes: info.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async function has(sha256: string): Promise<boolean> {
    return (await sizeOf(pathOf(sha256))) !== null;
  }

  return { put, open: openContent, has, pathOf };
}
