import { useConfig } from '../../api/config.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ARRIVAL_OPTIONS, RETURN_TYPE_OPTIONS, STATUS_OPTIONS } from '../../ui/options.js';

export const RETURN_FILTER_KEYS = [
  'q',
  'status',
  'customerId',
  'returnType',
  'reasonCode',
  'createdFrom',
  'createdTo',
  'isUnauthorized',
] as const;
export type ReturnFilterKey = (typeof RETURN_FILTER_KEYS)[number];

export function ReturnsFilters({
  filters,
  onChange,
}: {
  filters: Record<ReturnFilterKey, string>;
  onChange: (changes: Partial<Record<ReturnFilterKey, string>>) => void;
}) {
  const reasonCodes = useConfig('reason_codes');
  const reasonOptions = (reasonCodes.data?.document.codes ?? []).map((code) => ({
    value: code.code,
    label: code.isActive ? code.label : `${code.label} (inactive)`,
  }));
  return (
    <div className="filters">
      <SelectField
        label="Status"
        value={filters.status}
        options={STATUS_OPTIONS}
        placeholder="Any status"
        onChange={(event) => onChange({ status: event.target.value })}
      />
      <SelectField
        label="Return type"
        value={filters.returnType}
        options={RETURN_TYPE_OPTIONS}
        placeholder="Any type"
        onChange={(event) => onChange({ returnType: event.target.value })}
      />
      <SelectField
        label="How it arrived"
        value={filters.isUnauthorized}
        options={ARRIVAL_OPTIONS}
        placeholder="Any"
        onChange={(event) => onChange({ isUnauthorized: event.target.value })}
      />
      <SelectField
        label="Reason"
        value={filters.reasonCode}
        options={reasonOptions}
        placeholder="Any reason"
        onChange={(event) => onChange({ reasonCode: event.target.value })}
      />
      <TextField
        label="Requested from"
        type="date"
        value={filters.createdFrom}
        onChange={(event) => onChange({ createdFrom: event.target.value })}
      />
      <TextField
        label="Requested to"
        type="date"
        value={filters.createdTo}
        onChange={(event) => onChange({ createdTo: event.target.value })}
      />
    </div>
  );
}
