/** A row edited in a form; its key stays the same while its fields change. */
export interface EditableRow {
  key: string;
}

let addedRows = 0;

/** A key for a row added in the form, unique while the page is open. */
export function newRowKey(): string {
  addedRows += 1;
  return `new-${addedRows}`;
}

export function updateRow<Row extends EditableRow>(rows: Row[], key: string, changes: Partial<Row>): Row[] {
  return rows.map((row) => (row.key === key ? { ...row, ...changes } : row));
}

export function removeRow<Row extends EditableRow>(rows: Row[], key: string): Row[] {
  return rows.filter((row) => row.key !== key);
}
