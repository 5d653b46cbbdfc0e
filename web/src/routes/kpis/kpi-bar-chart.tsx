import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiDefinition, KpiDimension, KpiFilter, KpiRow } from '../../api/kpis.js';
import { chartPoints, currenciesOf, hasFigures, SERIES_COLOURS } from './kpi-chart-data.js';
import { NoFigureYet } from './no-figure-yet.js';
import { DIMENSION_LABELS, drillDownPath, rowFilter } from './kpi-dimensions.js';
import { formatKpiTick, formatKpiValue } from './kpi-format.js';

/** The bars drawn: the rows with the most returns (the API lists them first). */
const MAX_BARS = 15;

/** Room for each value's bars (one per currency), within a screen's height. */
const chartHeight = (values: number, currencies: number) =>
  Math.min(600, Math.max(160, values * (12 + 12 * currencies) + 60));

/** A KPI per value of a dimension, as horizontal bars; a bar opens the returns behind it. */
export function KpiBarChart({
  by,
  definition,
  rows,
  filter,
}: {
  by: KpiDimension;
  definition: KpiDefinition;
  rows: readonly KpiRow[];
  filter: KpiFilter;
}) {
  const navigate = useNavigate();
  const points = chartPoints(rows, definition.id).slice(0, MAX_BARS);
  const currencies = currenciesOf(rows);
  const dimension = DIMENSION_LABELS[by].toLowerCase();

  function openRow(index: number) {
    const point = points[index];
    const returnsFilter = point ? rowFilter(filter, by, point.key) : null;
    if (returnsFilter) void navigate(drillDownPath(returnsFilter, definition.id));
  }

  if (!hasFigures(points, currencies)) return <NoFigureYet definition={definition} />;

  return (
    <figure className="kpi-chart" aria-label={`${definition.name} by ${dimension}`}>
      <ResponsiveContainer width="100%" height={chartHeight(points.length, currencies.length)}>
        <BarChart data={points} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={(value: number) => formatKpiTick(value, definition.unit, currencies[0] ?? '')}
          />
          <YAxis type="category" dataKey="label" width={180} />
          <Tooltip formatter={(value, name) => formatKpiValue(Number(value), definition.unit, String(name))} />
          {currencies.length > 1 ? <Legend /> : null}
          {currencies.map((currency, index) => (
            <Bar
              key={currency}
              dataKey={currency}
              name={currency}
              fill={SERIES_COLOURS[index % SERIES_COLOURS.length]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_data, barIndex) => openRow(barIndex)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="kpi-chart__caption">
        {definition.name} by {dimension}
        {rows.length > MAX_BARS ? `, the ${MAX_BARS} with the most returns` : ''}. Choose a bar to see its returns; the
        table below has every figure.
      </figcaption>
    </figure>
  );
}
