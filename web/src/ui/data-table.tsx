import { useState, type ReactNode } from 'react';
import { EmptyState } from './empty-state.js';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: Row) => string | number | null;
  align?: 'left' | 'right' | 'center';
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  emptyTitle = 'Nothing to show',
  isBusy = false,
  serverSort,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  caption: string;
  emptyTitle?: string;
  isBusy?: boolean;
  /** When the list is paged on the server, sorting must happen there too: the table only asks. */
  serverSort?: { sort: SortState | null; onSortChange: (sort: SortState) => void };
}) {
  const [localSort, setLocalSort] = useState<SortState | null>(null);
  const sort = serverSort ? serverSort.sort : localSort;
  const sorted = serverSort ? rows : sortRows(rows, columns, sort);

  function toggleSort(key: string) {
    const next: SortState =
      sort?.key === key
        ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' };
    if (serverSort) serverSort.onSortChange(next);
    else setLocalSort(next);
  }

  if (rows.length === 0) return <EmptyState title={emptyTitle} />;

  return (
    <div className="table-wrap" aria-busy={isBusy}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`align-${column.align ?? 'left'}`}
                aria-sort={sort?.key === column.key ? sort.direction : undefined}
              >
                {column.sortValue ? (
                  <button type="button" className="sort-button" onClick={() => toggleSort(column.key)}>
                    {column.header}
                    <span className="sort-indicator" aria-hidden="true">
                      {sort?.key !== column.key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼'}
                    </span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} className={`align-${column.align ?? 'left'}`}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sortRows<Row>(rows: Row[], columns: Column<Row>[], sort: SortState | null): Row[] {
  const valueOf = sort ? columns.find((column) => column.key === sort.key)?.sortValue : undefined;
  if (!sort || !valueOf) return rows;
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => factor * compareValues(valueOf(a), valueOf(b)));
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}
