import { describe, expect, it } from 'vitest';
import { parseX12 } from './parse.js';
import { writeX12 } from './write.js';
import { X12Error } from './x12-error.js';

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240102*1200*^*00501*000000007*0*P*:';

/** A one-set interchange; `body` goes between ST and SE, and the trailers can be overridden. */
function interchange(body: string[], trailers: { se?: string; ge?: string; iea?: string } = {}): string {
  return [
    ISA,
    'GS*RA*SENDER*RECEIVER*20240102*1200*42*X*005010',
    'ST*180*0001',
    ...body,
    trailers.se ?? `SE*${body.length + 2}*0001`,
    trailers.ge ?? 'GE*1*42',
    trailers.iea ?? 'IEA*1*000000007',
  ]
    .filter((segment) => segment !== '')
    .join('~\n')
    .concat('~\n');
}

const BODY = ['BGN*00*RMA-1*20240102', 'BLI*SK*ABC-1*2*EA', 'RDR*01*DEF'];

function errorOf(run: () => unknown): X12Error {
  try {
    run();
  } catch (error) {
    if (error instanceof X12Error) return error;
    throw error;
  }
  throw new Error('expected an X12Error');
}

describe('parseX12', () => {
  it('splits segments and elements and builds the envelope tree', () => {
    const parsed = parseX12(interchange(BODY));
    expect(parsed.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'BGN', 'BLI', 'RDR', 'SE', 'GE', 'IEA']);
    expect(parsed.segments[4]).toEqual({ id: 'BLI', elements: ['SK', 'ABC-1', '2', 'EA'] });
    const [isa] = parsed.interchanges;
    expect(isa?.controlNumber).toBe('000000007');
    expect(isa?.groups[0]?.controlNumber).toBe('42');
    expect(isa?.groups[0]?.transactionSets[0]).toMatchObject({ code: '180', controlNumber: '0001' });
    expect(isa?.groups[0]?.transactionSets[0]?.segments).toHaveLength(5);
    expect(parsed.problems).toEqual([]);
  });

  it('writes back to text that parses to the same segments', () => {
    const parsed = parseX12(interchange(BODY));
    const text = writeX12(parsed.segments, parsed.delimiters);
    expect(text).toBe(interchange(BODY));
    expect(parseX12(text).segments).toEqual(parsed.segments);
  });

  it('names the segment and element of a wrong SE01 count', () => {
    const error = errorOf(() => parseX12(interchange(BODY, { se: 'SE*6*0001' })));
    expect(error.code).toBe('count-mismatch');
    expect(error.message).toBe('segment 7 (SE): SE01 says 6 segments, the transaction set has 5');
  });

  it('names mismatched control numbers, trailer against header', () => {
    expect(() => parseX12(interchange(BODY, { se: 'SE*5*0002' }))).toThrow(
      "segment 7 (SE): SE02 is '0002' but ST02 is '0001'",
    );
    expect(() => parseX12(interchange(BODY, { ge: 'GE*1*43' }))).toThrow(
      "segment 8 (GE): GE02 is '43' but GS06 is '42'",
    );
    expect(() => parseX12(interchange(BODY, { iea: 'IEA*1*000000008' }))).toThrow(
      "segment 9 (IEA): IEA02 is '000000008' but ISA13 is '000000007'",
    );
    expect(() => parseX12(interchange(BODY, { ge: 'GE*2*42' }))).toThrow(
      'segment 8 (GE): GE01 says 2 transaction sets, the group has 1',
    );
  });

  it('reports missing trailers and segments outside an envelope', () => {
    expect(() => parseX12(interchange(BODY, { ge: '' }))).toThrow('segment 8 (IEA): group 42 has no GE before IEA');
    expect(() => parseX12(interchange(BODY, { iea: '' }))).toThrow(
      'segment 9 (end): interchange 000000007 has no IEA before the end of the text',
    );
    expect(() => parseX12(interchange(BODY) + 'BLI*SK*X~')).toThrow(
      'segment 10 (BLI): a segment outside any transaction set',
    );
  });

  it('in lenient mode returns every problem, in order, with the segments', () => {
    const parsed = parseX12(interchange(BODY, { se: 'SE*9*0002', iea: 'IEA*2*000000007' }), { strict: false });
    expect(parsed.segments).toHaveLength(9);
    expect(parsed.problems.map((p) => [p.segmentIndex, p.code, p.element])).toEqual([
      [6, 'count-mismatch', 'SE01'],
      [6, 'control-number-mismatch', 'SE02'],
      [8, 'count-mismatch', 'IEA01'],
    ]);
  });

  it('checks segments against a dictionary when one is given', () => {
    const dictionary = new Map(
      Object.entries({ ISA: 16, GS: 8, ST: 3, SE: 2, GE: 2, IEA: 2, BGN: 3, BLI: 4, RDR: 2 }).map(([id, max]) => [
        id,
        { maxElements: max },
      ]),
    );
    expect(() => parseX12(interchange(BODY), { dictionary })).not.toThrow();
    expect(() => parseX12(interchange(['BGX*00*RMA-1']), { dictionary })).toThrow(
      'segment 4 (BGX): BGX is not a known segment',
    );
    expect(() => parseX12(interchange(['RDR*01*DEF*GHI']), { dictionary })).toThrow(
      'segment 4 (RDR): 3 elements, RDR has at most 2 (RDR03 is one too many)',
    );
    expect(() => parseX12(interchange(['RDR*01:02*DEF']), { dictionary })).toThrow(
      'segment 4 (RDR): RDR01 is a simple element but has 2 components',
    );
    expect(() => parseX12(interchange(['rdr*01']))).toThrow('segment 4 (rdr): "rdr" is not a segment id');
  });
});
