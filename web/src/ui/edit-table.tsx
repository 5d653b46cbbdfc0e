import type { ReactNode } from 'react';

/** A table whose rows are form controls; the last column holds each row's actions. */
export function EditTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data-table edit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** "Remove", naming the row for screen readers. */
export function RemoveRowButton({ rowName, onRemove }: { rowName: string; onRemove: () => void }) {
  return (
    <button type="button" className="link-button" onClick={onRemove}>
      Remove<span className="visually-hidden"> {rowName}</span>
    </button>
  );
}
