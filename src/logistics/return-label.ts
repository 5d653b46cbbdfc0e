// The return label a customer prints once a return is authorized and sticks on the parcel: 4 × 6 in
// (the size of carrier labels and thermal label printers), with the RMA number in large type, where
// the parcel goes, who sends it, and two barcodes for the receiving dock.
//
// What the scanners read: both barcodes hold the RMA number itself (e.g. `RMA-000123`), nothing
// else. A dock scanner is a keyboard: whichever symbol it reads, it types the RMA number into the
// field that has focus (the return search, a receipt's RMA field), as a person would type it. The
// QR code is there for phones and 2D imagers that read a QR faster than a long 1D code; a URL in it
// would tie printed labels to one installation's address and would not be what the dock's screens
// expect, so it holds the same plain number as the Code 128.
//
// bwip-js encodes the symbols (pure JavaScript, the Barcode Writer in Pure PostScript); PDFKit draws
// the page, the bars and modules as filled rectangles: vectors print sharp at any printer's
// resolution, with no image to resample. Its standard Helvetica needs no font files. Same input,
// same bytes: the creation date is the label's issue time and the document id derives from the info.
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';

export interface ReturnLabelInput {
  rmaNumber: string;
  customerName: string;
  customerAccount: string;
  shipTo: {
    siteName: string;
    addressLines: readonly string[];
    city: string;
    region: string;
    postalCode: string;
    country: string;
  };
  /** How much the parcel holds: the return's lines and units. */
  lines: { count: number; units: number };
  /**
   * The last day the goods may be shipped (ISO date), printed as "Authorized until …"; null when the
   * authorization does not lapse; absent when the caller does not know (the label then says neither).
   */
  expiresOn?: string | null;
  /** When the label is issued: printed on it and recorded as the PDF's creation date. */
  issuedAt: Date;
}

export interface ReturnLabelOptions {
  /** Deflate the page content (default). Tests turn it off to read the text the page draws. */
  compress?: boolean;
}

/** 4 × 6 inches, in PDF points. */
export const LABEL_SIZE = { width: 288, height: 432 } as const;
const MARGIN = 14;
const INNER = LABEL_SIZE.width - 2 * MARGIN;
/** The width of a Code 128 module on paper: 1 pt ≈ 0.35 mm (14 mil), inside every scanner's range. */
const MODULE_PT = 1;
/** Code 128 wants ten modules of white on either side, QR four all round. */
const CODE128_QUIET_MODULES = 10;
const QR_QUIET_MODULES = 4;
const ADDRESS_LEADING = 13;

