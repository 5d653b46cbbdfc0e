const PAGE_SIZES = [10, 25, 50, 100];

export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  label = 'Pages',
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  label?: string;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);

  return (
    <nav className="pagination" aria-label={label}>
      <span className="pagination__summary">
        {first}–{last} of {total.toLocaleString()}
      </span>
      {onPageSizeChange ? (
        <label className="pagination__size">
          Rows per page
          <select value={pageSize} onChange={(event) => onPageSizeChange(Number(event.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <span className="pagination__controls">
        <button
          type="button"
          className="button button--small"
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
        >
          ‹ Previous
        </button>
        <span aria-current="page">
          Page {page} of {pageCount}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={page >= pageCount}
          onClick={() => onPageChange(page + 1)}
        >
          Next ›
        </button>
      </span>
    </nav>
  );
}
