// Each scan's answer in words: what the screen shows in colour, the log lists and screen readers announce.
import type { ReceiptResult } from '../../../../src/contracts/receiving.js';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { EXCEPTION_KIND_LABELS } from './receipt-labels.js';

export type ScanTone = 'pending' | 'ok' | 'exception' | 'refused';

export interface ScanAnswer {
  id: number;
  /** What was scanned or chosen, as people read it. */
  label: string;
  tone: ScanTone;
  title: string;
  detail: string;
}

const units = (count: number) => `${count} unit${count === 1 ? '' : 's'}`;

/** Green when everything went onto lines, amber when anything became an exception. */
export function answerFor(id: number, label: string, result: ReceiptResult, rma: RmaView): ScanAnswer {
  const lineOf = (rmaLineId: string) => rma.lines.find((line) => line.id === rmaLineId);
  const countsOf = (rmaLineId: string) => result.lines.find((line) => line.rmaLineId === rmaLineId);
  const received = result.received.map((entry) => {
    const line = lineOf(entry.rmaLineId);
    const counts = countsOf(entry.rmaLineId);
    const where = line ? `line ${line.lineNumber} (${line.sku})` : 'the return';
    const tally = counts ? `: ${counts.received} of ${counts.quantity} received` : '';
    return `${units(entry.quantity)} onto ${where}${tally}`;
  });
  const exceptions = result.exceptions.map(
    (exception) =>
      `${EXCEPTION_KIND_LABELS[exception.kind]}: ${exception.reason}` +
      (exception.productSku ? ` (${exception.productSku})` : ''),
  );
  if (exceptions.length === 0) {
    return { id, label, tone: 'ok', title: `Received ${received.join('; ')}.`, detail: '' };
  }
  return {
    id,
    label,
    tone: 'exception',
    title: `Exception: ${exceptions.join('; ')}.`,
    detail:
      (received.length > 0 ? `Received ${received.join('; ')}. ` : '') +
      'Put the goods aside: the exception waits in the queue for a decision.',
  };
}

export function refusalFor(id: number, label: string, message: string): ScanAnswer {
  // The server's own words, as it wrote them.
  return { id, label, tone: 'refused', title: `Refused: ${message}${/[.!?]$/.test(message) ? '' : '.'}`, detail: '' };
}
