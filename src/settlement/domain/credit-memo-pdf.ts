// The credit memo as a document (A4 PDF): who is credited, for which return, each line with how it
// was computed, and the totals. PDFKit's standard Helvetica needs no font files; same memo, same
// bytes (the creation date is the issue time).
import PDFDocument from 'pdfkit';
import { formatMinor } from '../../platform/money/format-money.js';
import type { CreditMemo } from '../../contracts/settlement.js';

// PDFKit's standard fonts print Windows-1252 alone: any other character (the minus sign of the
// explanations, a name in another script) would come out as stray bytes. It is folded to its base
// letters, or printed as '?'.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
};
export function printable(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ').replaceAll('\u2212', '-')) {
    const folded = isWinAnsi(char) ? char : char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += folded !== '' && [...folded].every(isWinAnsi) ? folded : '?';
  }
  return out;
}

export interface CreditMemoDocument {
  memo: CreditMemo;
  issuer: { name: string; code: string };
}

export async function renderCreditMemoPdf(
  input: CreditMemoDocument,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const { memo } = input;
  const number = memo.creditMemoNumber ?? `draft ${memo.id}`;
  const when = new Date(memo.issuedAt ?? memo.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: {
      Title: `Credit memo ${number}`,
      Subject: `Credit for return ${memo.rmaNumber ?? memo.rmaId}`,
      Creator: 'Boomerang',
      Producer: 'Boomerang',
      CreationDate: when,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (minor: number) => formatMinor(minor, memo.currency);

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(printable(`Credit memo ${number}`));
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  doc.text(printable(`${input.issuer.name} (${input.issuer.code})`));
  doc.text(`Issued: ${memo.issuedAt ? memo.issuedAt.slice(0, 10) : 'not issued'}    Status: ${memo.status}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Credited to');
  doc.font('Helvetica').text(printable(memo.customerName ?? memo.customerId));
  doc.text(printable(`Return ${memo.rmaNumber ?? memo.rmaId}`));
  doc.moveDown();

  const columns = [50, 130, 180, 260, 340, 420];
  const header = ['Product', 'Units', 'Price', 'Tax', 'Fee/deduction', 'Credit'];
  doc.font('Helvetica-Bold');
  const top = doc.y;
  header.forEach((text, i) => doc.text(text, columns[i], top, { width: 80 }));
  doc.font('Helvetica');
  for (const line of memo.lines) {
    const y = doc.y + 6;
    const cells = [
      printable(line.productSku ?? line.productId),
      String(line.quantity),
      money(line.priceMinor),
      money(line.taxMinor),
      money(-(line.restockingFeeMinor + line.deductionMinor)),
      money(line.totalMinor),
    ];
    cells.forEach((text, i) => doc.text(text, columns[i], y, { width: 80 }));
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(printable(line.explanation), 50, doc.y + 2, { width: 495 });
    doc.fontSize(10).fillColor('#000');
  }
  doc.moveDown();
  const totals: Array<[string, number]> = [
    ['Price', memo.priceMinor],
    ['Tax given back', memo.taxMinor],
    ['Restocking fee', -memo.restockingFeeMinor],
    ['Deduction (inspection)', -memo.deductionMinor],
    ['Total credited', memo.totalMinor],
  ];
  for (const [label, amount] of totals) {
    const y = doc.y;
    doc.font(label === 'Total credited' ? 'Helvetica-Bold' : 'Helvetica');
    doc.text(label, 300, y, { width: 120 });
    doc.text(money(amount), 420, y, { width: 125, align: 'right' });
  }
  doc.end();
  return finished;
}
