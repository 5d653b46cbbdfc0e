// A credit or debit adjustment as an 812: a credit memo we issued to a customer (credit), or a
// supplier claim we raise against a supplier (debit). Pure; the workflow reads the memo or claim.
import type { Segment } from '../x12/index.js';
import { clean } from './outbound-envelope.js';

export type AdjustmentLine = {
  /** CDD01, element 426: 11 returns – damage, 12 returns – quality, 72 authorized return … */
  reasonCode: string;
  creditOrDebit: 'C' | 'D';
  lineId: string;
  amountMinor: number;
  quantity: number;
  unitPriceMinor: number;
  itemQualifier: string;
  itemId: string;
};

export type Adjustment = {
  number: string;
  date: string;
  creditOrDebit: 'C' | 'D';
  totalMinor: number;
  currency: string;
  /** Decimal places of the currency (ISO 4217): amounts are written in its major unit. */
  minorUnits: number;
  poNumber: string | null;
  references: Array<{ qualifier: string; value: string }>;
  parties: Array<{ code: string; name: string; idQualifier?: string; id?: string }>;
  lines: AdjustmentLine[];
};

/** Adjustment reason codes (426) Boomerang writes. */
export const ADJUSTMENT_REASONS = {
  returnsDamage: '11',
  returnsQuality: '12',
  returnsRecall: '15',
  authorizedReturn: '72',
  processingCharge: '49',
} as const;

export function adjustment812(doc: Adjustment): Segment[] {
  const decimal = (minor: number) => toDecimal(minor, doc.minorUnits);
  return [
    {
      id: 'BCD',
      elements: trimTrailing([
        doc.date,
        clean(doc.number, 22),
        'I',
        decimal(doc.totalMinor),
        doc.creditOrDebit,
        '',
        '',
        '',
        '',
        doc.poNumber ? clean(doc.poNumber, 22) : '',
        '00',
      ]),
    },
    { id: 'CUR', elements: ['SE', doc.currency] },
    ...doc.references.map((r) => ({ id: 'N9', elements: [r.qualifier, clean(r.value, 50)] })),
    ...doc.parties.map((p) => ({
      id: 'N1',
      elements: p.id
        ? [p.code, clean(p.name, 60), p.idQualifier ?? '91', clean(p.id, 80)]
        : [p.code, clean(p.name, 60)],
    })),
    ...doc.lines.flatMap((line): Segment[] => [
      {
        id: 'CDD',
        elements: [
          line.reasonCode,
          line.creditOrDebit,
          clean(line.lineId, 20),
          impliedTwoDecimals(line.amountMinor, doc.minorUnits),
          'Y',
          '',
          String(line.quantity),
          'EA',
          '',
          'UCP',
          decimal(line.unitPriceMinor),
        ],
      },
      { id: 'LIN', elements: ['', line.itemQualifier, clean(line.itemId, 48)] },
    ]),
  ];
}

/** 1234 minor units of a 2-decimal currency → "12.34"; of JPY (0) → "1234". */
export function toDecimal(minor: number, minorUnits: number): string {
  if (minorUnits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(minorUnits + 1, '0');
  return `${sign}${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
}

/** CDD04 is type N2: an integer with two implied decimals, whatever the currency's own. */
export function impliedTwoDecimals(minor: number, minorUnits: number): string {
  return String(Math.round((minor * 100) / 10 ** minorUnits));
}

function trimTrailing(elements: string[]): string[] {
  const copy = [...elements];
  while (copy.length > 1 && copy.at(-1) === '') copy.pop();
  return copy;
}
