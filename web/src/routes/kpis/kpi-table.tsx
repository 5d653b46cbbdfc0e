import { Link, useLocation } from 'react-router';
import type { KpiDefinition, KpiDimension, KpiFilter, KpiRow } from '../../api/kpis.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { DIMENSION_LABELS, drillDownPath, rowFilter } from './kpi-dimensions.js';
import { formatKpiValue } from './kpi-format.js';

/**
 * Every KPI for each row of a dimension, sortable by any of them. A figure opens the returns
 * behind it; a row without a value (returns with no site, say) has no filter, so no link.
 */
export function KpiTable({
  by,
  rows,
  definitions,
  filter,
  caption,
  isBusy = false,
}: {
  by: KpiDimension;
  rows: KpiRow[];
  definitions: readonly KpiDefinition[];
  filter: KpiFilter;
  caption: string;
  isBusy?: boolean;
}) {
  const location = useLocation();
  const back = { back: `${location.pathname}${location.search}` };
  const isMultiCurrency = new Set(rows.map((row) => row.currency)).size > 1;
  const labelOf = (row: KpiRow) => row.label || '(none)';

  const columns: Column<KpiRow>[] = [
    {
      key: 'label',
      header: DIMENSION_LABELS[by],
      render: (row) => <span className="kpi-table__label">{labelOf(row)}</span>,
      sortValue: (row) => (by === 'period' ? row.key : labelOf(row)),
    },
    ...(isMultiCurrency
      ? [
          {
            key: 'currency',
            header: 'Currency',
            render: (row: KpiRow) => row.currency,
            sortValue: (row: KpiRow) => row.currency,
          },
        ]
      : []),
    {
      key: 'returns',
      header: 'Returns',
      align: 'right',
      render: (row) => figureLink(row, null, row.measures.returns.toLocaleString()),
      sortValue: (row) => row.measures.returns,
    },
    ...definitions.map((definition): Column<KpiRow> => ({
      key: definition.id,
      header: definition.name,
      align: 'right',
      render: (row) =>
        figureLink(row, definition, formatKpiValue(row.values[definition.id], definition.unit, row.currency)),
      sortValue: (row) => row.values[definition.id],
    })),
  ];

  function figureLink(row: KpiRow, definition: KpiDefinition | null, text: string) {
    const returnsFilter = rowFilter(filter, by, row.key);
    if (!returnsFilter) return text;
    const what = definition ? definition.name : 'Returns';
    return (
      <Link
        to={drillDownPath(returnsFilter, definition?.id)}
        state={back}
        aria-label={`${what} of ${labelOf(row)}${isMultiCurrency ? ` (${row.currency})` : ''}: ${text} — see the returns`}
      >
        {text}
      </Link>
    );
  }

  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => `${row.key}|${row.currency}`}
      caption={caption}
      isBusy={isBusy}
      emptyTitle="No returns match these filters"
    />
  );
}
