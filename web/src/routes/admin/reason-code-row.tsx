import type { z } from 'zod';
import type { ReasonCodeSchema } from '../../../../src/contracts/configuration.js';
import { RemoveRowButton } from '../../ui/edit-table.js';
import { CheckboxField, SelectField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';

export type ReasonCodeEntry = z.infer<typeof ReasonCodeSchema>;
export interface ReasonCodeDraft {
  key: string;
  isNew: boolean;
  entry: ReasonCodeEntry;
}

const FAULTS: ReasonCodeEntry['fault'][] = ['customer', 'distributor', 'supplier', 'carrier', 'none'];
const FAULT_OPTIONS = FAULTS.map((fault) => ({ value: fault, label: humanize(fault) }));

export function ReasonCodeRow({
  row,
  errors,
  errorPrefix,
  onChange,
  onRemove,
}: {
  row: ReasonCodeDraft;
  errors: Record<string, string>;
  errorPrefix: string;
  onChange: (changes: Partial<ReasonCodeEntry>) => void;
  onRemove: () => void;
}) {
  const { entry } = row;
  const name = entry.code || 'new code';
  return (
    <tr className={entry.isActive ? undefined : 'row--inactive'}>
      <td>
        {row.isNew ? (
          <TextField
            label={`Code of ${name}`}
            hideLabel
            value={entry.code}
            placeholder="E.G. WRONG_SIZE"
            error={errors[`${errorPrefix}code`]}
            onChange={(event) => onChange({ code: event.target.value.toUpperCase() })}
          />
        ) : (
          <code>{entry.code}</code>
        )}
      </td>
      <td>
        <TextField
          label={`Label of ${name}`}
          hideLabel
          value={entry.label}
          error={errors[`${errorPrefix}label`]}
          onChange={(event) => onChange({ label: event.target.value })}
        />
      </td>
      <td>
        <TextField
          label={`Description of ${name}`}
          hideLabel
          value={entry.description}
          error={errors[`${errorPrefix}description`]}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </td>
      <td>
        <SelectField
          label={`Fault for ${name}`}
          hideLabel
          value={entry.fault}
          options={FAULT_OPTIONS}
          error={errors[`${errorPrefix}fault`]}
          onChange={(event) => onChange({ fault: event.target.value as ReasonCodeEntry['fault'] })}
        />
      </td>
      <td>
        <CheckboxField
          label={<span className="visually-hidden">{`${name} is active`}</span>}
          checked={entry.isActive}
          onChange={(event) => onChange({ isActive: event.target.checked })}
        />
      </td>
      <td>{row.isNew ? <RemoveRowButton rowName={name} onRemove={onRemove} /> : null}</td>
    </tr>
  );
}
