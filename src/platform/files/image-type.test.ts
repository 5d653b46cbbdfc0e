import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SAMPLE_IMAGES, pngImage } from '../../../tests/http/support/multipart.js';
import { isPhotoType, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REQUEST, PHOTO_TYPES, sniffImageType } from './image-type.js';

/** The HEIC sample with its ftyp brands replaced (major first, then the compatible ones). */
function withBrands(image: Buffer, major: string, compatible: string[]): Buffer {
  const ftyp = Buffer.alloc(16 + 4 * compatible.length);
  ftyp.writeUInt32BE(ftyp.length, 0);
  ftyp.write('ftyp', 4, 'latin1');
  ftyp.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => ftyp.write(brand, 16 + 4 * i, 'latin1'));
  return Buffer.concat([ftyp, image.subarray(image.readUInt32BE(0))]);
}

describe('sniffImageType', () => {
  it('recognises real images written by the reference encoders', () => {
    expect(sniffImageType(SAMPLE_IMAGES.jpeg)).toBe('image/jpeg');
    expect(sniffImageType(SAMPLE_IMAGES.png)).toBe('image/png');
    expect(sniffImageType(pngImage())).toBe('image/png');
    expect(sniffImageType(SAMPLE_IMAGES.webp)).toBe('image/webp');
    expect(sniffImageType(SAMPLE_IMAGES.webpLossless)).toBe('image/webp');
    expect(sniffImageType(SAMPLE_IMAGES.heic)).toBe('image/heic');
  });

  it('accepts the HEIF brands phones and cameras write, and nothing merely ISO-BMFF', () => {
    for (const major of ['heic', 'heix', 'hevc', 'mif1', 'msf1']) {
      expect(sniffImageType(withBrands(SAMPLE_IMAGES.heic, major, ['mif1', 'heic'])), major).toBe('image/heic');
    }
    expect(sniffImageType(withBrands(SAMPLE_IMAGES.heic, 'isom', ['isom', 'mp41']))).toBeNull(); // an MP4
    expect(sniffImageType(withBrands(SAMPLE_IMAGES.heic, 'qt  ', []))).toBeNull(); // a QuickTime movie
  });

  it('refuses AVIF, though it is HEIF with the mif1 brand too', () => {
    expect(sniffImageType(SAMPLE_IMAGES.avif)).toBeNull();
    expect(sniffImageType(withBrands(SAMPLE_IMAGES.avif, 'mif1', ['mif1', 'avif', 'miaf']))).toBeNull();
  });

  it('refuses other formats, text and truncated signatures', () => {
    expect(sniffImageType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('%PDF-1.7\n', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('BM\x3a\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('just some text, saved as photo.jpg\n'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
    expect(sniffImageType(SAMPLE_IMAGES.jpeg.subarray(0, 2))).toBeNull();
    expect(sniffImageType(SAMPLE_IMAGES.png.subarray(0, 7))).toBeNull();
    expect(sniffImageType(SAMPLE_IMAGES.heic.subarray(0, 20))).toBeNull(); // ftyp box cut short
    // A RIFF container that is not WebP (a WAV file), and a WEBP form with an unknown first chunk.
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WEBPJUNK\x10\x00\x00\x00', 'latin1'))).toBeNull();
  });

  it('never throws, whatever the bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const type = sniffImageType(Buffer.from(bytes));
        expect(type === null || isPhotoType(type)).toBe(true);
      }),
    );
  });

  it('states the limits', () => {
    expect(PHOTO_TYPES).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);
    expect(MAX_PHOTO_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_PHOTOS_PER_REQUEST).toBe(10);
  });
});