export async function renderReturnLabel(input: ReturnLabelInput, options: ReturnLabelOptions = {}): Promise<Buffer> {
  const code128 = code128Of(input.rmaNumber);
  const qr = qrCodeOf(input.rmaNumber);
  const doc = new PDFDocument({
    size: [LABEL_SIZE.width, LABEL_SIZE.height],
    margin: 0,
    autoFirstPage: true,
    compress: options.compress ?? true,
    info: {
      Title: `Return label ${input.rmaNumber}`,
      Subject: `Return ${input.rmaNumber} to ${input.shipTo.siteName}`,
      Creator: 'Boomerang',
      Producer: 'Boomerang',
      CreationDate: input.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Header: a black band that says RETURN, readable from across the dock.
  doc.rect(0, 0, LABEL_SIZE.width, 54).fill('#000000');
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(38)
    .text('RETURN', MARGIN, 10, { width: INNER, lineBreak: false });
  doc.fillColor('#000000');

  // The RMA number, large, with its Code 128 beneath.
  doc.font('Helvetica').fontSize(8).text('RMA NUMBER', MARGIN, 64, { width: INNER, lineBreak: false });
  doc.fontSize(fitFontSize(doc.font('Helvetica-Bold'), pdfText(input.rmaNumber), 30, INNER));
  oneLine(doc, input.rmaNumber, MARGIN, 75, INNER);
  drawCode128(doc, code128, { top: 112, height: 62 });
  doc
    .font('Courier')
    .fontSize(9)
    .text(pdfText(input.rmaNumber), MARGIN, 178, { width: INNER, align: 'center', lineBreak: false });

  rule(doc, 194);

  // Where it goes: the routing site, with the QR code beside it (its box holds its quiet zone, so it
  // may reach into the label's margin; text stays out of it). The city line and the country are
  // always printed; street lines that do not fit are joined into one.
  const qrBox = { left: LABEL_SIZE.width - 106, top: 200, size: 100 };
  const addressWidth = qrBox.left - MARGIN - 2;
  doc.font('Helvetica').fontSize(8).text('SHIP TO', MARGIN, 202, { width: addressWidth, lineBreak: false });
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(pdfText(input.shipTo.siteName), MARGIN, 214, { width: addressWidth, height: 32, ellipsis: true });
  doc.font('Helvetica').fontSize(11);
  const addressTop = doc.y + 2;
  const room = Math.floor((300 - addressTop) / ADDRESS_LEADING);
  const street = input.shipTo.addressLines.filter(present);
  const tail = [cityLineOf(input.shipTo), countryNameOf(input.shipTo.country)].filter(present);
  const address = [...(street.length + tail.length > room ? [street.join(', ')] : street), ...tail].filter(present);
  address.slice(0, room).forEach((line, index) => {
    oneLine(doc, line, MARGIN, addressTop + index * ADDRESS_LEADING, addressWidth);
  });
  drawQrCode(doc, qr, qrBox);

  rule(doc, 306);

  // Who sends it, and what the parcel holds.
  doc.font('Helvetica').fontSize(8).text('FROM', MARGIN, 314, { width: INNER, lineBreak: false });
  doc.font('Helvetica-Bold').fontSize(11);
  oneLine(doc, input.customerName, MARGIN, 325, INNER);
  doc.font('Helvetica').fontSize(9);
  oneLine(doc, `Account ${input.customerAccount}`, MARGIN, 339, INNER);
  oneLine(doc, contentsOf(input.lines), MARGIN, 351, INNER);

  rule(doc, 368);

  // Until when the authorization holds, and what to do with the label.
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(authorizationOf(input.expiresOn), MARGIN, 375, { width: INNER, lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .text(`Issued ${input.issuedAt.toISOString().slice(0, 10)}`, MARGIN, 392, { width: INNER, lineBreak: false })
    .text(
      'Stick this label on the outside of the parcel and cover any other barcodes. Put the RMA document inside.',
      MARGIN,
      403,
      { width: INNER, height: 20, ellipsis: true },
    );

  doc.end();
  return finished;
}

/** Code 128's bars and spaces, in modules, alternating from a bar. */
function code128Of(text: string): number[] {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text });
  if (!symbol || !('sbs' in symbol)) throw new Error(`bwip-js gave no Code 128 for ${text}`);
  return symbol.sbs;
}

/** The QR code's modules, row by row (1 dark), error correction M (BWIPP's default). */
function qrCodeOf(text: string): { modules: number[]; size: number } {
  const [symbol] = bwipjs.raw({ bcid: 'qrcode', text });
  if (!symbol || !('pixs' in symbol)) throw new Error(`bwip-js gave no QR code for ${text}`);
  return { modules: symbol.pixs, size: symbol.pixx };
}

/**
 * The Code 128 centred on the label, one point per module with its quiet zone on either side, narrower
 * only when a long number would not fit.
 */
function drawCode128(doc: PDFKit.PDFDocument, widths: number[], at: { top: number; height: number }): void {
  const modules = widths.reduce((sum, width) => sum + width, 0);
  const module = Math.min(MODULE_PT, INNER / (modules + 2 * CODE128_QUIET_MODULES));
  let x = (LABEL_SIZE.width - modules * module) / 2;
  widths.forEach((width, index) => {
    if (index % 2 === 0) doc.rect(x, at.top, width * module, at.height);
    x += width * module;
  });
  doc.fill('#000000');
}

/** The QR code in a square box whose edge is its quiet zone; each run of dark modules in a row is one rectangle. */
function drawQrCode(
  doc: PDFKit.PDFDocument,
  qr: { modules: number[]; size: number },
  at: { left: number; top: number; size: number },
): void {
  const module = at.size / (qr.size + 2 * QR_QUIET_MODULES);
  const origin = { x: at.left + QR_QUIET_MODULES * module, y: at.top + QR_QUIET_MODULES * module };
  for (let row = 0; row < qr.size; row++) {
    let column = 0;
    while (column < qr.size) {
      if (qr.modules[row * qr.size + column] !== 1) {
        column++;
        continue;
      }
      const start = column;
      while (column < qr.size && qr.modules[row * qr.size + column] === 1) column++;
      doc.rect(origin.x + start * module, origin.y + row * module, (column - start) * module, module);
    }
  }
  doc.fill('#000000');
}

/** The largest size up to `largest` at which the text fits the width in the document's current font. */
function fitFontSize(doc: PDFKit.PDFDocument, text: string, largest: number, width: number): number {
  const measured = doc.fontSize(largest).widthOfString(text);
  return measured <= width ? largest : Math.max(10, Math.floor((largest * width) / measured));
}

/** One line of text in the current font, cut with an ellipsis where it would not fit the width. */
function oneLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number): void {
  let line = pdfText(text);
  if (doc.widthOfString(line) > width) {
    while (line.length > 0 && doc.widthOfString(`${line}…`) > width) line = line.slice(0, -1);
    line = `${line.trimEnd()}…`;
  }
  doc.text(line, x, y, { width, lineBreak: false });
}

// The standard PDF fonts (no font files to ship) draw Windows-1252 ("WinAnsi") characters only:
// Latin-1 and a few more. Others are folded to their base letter where there is one (Ł → L,
// ő → o) and shown as "?" otherwise (a name in Chinese script prints as question marks; the RMA
// number and barcodes, which the dock works from, are ASCII).
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const BASE_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/** The text as the label's fonts can draw it. */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ')) {
    if (isWinAnsi(char)) out += char;
    else {
      const folded = BASE_LETTERS[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += folded !== '' && [...folded].every(isWinAnsi) ? folded : '?';
    }
  }
  return out;
}

function rule(doc: PDFKit.PDFDocument, y: number): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(LABEL_SIZE.width - MARGIN, y)
    .lineWidth(1)
    .stroke('#000000');
}

