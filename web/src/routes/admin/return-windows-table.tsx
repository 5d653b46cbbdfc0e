import { CUSTOMER_TIERS } from '../../../../src/contracts/masterdata.js';
import { SelectField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';

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
let windowCounter = 0;

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
  function update(key: string, changes: Partial<WindowDraft>) {
    onChange(windows.map((window) => (window.key === key ? { ...window, ...changes } : window)));
  }

  function add() {
    windowCounter += 1;
    onChange([...windows, { key: `new-${windowCounter}`, tier: '*', category: '*', days: '30' }]);
  }

  return (
    <section className="panel" aria-labelledby="windows-title">
      <h2 id="windows-title">Return windows by tier and category</h2>
      <p className="muted">The most specific match wins. Use * for “any”.</p>
      {windows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table edit-table">
            <caption className="visually-hidden">Return windows</caption>
            <thead>
              <tr>
                <th scope="col">Customer tier</th>
                <th scope="col">Product category</th>
                <th scope="col">Days</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                    <TextField
                      label={`Category of window ${index + 1}`}
                      hideLabel
                      value={window.category}
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
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onChange(windows.filter((candidate) => candidate.key !== window.key))}
                    >
                      Remove<span className="visually-hidden"> window {index + 1}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No specific windows: the default applies to everything.</p>
      )}
      <button type="button" className="button" onClick={add}>
        + Add a window
      </button>
    </section>
  );
}
