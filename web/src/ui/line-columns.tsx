import type { Column } from './data-table.js';

interface ItemLine {
  lineNumber: number;
  sku: string;
  productName: string;
}

/** The "#" and "Item" columns that start a table of order or return lines. */
export const LINE_AND_ITEM_COLUMNS: Column<ItemLine>[] = [
  { key: 'line', header: '#', render: (line) => line.lineNumber, sortValue: (line) => line.lineNumber },
  {
    key: 'item',
    header: 'Item',
    render: (line) => (
      <>
        {line.sku}
        <span className="cell-sub">{line.productName}</span>
      </>
    ),
    sortValue: (line) => line.sku,
  },
];