/** Countries whose addresses put the postal code before the city ("10115 Berlin"). */
const POSTAL_CODE_FIRST = new Set([
  'AT',
  'BE',
  'CH',
  'CZ',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GR',
  'HU',
  'IS',
  'IT',
  'LI',
  'LU',
  'MX',
  'NL',
  'NO',
  'PL',
  'PT',
  'SE',
  'SK',
]);

/** The city line as the destination's post writes it: "Columbus, OH 43004", or "10115 Berlin" in much of Europe. */
function cityLineOf(shipTo: ReturnLabelInput['shipTo']): string {
  if (POSTAL_CODE_FIRST.has(shipTo.country.toUpperCase()))
    return [shipTo.postalCode, shipTo.city, shipTo.region].filter(present).join(' ');
  return [shipTo.city, [shipTo.region, shipTo.postalCode].filter(present).join(' ')].filter(present).join(', ');
}

/** The country's English name in capitals, as the last line of an address that may cross a border. */
function countryNameOf(code: string): string {
  try {
    return (new Intl.DisplayNames(['en'], { type: 'region' }).of(code.trim().toUpperCase()) ?? code).toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

function authorizationOf(expiresOn: string | null | undefined): string {
  if (expiresOn === undefined) return 'Authorized return';
  return expiresOn === null ? 'Authorized: ship as soon as you can' : `Authorized until ${pdfText(expiresOn)}`;
}

function contentsOf(lines: { count: number; units: number }): string {
  const count = `${lines.count} ${lines.count === 1 ? 'line' : 'lines'}`;
  const units = `${lines.units} ${lines.units === 1 ? 'unit' : 'units'}`;
  return `Contents: ${count}, ${units}`;
}

function present(text: string): boolean {
  return text.trim() !== '';
}
