import { describe, expect, it } from 'vitest';
import { detectDelimiters } from './delimiters.js';
import { X12Error } from './x12-error.js';

const isa = (version: string, isa11: string, separator = '*', tail = '>~') =>
  [
    'ISA',
    '00',
    '          ',
    '00',
    '          ',
    'ZZ',
    'SENDER         ',
    'ZZ',
    'RECEIVER       ',
    '240102',
    '1200',
    isa11,
    version,
    '000000001',
    '0',
    'P',
  ].join(separator) +
  separator +
  tail;

describe('detectDelimiters', () => {
  it('reads element, component and segment terminator from the ISA', () => {
    expect(detectDelimiters(isa('00401', 'U') + 'GS*…')).toEqual({
      element: '*',
      component: '>',
      repetition: undefined,
      segment: '~',
      suffix: '',
    });
  });

  it('takes ISA11 as the repetition separator from version 00402 on, and not before', () => {
    expect(detectDelimiters(isa('00501', '^')).repetition).toBe('^');
    expect(detectDelimiters(isa('00401', '^')).repetition).toBeUndefined();
    // A mis-typed version with the old standards id in ISA11: a letter is never a separator.
    expect(detectDelimiters(isa('04010', 'U')).repetition).toBeUndefined();
  });

  it('skips a BOM and leading whitespace, and keeps the line break after the terminator as suffix', () => {
    const delimiters = detectDelimiters('\uFEFF \r\n' + isa('00401', 'U', '|', ':\\\r\nGS|…'));
    expect(delimiters).toMatchObject({ element: '|', component: ':', segment: '\\', suffix: '\r\n' });
  });

  it('counts separators rather than offsets, so a short or non-ASCII ISA still works', () => {
    const shortIsa = 'ISA*00**00**01*SENDERID*02*RECEIVER’S ID*170509*1246*U*00204*111111111*1*T*>~GS*…';
    expect(detectDelimiters(shortIsa)).toMatchObject({ component: '>', segment: '~' });
  });

  it('names the segment when there is no ISA or it is cut short', () => {
    expect(() => detectDelimiters('GS*IN*A*B~')).toThrow(
      new X12Error({ segmentIndex: 0, code: 'bad-header', message: '' }).constructor,
    );
    expect(() => detectDelimiters('GS*IN*A*B~')).toThrow('segment 1 (GS): an interchange must start with ISA');
    expect(() => detectDelimiters('ISA*00*          *00*')).toThrow(
      'segment 1 (ISA): found 4 element separators, an ISA has 16',
    );
  });
});
