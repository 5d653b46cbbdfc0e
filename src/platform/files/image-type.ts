// Which photos we accept, decided by their bytes, never by the name or the type the client declared
// (a phone may send image/heic as application/octet-stream; a text file may be called photo.jpg).
// The signatures are checked here rather than with a library: four formats need a few bytes each,
// and `file-type` (the usual choice) now requires Node 22 while we run on Node 20.

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The largest photo accepted, in bytes (a phone camera's full-resolution JPEG or HEIC fits). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_REQUEST = 10;

/** The accepted formats as a person reads them, for messages. */
export const PHOTO_FORMATS_TEXT = 'a JPEG, PNG, WebP or HEIC image';

/** The usual file extension of each type, for downloads. */
export const PHOTO_EXTENSIONS: Record<PhotoType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** HEIF brands of HEVC-coded images and sequences, and the generic HEIF image/sequence brands. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'mif1', 'msf1']);
/** AVIF files are HEIF too (major or compatible brand mif1) but AV1-coded: not what we accept. */
const AVIF_BRANDS = new Set(['avif', 'avis']);

function startsWith(bytes: Buffer, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end);
}

/**
 * The ISO base media file format's leading `ftyp` box: [size:u32][ftyp][major brand][minor
 * version:u32][compatible brands…]. Returns the brands, or null when the bytes do not start with one.
 */
function ftypBrands(bytes: Buffer): { major: string; compatible: string[] } | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const size = bytes.readUInt32BE(0);
  if (size < 16 || size % 4 !== 0 || size > bytes.length || size > 4096) return null;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= size; at += 4) compatible.push(ascii(bytes, at, at + 4));
  return { major: ascii(bytes, 8, 12), compatible };
}

/** The photo type the bytes are, by their signature; null when they are none of the accepted types. */
export function sniffImageType(bytes: Buffer): PhotoType | null {
  // JPEG: SOI marker followed by the start of the next marker (APP0/APP1/DQT…).
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  // WebP: a RIFF container of form type WEBP whose first chunk is lossy, lossless or extended.
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    const chunk = ascii(bytes, 12, 16);
    return chunk === 'VP8 ' || chunk === 'VP8L' || chunk === 'VP8X' ? 'image/webp' : null;
  }
  const brands = ftypBrands(bytes);
  if (brands && HEIC_BRANDS.has(brands.major)) {
    if (brands.compatible.some((b) => AVIF_BRANDS.has(b))) return null;
    return 'image/heic';
  }
  return null;
}

export function isPhotoType(value: string): value is PhotoType {
  return (PHOTO_TYPES as readonly string[]).includes(value);
}
