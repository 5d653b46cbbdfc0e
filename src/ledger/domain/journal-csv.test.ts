import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../contracts/ledger.js';
import { journalCsv } from './journal-csv.js';

const HEADER =
  'entry_number,posting_date,period,event,source_type,source_id,rma_number,reverses_entry_id,line,account_code,account_name,debit_minor,credit_minor,currency,memo,description';

function entry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 'je_1',
    entryNumber: 'JE-000001',
    legalEntityId: 'le_1',
    postingDate: '2026-11-26',
    period: '2026-11',
    currency: 'USD',
    description: 'Goods received: 2 units',
    event: 'receipt.recorded',
    sourceType: 'receipt',
    sourceId: 'rcp_1',
    rmaId: 'rma_1',
    rmaNumber: 'RMA-2026-000001',
    reversesEntryId: null,
    reversedByEntryId: null,
    totalMinor: 12_000,
    postedAt: '2026-11-26T10:00:00.000Z',
    postedBy: 'warehouse@test.local',
    lines: [
      {
        lineNumber: 1,
        accountId: 'acc_1410',
        accountCode: '1410',
        accountName: 'Returns inventory — awaiting inspection',
        debitMinor: 12_000,
        creditMinor: 0,
        memo: 'received: awaiting inspection',
      },
      {
        lineNumber: 2,
        accountId: 'acc_5000',
        accountCode: '5000',
        accountName: 'Cost of goods sold',
        debitMinor: 0,
        creditMinor: 12_000,
        memo: 'received: awaiting inspection',
      },
    ],
    ...overrides,
  };
}

const rowsOf = (csv: string) => csv.split('\r\n');

describe('journalCsv', () => {
  it('a header, then one row per line with the entry’s fields repeated, CRLF after every row', () => {
    const csv = journalCsv([entry()]);
    expect(csv).toBe(
      [
        HEADER,
        'JE-000001,2026-11-26,2026-11,receipt.recorded,receipt,rcp_1,RMA-2026-000001,,1,1410,Returns inventory — awaiting inspection,12000,0,USD,received: awaiting inspection,Goods received: 2 units',
        'JE-000001,2026-11-26,2026-11,receipt.recorded,receipt,rcp_1,RMA-2026-000001,,2,5000,Cost of goods sold,0,12000,USD,received: awaiting inspection,Goods received: 2 units',
        '',
      ].join('\r\n'),
    );
    // No bare LF anywhere: every line break is CRLF.
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('an empty journal is the header alone', () => {
    expect(journalCsv([])).toBe(`${HEADER}\r\n`);
    // An entry without lines adds no row.
    expect(journalCsv([entry({ lines: [] })])).toBe(`${HEADER}\r\n`);
  });

  it('empty cells for nulls; a reversal names the entry it reverses', () => {
    const csv = journalCsv([entry({ rmaId: null, rmaNumber: null, reversesEntryId: 'je_0' })]);
    const cells = rowsOf(csv)[1]!.split(',');
    expect(cells[6]).toBe('');
    expect(cells[7]).toBe('je_0');
  });

  it('quotes cells with commas, quotes, CR or LF, doubling the quotes inside (RFC 4180)', () => {
    const csv = journalCsv([
      entry({
        description: 'Shipped back to the customer (1Z1, "urgent")',
        lines: [
          { ...entry().lines[0]!, accountName: 'Returns, awaiting inspection', memo: 'line one\nline two' },
          { ...entry().lines[1]!, memo: 'carriage\rreturn' },
        ],
      }),
    ]);
    expect(csv).toContain(',"Returns, awaiting inspection",');
    expect(csv).toContain(',"line one\nline two",');
    expect(csv).toContain(',"carriage\rreturn",');
    expect(csv).toContain(',"Shipped back to the customer (1Z1, ""urgent"")"\r\n');
    expect(parse(csv)[1]).toEqual([
      'JE-000001',
      '2026-11-26',
      '2026-11',
      'receipt.recorded',
      'receipt',
      'rcp_1',
      'RMA-2026-000001',
      '',
      '1',
      '1410',
      'Returns, awaiting inspection',
      '12000',
      '0',
      'USD',
      'line one\nline two',
      'Shipped back to the customer (1Z1, "urgent")',
    ]);
  });

  it('guards against formula injection: text starting with = + - @ tab or CR is prefixed with a tick', () => {
    const memos = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\r=1'];
    const csv = journalCsv([
      entry({
        description: '=cmd|" /C calc"!A0',
        lines: memos.map((memo, i) => ({ ...entry().lines[0]!, lineNumber: i + 1, memo })),
      }),
    ]);
    const parsed = parse(csv).slice(1);
    expect(parsed.map((row) => row[14])).toEqual(memos.map((memo) => `'${memo}`));
    for (const row of parsed) expect(row[15]).toBe(`'=cmd|" /C calc"!A0`);
    // Quoting still applies after the tick.
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
  });

  it('leaves numbers and harmless text alone', () => {
    const csv = journalCsv([
      entry({
        description: 'a = b',
        lines: [{ ...entry().lines[0]!, memo: 'in repair → saleable', debitMinor: 0, creditMinor: 5 }],
      }),
    ]);
    const row = parse(csv)[1]!;
    expect(row.slice(11, 16)).toEqual(['0', '5', 'USD', 'in repair → saleable', 'a = b']);
  });
});

/** A small RFC 4180 reader, to read back what the writer wrote. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}
