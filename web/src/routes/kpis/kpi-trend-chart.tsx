import { useNavigate } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiDefinition, KpiFilter, KpiRow } from '../../api/kpis.js';
import { EmptyState } from '../../ui/empty-state.js';
import { chartPoints, currenciesOf, hasFigures, SERIES_COLOURS } from './kpi-chart-data.js';
import { NoFigureYet } from './no-figure-yet.js';
import { drillDownPath, rowFilter } from './kpi-dimensions.js';
import { formatKpiTick, formatKpiValue } from './kpi-format.js';

/**
 * A KPI month by month (the month its returns were requested in). A month's point opens the
 * returns behind it; the table of months below the chart carries the same figures as text.
 */
export function KpiTrendChart({
  definition,
  rows,
  filter,
}: {
  definition: KpiDefinition;
  rows: readonly KpiRow[];
  filter: KpiFilter;
}) {
  const navigate = useNavigate();
  const points = chartPoints(rows, definition.id);
  const currencies = currenciesOf(rows);
  if (points.length === 0) return <EmptyState title="No returns in these months" />;
  if (!hasFigures(points, currencies)) return <NoFigureYet definition={definition} />;

  function openMonth(index: number) {
    const point = points[index];
    const monthFilter = point ? rowFilter(filter, 'period', point.key) : null;
    if (monthFilter) void navigate(drillDownPath(monthFilter, definition.id));
  }

  return (
    <figure className="kpi-chart" aria-label={`${definition.name} by month`}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart
          data={points}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          onClick={(state) => {
            if (typeof state.activeIndex === 'number' || typeof state.activeIndex === 'string')
              openMonth(Number(state.activeIndex));
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis
            width={80}
            tickFormatter={(value: number) => formatKpiTick(value, definition.unit, currencies[0] ?? '')}
          />
          <Tooltip formatter={(value, name) => formatKpiValue(Number(value), definition.unit, String(name))} />
          {currencies.length > 1 ? <Legend /> : null}
          {currencies.map((currency, index) => (
            <Line
              key={currency}
              type="monotone"
              dataKey={currency}
              name={currency}
              stroke={SERIES_COLOURS[index % SERIES_COLOURS.length]}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="kpi-chart__caption">
        {definition.name} by month requested. Choose a month to see its returns; the table of months has the same
        figures.
      </figcaption>
    </figure>
  );
}
