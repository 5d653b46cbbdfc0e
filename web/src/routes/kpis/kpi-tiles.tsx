import { Link, useLocation } from 'react-router';
import type { KpiDefinition, KpiFilter, KpiId, KpiRow } from '../../api/kpis.js';
import { drillDownPath } from './kpi-dimensions.js';
import { KpiDefinitionNote } from './kpi-definition-note.js';
import { formatKpiValue } from './kpi-format.js';

/**
 * The ten headline figures over the filtered returns, one per currency the books are kept in
 * (money is never added across currencies). Each figure opens the returns behind it; "Chart"
 * draws its trend below.
 */
export function KpiTiles({
  definitions,
  totals,
  filter,
  chartedKpi,
  onChart,
}: {
  definitions: readonly KpiDefinition[];
  totals: readonly KpiRow[];
  filter: KpiFilter;
  chartedKpi: KpiId;
  onChart: (kpi: KpiId) => void;
}) {
  const location = useLocation();
  const isMultiCurrency = totals.length > 1;
  return (
    <section className="panel" aria-labelledby="kpi-tiles-title">
      <h2 id="kpi-tiles-title">Headline figures</h2>
      <ul className="kpi-tiles">
        {definitions.map((definition) => (
          <li key={definition.id} className="kpi-tile">
            <h3 id={`kpi-tile-${definition.id}`} className="kpi-tile__name">
              {definition.name}
            </h3>
            {totals.length === 0 ? (
              <span className="kpi-tile__value">—</span>
            ) : (
              totals.map((total) => (
                <Link
                  key={total.currency}
                  className="kpi-tile__value"
                  to={drillDownPath(filter, definition.id)}
                  state={{ back: `${location.pathname}${location.search}` }}
                  aria-label={`${definition.name}${isMultiCurrency ? ` (${total.currency})` : ''}: ${formatKpiValue(total.values[definition.id], definition.unit, total.currency)} — see the returns`}
                >
                  {formatKpiValue(total.values[definition.id], definition.unit, total.currency)}
                  {isMultiCurrency ? <small className="kpi-tile__currency"> {total.currency}</small> : null}
                </Link>
              ))
            )}
            <span className="kpi-tile__hint">
              {definition.betterWhen === 'higher' ? 'Higher is better' : 'Lower is better'}
            </span>
            <div className="kpi-tile__actions">
              <button
                type="button"
                className="button button--small"
                aria-pressed={chartedKpi === definition.id}
                onClick={() => onChart(definition.id)}
              >
                Chart<span className="visually-hidden"> {definition.name}</span>
              </button>
              <KpiDefinitionNote definition={definition} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
