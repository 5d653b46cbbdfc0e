// A multipart/form-data body for app.inject, built by hand as a browser would send it: text fields
// first, then one part per file. Quotes and line breaks in names are escaped the way the HTML
// standard says (", CR, LF as %22, %0D, %0A); other characters are sent as UTF-8. Also: real sample
// images for upload tests (tiny, embedded: no image files are kept in the repository).
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

export interface MultipartFilePart {
  /** The form field the file is sent under; 'photos' unless given. */
  field?: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

function quoted(value: string): string {
  return `"${value.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A')}"`;
}

export function multipartBody(
  files: MultipartFilePart[],
  fields: Record<string, string> = {},
): { payload: Buffer; headers: { 'content-type': string } } {
  const boundary = `----boomerang-test-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  const text = (s: string) => chunks.push(Buffer.from(s, 'utf8'));
  for (const [name, value] of Object.entries(fields)) {
    text(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`);
  }
  for (const file of files) {
    text(
      `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.field ?? 'photos')}; ` +
        `filename=${quoted(file.fileName)}\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    );
    chunks.push(file.bytes);
    text('\r\n');
  }
  text(`--${boundary}--\r\n`);
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A PNG of `width`×`height` RGB pixels (a gradient), built chunk by chunk: signature, IHDR, one
 * zlib-compressed IDAT (each scanline led by filter type 0) and IEND, each with its CRC-32.
 */
export function pngImage(width = 1, height = 1): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push((x * 37) & 0xff, (y * 53) & 0xff, 0x80);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Real 8×8 images written by the reference encoders (Debian bookworm) from the same gradient:
 * libjpeg-turbo 2.1.5 `cjpeg -quality 50 -optimize`, libwebp 1.2.4 `cwebp -q 50` and
 * `cwebp -lossless`, libheif 1.15.1 `heif-enc -q 30` (HEVC via x265; brands heic, mif1, miaf) and
 * `heif-enc -A` (AV1: an AVIF, which is HEIF too and must not pass for HEIC).
 */
export const SAMPLE_IMAGES = {
  jpeg: Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAXEAEBAQEAAAAAAAAAAAAAAAAABSIx/8QAFQEBAQAAAAAAAAAAAAAAAAAAAgT/xAAbEQACAQUAAAAAAAAAAAAAAAADBAABEhMhMf/aAAwDAQACEQMRAD8AhPhcwAnKyS7saDZcNNz/2Q==',
    'base64',
  ),
  png: pngImage(8, 8),
  webp: Buffer.from(
    'UklGRkQAAABXRUJQVlA4IDgAAADQAQCdASoIAAgAAsBMJbACdAD0MaxAAAD+8ad5vDCBK46si+GWLKzuoS7Rv/N9T+hHeP9O5VwAAA==',
    'base64',
  ),
  webpLossless: Buffer.from('UklGRi4AAABXRUJQVlA4TCIAAAAvB8ABAJkyRPQ/NhHR/wBhtlFRzp9zryMYkAGMCaB6oP8A', 'base64'),
  heic: Buffer.from(
    'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAaptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAAgACAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHOAAEAAAAAAAAAOwACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADVaXBycAAAALNpcGNvAAAAc2h2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACdCAQEDcAAAAwCQAAADAAADAB6gIIEFluqumubAgAAAAwCAAAADAIQiAAEABkQBwXPBiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAACAAAAAgAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAAENtZGF0AAAANygBrxkhbNJA71zViH1pfsi1gqK5qRftjIyOyZOiL6C8Ax9BzEa0lC28f/D9ELQHIhHEssKWKsA=',
    'base64',
  ),
  avif: Buffer.from(
    'AAAAHGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZgAAAOptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAEOAAEAAAAAAAAAIQAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGF2MDEAAAAAamlwcnAAAABLaXBjbwAAABNjb2xybmNseAACAAIABoAAAAAMYXYxQ4EADAAAAAAUaXNwZQAAAAAAAAAIAAAACAAAABBwaXhpAAAAAAMICAgAAAAXaXBtYQAAAAAAAAABAAEEgYIDhAAAACltZGF0EgAKBRgIv2BCMhYYAAooooQAPPYZgvgDP3B10ftTu//a',
    'base64',
  ),
} as const;
