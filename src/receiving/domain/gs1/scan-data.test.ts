import { describe, expect, it } from 'vitest';
import { processScanData } from './scan-data.js';
import { casesOf, hasGs1Data, loadVectors, printable } from './syntax-engine-vectors.test-fixtures.js';
import type { EncoderState } from './syntax-engine-vectors.test-fixtures.js';

type Case = {
  should_succeed: boolean;
  scan_data: string;
  expected_symbology: string;
  expected_data: string;
  comment: string | null;
  line: number;
  state: EncoderState;
};

describe('scan data (plain)', () => {
  it('reads GS1-128 with GS separators into FNC1 notation', () => {
    expect(processScanData(']C1011234567890123117251231')).toMatchObject({
      ok: true,
      data: '^011234567890123117251231',
    });
    // 10… is variable length, so the GS before (17) is needed and kept as "^".
    expect(processScanData(']C110ABC\x1d17251231')).toMatchObject({ ok: true, data: '^10ABC^17251231' });
  });
});

describe.skipIf(!hasGs1Data)('scan data against the syntax-engine vectors', () => {
  const vectors = loadVectors();
  it.each(
    casesOf<Case>(vectors, 'processScanData').map(
      (c) => [`line ${c.line}: "${printable(c.scan_data)}"${c.comment ? ` — ${c.comment}` : ''}`, c] as const,
    ),
  )('processScanData %s', (_t, c) => {
    const result = processScanData(c.scan_data);
    expect(result.ok).toBe(c.should_succeed);
    if (result.ok) {
      expect(result.symbology).toBe(c.expected_symbology);
      expect(result.data).toBe(c.expected_data);
    } else {
      expect(c.expected_symbology).toBe('NONE');
    }
  });
});
