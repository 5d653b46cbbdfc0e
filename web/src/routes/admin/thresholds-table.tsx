import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { TextField } from '../../ui/field.js';
import { majorTextToMinor } from '../../ui/money.js';

export interface ThresholdDraft {
  key: string;
  currency: string;
  amount: string;
}

/**
 * Minor units per currency for the API; a row whose amount does not parse becomes NaN so the
 * shared schema reports it against that currency.
 */
export function thresholdsFromDrafts(drafts: ThresholdDraft[]): Record<string, number> {
  return Object.fromEntries(
    drafts.map((draft) => {
      const currency = draft.currency.trim().toUpperCase();
      return [currency, majorTextToMinor(draft.amount, currency) ?? Number.NaN];
    }),
  );
}

export function ThresholdsTable({
  thresholds,
  errors,
  onChange,
}: {
  thresholds: ThresholdDraft[];
  errors: Record<string, string>;
  onChange: (thresholds: ThresholdDraft[]) => void;
}) {
  function update(key: string, changes: Partial<ThresholdDraft>) {
    onChange(updateRow(thresholds, key, changes));
  }

  function add() {
    onChange([...thresholds, { key: newRowKey(), currency: '', amount: '' }]);
  }

  return (
    <section className="panel" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">Value thresholds</h2>
      <p className="muted">
        A return worth more than this needs a manager&apos;s approval. Amounts in the currency&apos;s major unit.
      </p>
      <EditTable caption="Value thresholds by currency" headers={['Currency', 'Threshold']}>
        {thresholds.map((row, index) => {
          const currency = row.currency.trim().toUpperCase();
          const error = errors[`valueThresholds.${currency}`];
          return (
            <tr key={row.key}>
              <td>
                <TextField
                  label={`Currency of threshold ${index + 1}`}
                  hideLabel
                  className="field--narrow"
                  value={row.currency}
                  maxLength={3}
                  placeholder="EUR"
                  error={!/^[A-Z]{3}$/.test(currency) && error ? 'A 3-letter ISO 4217 code.' : undefined}
                  onChange={(event) => update(row.key, { currency: event.target.value.toUpperCase() })}
                />
              </td>
              <td>
                <TextField
                  label={`Threshold in ${currency || `currency ${index + 1}`}`}
                  hideLabel
                  className="field--amount"
                  inputMode="decimal"
                  value={row.amount}
                  error={/^[A-Z]{3}$/.test(currency) && error ? 'Enter an amount such as 2500.00.' : undefined}
                  onChange={(event) => update(row.key, { amount: event.target.value })}
                />
              </td>
              <td>
                <RemoveRowButton
                  rowName={currency || `threshold ${index + 1}`}
                  onRemove={() => onChange(removeRow(thresholds, row.key))}
                />
              </td>
            </tr>
          );
        })}
      </EditTable>
      <button type="button" className="button" onClick={add}>
        + Add a currency
      </button>
    </section>
  );
}
