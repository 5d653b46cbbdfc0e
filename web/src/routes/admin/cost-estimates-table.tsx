import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { TextField } from '../../ui/field.js';
import type { CostEstimateDraft } from './rule-draft.js';

/** Repair and refurbishment estimates per category, as a share of the unit's value; '*' for the rest. */
export function CostEstimatesTable({
  rows,
  errors,
  categoriesListId,
  onChange,
}: {
  rows: CostEstimateDraft[];
  errors: Record<string, string>;
  categoriesListId: string;
  onChange: (rows: CostEstimateDraft[]) => void;
}) {
  const update = (key: string, changes: Partial<CostEstimateDraft>) => onChange(updateRow(rows, key, changes));
  return (
    <section className="panel" aria-labelledby="cost-estimates-title">
      <h2 id="cost-estimates-title">Cost estimates</h2>
      <p className="muted">
        What a repair and a refurbishment cost, as a percentage of the unit&apos;s value, per product category; * for
        any category without its own line. Rules compare these costs with the value; a work order starts from them.
      </p>
      {errors['costEstimates'] ? <p className="field__error">{errors['costEstimates']}</p> : null}
      <EditTable
        caption="Cost estimates by category"
        headers={['Category', 'Repair (% of value)', 'Refurbish (% of value)']}
      >
        {rows.map((row, index) => {
          const name = row.category || `estimate ${index + 1}`;
          return (
            <tr key={row.key}>
              <td>
                <TextField
                  label={`Category of ${name}`}
                  hideLabel
                  value={row.category}
                  list={categoriesListId}
                  placeholder="*"
                  error={errors[`costEstimates.${index}.category`]}
                  onChange={(event) => update(row.key, { category: event.target.value })}
                />
              </td>
              <td>
                <TextField
                  label={`Repair cost of ${name}`}
                  hideLabel
                  className="field--narrow"
                  inputMode="decimal"
                  value={row.repairPercent}
                  error={errors[`costEstimates.${index}.repairBps`] && 'A percentage such as 35 or 12.5.'}
                  onChange={(event) => update(row.key, { repairPercent: event.target.value })}
                />
              </td>
              <td>
                <TextField
                  label={`Refurbishment cost of ${name}`}
                  hideLabel
                  className="field--narrow"
                  inputMode="decimal"
                  value={row.refurbishPercent}
                  error={errors[`costEstimates.${index}.refurbishBps`] && 'A percentage such as 25 or 12.5.'}
                  onChange={(event) => update(row.key, { refurbishPercent: event.target.value })}
                />
              </td>
              <td>
                <RemoveRowButton rowName={name} onRemove={() => onChange(removeRow(rows, row.key))} />
              </td>
            </tr>
          );
        })}
      </EditTable>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: newRowKey(), category: '', repairPercent: '', refurbishPercent: '' }])}
      >
        + Add a category
      </button>
    </section>
  );
}
