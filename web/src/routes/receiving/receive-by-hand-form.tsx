import { useState, type FormEvent } from 'react';
import type { ClaimedCondition } from '../../../../src/contracts/returns.js';
import type { ReceiveReturnBody } from '../../api/receipts.js';
import type { FormErrors } from '../../api/api-error.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';

type HandField = 'line' | 'quantity' | 'serials';

export interface HandLine {
  id: string;
  lineNumber: number;
  sku: string;
  productName: string;
  productId: string;
  expected: number;
}

/** Serial numbers as typed: one a line, or separated by commas or spaces. */
export function parseSerials(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((serial) => serial !== ''))];
}

/**
 * For goods whose barcode will not scan: choose the line, count them, type any serial numbers. Sent
 * to the same endpoint as a scan, with the line's product, and answered the same way.
 */
export function ReceiveByHandForm({
  lines,
  condition,
  siteId,
  onReceive,
  onRefuse,
}: {
  lines: HandLine[];
  condition: ClaimedCondition;
  siteId: string;
  onReceive: (body: ReceiveReturnBody, label: string) => Promise<boolean>;
  onRefuse: (label: string, message: string) => void;
}) {
  const [lineId, setLineId] = useState(lines.length === 1 ? (lines[0]?.id ?? '') : '');
  const [quantity, setQuantity] = useState('1');
  const [serials, setSerials] = useState('');
  const [errors, setErrors] = useState<FormErrors<HandField>>({});
  const [isSending, setIsSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const line = lines.find((candidate) => candidate.id === lineId);
    const count = Number(quantity);
    const serialList = parseSerials(serials);
    const missing: FormErrors<HandField> = {};
    if (!line) missing.line = 'Choose the line the goods belong to.';
    if (!Number.isInteger(count) || count < 1) missing.quantity = 'A whole number of units, at least 1.';
    else if (serialList.length > count) missing.serials = `${serialList.length} serial numbers for ${count} units.`;
    setErrors(missing);
    if (!line || Object.keys(missing).length > 0) return;
    const label = `By hand: ${count} × ${line.sku} (line ${line.lineNumber})`;
    if (siteId === '') {
      onRefuse(label, 'Choose the receiving site first.');
      return;
    }
    setIsSending(true);
    const isDone = await onReceive(
      {
        siteId,
        items: [
          {
            productId: line.productId,
            rmaLineId: line.id,
            quantity: count,
            serials: serialList,
            condition,
          },
        ],
      },
      label,
    );
    setIsSending(false);
    if (isDone) {
      setQuantity('1');
      setSerials('');
    }
  }

  return (
    <details className="panel receive-by-hand">
      <summary>
        <h2 className="receive-by-hand__title">Receive by hand</h2>
      </summary>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Receive by hand">
        <p className="muted">For goods whose barcode will not scan. The condition chosen above applies.</p>
        <div className="form-grid">
          <SelectField
            label="Line"
            value={lineId}
            placeholder="Choose the line"
            options={lines.map((line) => ({
              value: line.id,
              label: `Line ${line.lineNumber} · ${line.sku} · ${line.productName} (${line.expected} expected)`,
            }))}
            error={errors.line}
            onChange={(event) => {
              setLineId(event.target.value);
              setErrors(({ line: _dropped, ...rest }) => rest);
            }}
          />
          <TextField
            label="Quantity"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={quantity}
            error={errors.quantity}
            onChange={(event) => {
              setQuantity(event.target.value);
              setErrors(({ quantity: _dropped, ...rest }) => rest);
            }}
          />
        </div>
        <TextAreaField
          label="Serial numbers"
          hint="One a line, or separated by commas; leave empty for goods without serials."
          rows={2}
          value={serials}
          error={errors.serials}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setSerials(event.target.value);
            setErrors(({ serials: _dropped, ...rest }) => rest);
          }}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={isSending}>
            {isSending ? 'Receiving…' : 'Receive by hand'}
          </button>
        </div>
      </form>
    </details>
  );
}
