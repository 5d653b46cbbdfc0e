import { useState, type FormEvent } from 'react';
import type { Product } from '../../../../src/contracts/masterdata.js';
import { useProducts, useProductsById } from '../../api/products.js';
import type { TraceLookup } from '../../api/trace.js';
import { SelectField, TextField } from '../../ui/field.js';
import { PICKER_PAGE_SIZE, SearchPicker, usePickerSearch } from '../../ui/search-picker.js';

const KINDS = [
  { value: 'serial', label: 'Serial number' },
  { value: 'lot', label: 'Lot' },
] as const;

/** A serial number or a lot, and optionally the product (a lot code can repeat across products). */
export function TraceSearchForm({
  initial,
  onSearch,
}: {
  initial: TraceLookup | null;
  onSearch: (lookup: TraceLookup) => void;
}) {
  const [kind, setKind] = useState<'serial' | 'lot'>(initial && 'lot' in initial ? 'lot' : 'serial');
  const [text, setText] = useState(initial ? ('lot' in initial ? initial.lot : initial.serial) : '');
  const [error, setError] = useState<string | undefined>(undefined);
  // Until someone chooses, the product is the one the address names (a link from another page).
  const named = useProductsById(initial?.productId ? [initial.productId] : [])[0]?.data ?? null;
  const [chosen, setChosen] = useState<Product | null | undefined>(undefined);
  const product = chosen === undefined ? named : chosen;
  const search = usePickerSearch();
  const products = useProducts(
    { q: search.term, page: 1, pageSize: PICKER_PAGE_SIZE },
    { enabled: search.term !== '' && !product },
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (value === '') return setError(`Type the ${kind === 'lot' ? 'lot' : 'serial number'} to trace.`);
    setError(undefined);
    const productId = product ? { productId: product.id } : {};
    onSearch(kind === 'lot' ? { lot: value, ...productId } : { serial: value, ...productId });
  }

  return (
    <form className="form-grid" role="search" aria-label="Trace" onSubmit={handleSubmit} noValidate>
      <SelectField
        label="Look up"
        value={kind}
        options={KINDS}
        onChange={(event) => setKind(event.target.value === 'lot' ? 'lot' : 'serial')}
      />
      <TextField
        label={kind === 'lot' ? 'Lot' : 'Serial number'}
        type="search"
        value={text}
        error={error}
        placeholder={kind === 'lot' ? 'e.g. L2409-1042' : 'e.g. SN-48213'}
        onChange={(event) => setText(event.target.value)}
      />
      <SearchPicker
        label="Product (optional)"
        noun="products"
        hint="Narrows the search when the same code is used on several products."
        chosen={product}
        describe={(p) => ({ label: `${p.sku} · ${p.name}`, detail: p.category })}
        onChoose={setChosen}
        search={search}
        query={products}
      />
      <div className="submit-bar">
        <button type="submit" className="button button--primary">
          Trace
        </button>
      </div>
    </form>
  );
}
