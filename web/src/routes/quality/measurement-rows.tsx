import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { TextField } from '../../ui/field.js';
import type { MeasurementRow, RecordErrors } from './inspection-draft.js';

/** Measurements beyond the checklist's: whatever the inspector read that others should know. */
export function MeasurementRows({
  rows,
  errors,
  disabled,
  onChange,
}: {
  rows: MeasurementRow[];
  errors: RecordErrors;
  disabled: boolean;
  onChange: (rows: MeasurementRow[]) => void;
}) {
  return (
    <div className="measurement-rows">
      <h3>Other measurements</h3>
      {rows.length > 0 ? (
        <EditTable caption="Other measurements" headers={['Measurement', 'Value', 'Unit']}>
          {rows.map((row, index) => {
            const rowName = row.name || `measurement ${index + 1}`;
            return (
              <tr key={row.key}>
                <td>
                  <TextField
                    label={`Measurement ${index + 1}`}
                    hideLabel
                    value={row.name}
                    maxLength={80}
                    disabled={disabled}
                    error={errors[`measurements.${index}.name`]}
                    onChange={(event) => onChange(updateRow(rows, row.key, { name: event.target.value }))}
                  />
                </td>
                <td>
                  <TextField
                    label={`Value of ${rowName}`}
                    hideLabel
                    inputMode="decimal"
                    value={row.value}
                    disabled={disabled}
                    error={errors[`measurements.${index}.value`]}
                    onChange={(event) => onChange(updateRow(rows, row.key, { value: event.target.value }))}
                  />
                </td>
                <td>
                  <TextField
                    label={`Unit of ${rowName}`}
                    hideLabel
                    value={row.unit}
                    maxLength={20}
                    disabled={disabled}
                    error={errors[`measurements.${index}.unit`]}
                    onChange={(event) => onChange(updateRow(rows, row.key, { unit: event.target.value }))}
                  />
                </td>
                <td>
                  {disabled ? null : (
                    <RemoveRowButton rowName={rowName} onRemove={() => onChange(removeRow(rows, row.key))} />
                  )}
                </td>
              </tr>
            );
          })}
        </EditTable>
      ) : null}
      {disabled ? null : (
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...rows, { key: newRowKey(), name: '', value: '', unit: '' }])}
        >
          Add a measurement
        </button>
      )}
    </div>
  );
}
