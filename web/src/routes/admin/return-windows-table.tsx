import { CUSTOMER_TIERS } from '../../../../src/contracts/masterdata.js';
import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { SelectField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { useProductFacets } from '../../api/products.js';

export interface WindowDraft {
  key: string;
  tier: string;
  category: string;
  days: string;
}

const TIER_OPTIONS = [
  { value: '*', label: 'Any tier' },
  ...CUSTOMER_TIERS.map((tier) => ({ value: tier, label: humanize(tier) })),
];

/** Specific return windows: tier + category beats tier + any, which beats any + category. */
export function ReturnWindowsTable({
  windows,
  errors,
  onChange,
}: {
  windows: WindowDraft[];
  errors: Record<string, string>;
  onChange: (windows: WindowDraft[]) => void;
}) {
  const facets = useProductFacets();
  function update(key: string, changes: Partial<WindowDraft>) {
    onChange(updateRow(windows, key, changes));
  }
  /**
   * Categories are picked from the catalogue, never typed: a misspelt one matched no product and
   * its window silently never applied. A value the rule already has stays offered, even if no
   * product carries it (yet).
   */
  function categoryOptions(current: string) {
    const known = facets.data?.categories ?? [];
    const values = current === '*' || known.includes(current) ? known : [current, ...known];
    return [{ value: '*', label: 'Any category' }, ...values.map((value) => ({ value, label: value }))];
  }

  function add() {
    onChange([...windows, { key: newRowKey(), tier: '*', category: '*', days: '30' }]);
  }

  return (
    <section className="panel" aria-labelledby="windows-title">
      <h2 id="windows-title">Return windows by tier and category</h2>
      <p className="muted">The most specific match wins. Use * for “any”.</p>
      {windows.length > 0 ? (
        <EditTable caption="Return windows" headers={['Customer tier', 'Product category', 'Days']}>
          {windows.map((window, index) => (
            <tr key={window.key}>
              <td>
                <SelectField
                  label={`Tier of window ${index + 1}`}
                  hideLabel
                  value={window.tier}
                  options={TIER_OPTIONS}
                  error={errors[`windows.${index}.tier`]}
                  onChange={(event) => update(window.key, { tier: event.target.value })}
                />
              </td>
              <td>
                <SelectField
                  label={`Category of window ${index + 1}`}
                  hideLabel
                  value={window.category}
                  options={categoryOptions(window.category)}
                  error={errors[`windows.${index}.category`]}
                  onChange={(event) => update(window.key, { category: event.target.value })}
                />
              </td>
              <td>
                <TextField
                  label={`Days of window ${index + 1}`}
                  hideLabel
                  type="number"
                  min={0}
                  value={window.days}
                  error={errors[`windows.${index}.days`] && 'Whole days, 0 to 3650.'}
                  onChange={(event) => update(window.key, { days: event.target.value })}
                />
              </td>
              <td>
                <RemoveRowButton
                  rowName={`window ${index + 1}`}
                  onRemove={() => onChange(removeRow(windows, window.key))}
                />
              </td>
            </tr>
          ))}
        </EditTable>
      ) : (
        <p className="muted">No specific windows: the default applies to everything.</p>
      )}
      <button type="button" className="button" onClick={add}>
        + Add a window
      </button>
    </section>
  );
}
