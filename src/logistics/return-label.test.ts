// The return label is read back the way a dock reads it: the PDF's one page, the text it draws, and
// both barcodes decoded (ZXing, the decoder of many scanning apps) from the page's rectangles
// painted as a printer would.
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { LABEL_SIZE, pdfText, renderReturnLabel, type ReturnLabelInput } from './return-label.js';

const LABEL: ReturnLabelInput = {
  rmaNumber: 'RMA-000123',
  customerName: 'Acme Hardware & Supply Co.',
  customerAccount: 'C-10042',
  shipTo: {
    siteName: 'Main DC',
    addressLines: ['1 Dock Rd'],
    city: 'Columbus',
    region: 'OH',
    postalCode: '43004',
    country: 'US',
  },
  lines: { count: 2, units: 7 },
  expiresOn: '2026-12-26',
  issuedAt: new Date('2026-11-26T10:00:00.000Z'),
};

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads the label as Latin-1); undefined codes stay as they are.
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const winAnsi = {
  decode: (bytes: Buffer) =>
    Array.from(bytes, (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte),
    ).join(''),
};

/** The text each TJ operator of the (uncompressed) page draws: PDFKit writes it as hex, split at kerning. */
function drawnText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)].map((match) =>
    [...match[1]!.matchAll(/<([0-9a-f]*)>/g)].map((hex) => winAnsi.decode(Buffer.from(hex[1]!, 'hex'))).join(''),
  );
}

interface Raster {
  width: number;
  height: number;
  /** One byte of luminance per pixel: 0 black, 255 white. */
  luminance: Uint8ClampedArray;
}

/**
 * The page's filled rectangles (the barcodes' bars and modules, the header band) painted black on
 * white at 4 pixels per point, as a scanner sees the printed label. Text is left out.
 */
function rasterizeRectangles(pdf: Buffer): Raster {
  const scale = 4;
  const width = LABEL_SIZE.width * scale;
  const height = LABEL_SIZE.height * scale;
  const luminance = new Uint8ClampedArray(width * height).fill(255);
  const source = pdf.toString('latin1');
  for (const match of source.matchAll(/^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/gm)) {
    const [x, y, w, h] = match.slice(1, 5).map(Number) as [number, number, number, number];
    for (let row = Math.round(y * scale); row < Math.round((y + h) * scale); row++) {
      luminance.fill(0, row * width + Math.round(x * scale), row * width + Math.round((x + w) * scale));
    }
  }
  return { width, height, luminance };
}

function decode(image: Raster, format: BarcodeFormat): string {
  const reader = new MultiFormatReader();
  reader.setHints(
    new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [format]],
      [DecodeHintType.TRY_HARDER, true],
    ]),
  );
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(image.luminance, image.width, image.height)),
  );
  return reader.decode(bitmap).getText();
}

describe('renderReturnLabel', () => {
  it('is a one-page 4 × 6 in PDF', async () => {
    const pdf = await renderReturnLabel(LABEL, { compress: false });
    const source = pdf.toString('latin1');
    expect(source.startsWith('%PDF-')).toBe(true);
    expect(source.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(source.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(source).toContain('/MediaBox [0 0 288 432]');
  });

  it('draws the RMA number, where the parcel goes, who sends it and until when', async () => {
    const text = drawnText(await renderReturnLabel(LABEL, { compress: false }));
    expect(text).toEqual(
      expect.arrayContaining([
        'RETURN',
        'RMA-000123',
        'SHIP TO',
        'Main DC',
        '1 Dock Rd',
        'Columbus, OH 43004',
        'UNITED STATES',
        'FROM',
        'Acme Hardware & Supply Co.',
        'Account C-10042',
        'Contents: 2 lines, 7 units',
        'Authorized until 2026-12-26',
        'Issued 2026-11-26',
      ]),
    );
    // Large, and again as the Code 128's human-readable line.
    expect(text.filter((line) => line === 'RMA-000123')).toHaveLength(2);
  });

  it('draws a Code 128 and a QR code (vectors, no images) that both read as the RMA number', async () => {
    const pdf = await renderReturnLabel(LABEL, { compress: false });
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
    const page = rasterizeRectangles(pdf);
    expect(decode(page, BarcodeFormat.CODE_128)).toBe('RMA-000123');
    expect(decode(page, BarcodeFormat.QR_CODE)).toBe('RMA-000123');
  });

  it('is the same bytes for the same input, dated when it was issued', async () => {
    const first = await renderReturnLabel(LABEL);
    const second = await renderReturnLabel(LABEL);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    const source = (await renderReturnLabel(LABEL, { compress: false })).toString('latin1');
    expect(source).toContain('(D:20261126100000Z)');
    expect(source).toContain('(Return label RMA-000123)');
  });

  it('writes the city line the way the destination country does', async () => {
    const berlin = { ...LABEL.shipTo, city: 'Berlin', region: '', postalCode: '10115', country: 'de' };
    const text = drawnText(await renderReturnLabel({ ...LABEL, shipTo: berlin }, { compress: false }));
    expect(text).toEqual(expect.arrayContaining(['10115 Berlin', 'GERMANY']));
  });

  it('says to ship soon when the authorization does not lapse, and names no date when it is not known', async () => {
    const noLapse = drawnText(await renderReturnLabel({ ...LABEL, expiresOn: null }, { compress: false }));
    expect(noLapse).toContain('Authorized: ship as soon as you can');
    expect(noLapse.join(' ')).not.toMatch(/until/);
    const { expiresOn: _unknown, ...withoutExpiry } = LABEL;
    const unknown = drawnText(await renderReturnLabel(withoutExpiry, { compress: false }));
    expect(unknown).toContain('Authorized return');
    expect(unknown.join(' ')).not.toMatch(/until|as soon as/);
  });

  it('keeps long names and addresses on the one page, cut with an ellipsis, the city and country kept', async () => {
    const pdf = await renderReturnLabel(
      {
        ...LABEL,
        rmaNumber: 'RMA-2026-0001234567-XYZ',
        customerName: `Very Long Customer Name ${'Holdings '.repeat(20)}`,
        shipTo: {
          ...LABEL.shipTo,
          siteName: 'Northern Regional Returns Processing and Refurbishment Centre Building 7',
          addressLines: ['Unit 4, Industrial Estate', 'Gate 9', 'Dock 3', 'Level 2', 'Door 1', 'Bay 12'],
        },
      },
      { compress: false },
    );
    const source = pdf.toString('latin1');
    expect(source.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = drawnText(pdf);
    expect(text).toEqual(expect.arrayContaining(['RMA-2026-0001234567-XYZ', 'Columbus, OH 43004', 'UNITED STATES']));
    expect(text.some((line) => line.startsWith('Very Long Customer Name') && line.endsWith('\u2026'))).toBe(true);
    const page = rasterizeRectangles(pdf);
    expect(decode(page, BarcodeFormat.CODE_128)).toBe('RMA-2026-0001234567-XYZ');
    expect(decode(page, BarcodeFormat.QR_CODE)).toBe('RMA-2026-0001234567-XYZ');
  });
});

describe('pdfText', () => {
  it('keeps what the standard fonts draw and folds or marks the rest', () => {
    expect(pdfText('Müller & Söhne – “Ç€”')).toBe('Müller & Söhne – “Ç€”');
    expect(pdfText('Łódź Kraków Ősz')).toBe('Lódz Kraków Osz');
    expect(pdfText('株式会社 Acme')).toBe('???? Acme');
    expect(pdfText('two\nlines')).toBe('two lines');
  });
});
