import type { Product } from '../../../../src/contracts/masterdata.js';
import { useProducts } from '../../api/products.js';
import { PICKER_PAGE_SIZE, SearchPicker, usePickerSearch } from '../../ui/search-picker.js';

/** The product on one line, found by SKU, GTIN (scanned or typed) or name. */
export function ProductPicker({
  chosen,
  error,
  autoFocus,
  onChoose,
}: {
  chosen: Product | null;
  error?: string | undefined;
  autoFocus?: boolean;
  onChoose: (product: Product | null) => void;
}) {
  const search = usePickerSearch();
  const query = useProducts(
    { q: search.term, page: 1, pageSize: PICKER_PAGE_SIZE },
    { enabled: search.term !== '' && !chosen },
  );
  return (
    <SearchPicker
      label="Product"
      noun="products"
      hint="Scan or type the SKU, GTIN or name, then choose."
      error={error}
      chosen={chosen}
      describe={describeProduct}
      onChoose={onChoose}
      search={search}
      query={query}
      autoFocus={autoFocus ?? false}
      required
    />
  );
}

function describeProduct(product: Product) {
  const tracking = [product.isSerialized ? 'serialized' : '', product.isLotControlled ? 'lot-controlled' : '']
    .filter(Boolean)
    .join(', ');
  return {
    label: `${product.sku} · ${product.name}`,
    detail: [product.gtin ? `GTIN ${product.gtin}` : '', product.category, tracking].filter(Boolean).join(' · '),
  };
}
