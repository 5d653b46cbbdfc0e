import { useState, type FormEvent } from 'react';
import { useConfig } from '../../api/config.js';
import { SelectField, TextField } from '../../ui/field.js';
import { WORKLIST_ORDERS } from './worklist.js';
import type { WORKLIST_FILTERS } from './use-worklist.js';

type Filters = Record<(typeof WORKLIST_FILTERS)[number], string>;

/** Customer, reason, currency and value range, and the order to work in; applied together. */
export function WorklistFilters({
  filters,
  currencies,
  onApply,
}: {
  filters: Filters;
  currencies: readonly string[];
  onApply: (filters: Filters) => void;
}) {
  const [draft, setDraft] = useState<Filters>(filters);
  const reasonCodes = useConfig('reason_codes');
  const reasonOptions = reasonCodes.data?.document.codes.map((code) => ({ value: code.code, label: code.label })) ?? [];
  const currencyOptions = [...new Set([...currencies, ...(filters.currency ? [filters.currency] : [])])]
    .sort()
    .map((code) => ({ value: code, label: code }));
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="worklist-filters" onSubmit={handleSubmit} aria-label="Filter the approval queue">
      <TextField label="Customer" placeholder="Name or account" value={draft.q} onChange={set('q')} />
      <SelectField
        label="Reason"
        value={draft.reasonCode}
        onChange={set('reasonCode')}
        options={reasonOptions}
        placeholder="Any reason"
      />
      <SelectField
        label="Currency"
        value={draft.currency}
        onChange={set('currency')}
        options={currencyOptions}
        placeholder="Any currency"
      />
      <TextField label="Value from" inputMode="decimal" value={draft.minValue} onChange={set('minValue')} />
      <TextField label="Value to" inputMode="decimal" value={draft.maxValue} onChange={set('maxValue')} />
      <SelectField
        label="Order"
        value={draft.order || 'oldest'}
        onChange={set('order')}
        options={WORKLIST_ORDERS.map(({ value, label }) => ({ value, label }))}
      />
      <button type="submit" className="button">
        Apply filters
      </button>
    </form>
  );
}
