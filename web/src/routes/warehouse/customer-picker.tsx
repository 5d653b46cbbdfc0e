import type { Customer } from '../../../../src/contracts/masterdata.js';
import { useCustomers } from '../../api/customers.js';
import { humanize } from '../../ui/labels.js';
import { PICKER_PAGE_SIZE, SearchPicker, usePickerSearch } from '../../ui/search-picker.js';

/** A customer account, found by name, account number or e-mail (by default: the one the goods came from). */
export function CustomerPicker({
  chosen,
  error,
  onChoose,
  hint = 'Search by name, account number or e-mail, then choose.',
  placeholder = 'e.g. the name on the shipping label',
  required = true,
}: {
  chosen: Customer | null;
  error?: string | undefined;
  onChoose: (customer: Customer | null) => void;
  hint?: string;
  placeholder?: string;
  /** False where no customer is a valid answer (e.g. a trading partner that is only a supplier). */
  required?: boolean;
}) {
  const search = usePickerSearch();
  const query = useCustomers(
    { q: search.term, page: 1, pageSize: PICKER_PAGE_SIZE },
    { enabled: search.term !== '' && !chosen },
  );
  return (
    <SearchPicker
      label="Customer"
      noun="customers"
      hint={hint}
      placeholder={placeholder}
      error={error}
      chosen={chosen}
      describe={(customer) => ({
        label: customer.name,
        detail: `${customer.accountNumber} · ${humanize(customer.tier)}${customer.region ? ` · ${customer.region}` : ''}`,
      })}
      onChoose={onChoose}
      search={search}
      query={query}
      required={required}
    />
  );
}
