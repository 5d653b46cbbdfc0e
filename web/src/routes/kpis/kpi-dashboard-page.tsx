import { useCurrentUser } from '../../auth/auth-context.js';
import { canCheckKpis } from '../../auth/permissions.js';
import { downloadKpiTableCsv, useKpiDefinitions, useKpiTable, type KpiDefinition } from '../../api/kpis.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { KpiCheck } from './kpi-check.js';
import { KpiCsvButton } from './kpi-csv-button.js';
import { KpiDimensionSection } from './kpi-dimension-section.js';
import { KpiFilters } from './kpi-filters.js';
import { KpiTable } from './kpi-table.js';
import { KpiTiles } from './kpi-tiles.js';
import { KpiTrendChart } from './kpi-trend-chart.js';
import { useKpiParams } from './use-kpi-params.js';
import './kpis.css';

/** Months a trend covers at most (ten years); the default is the last twelve. */
const MONTH_LIMIT = 120;

/**
 * The operations manager's dashboard: the ten KPIs over the filtered returns, one charted month
 * by month and cut by a dimension, every figure leading to the returns behind it.
 */
export function KpiDashboardPage() {
  const user = useCurrentUser();
  const definitions = useKpiDefinitions();
  const params = useKpiParams();
  const monthsParams = { ...params.filter, by: 'period' as const, limit: MONTH_LIMIT };
  const months = useKpiTable(monthsParams);
  const range = months.data ? { from: months.data.from, to: months.data.to } : null;

  return (
    <>
      <PageHeader
        title="KPI dashboard"
        subtitle="How returns are worked through, what they cost and recover. A return counts in the month it was requested, so recent months fill in as their returns are settled."
        actions={canCheckKpis(user.role) ? <KpiCheck /> : null}
      />
      <KpiFilters filters={params.filters} range={range} onChange={params.update} />
      <QueryView query={definitions} loadingLabel="Loading the KPIs…" errorTitle="Could not load the KPI definitions">
        {(all) => (
          <QueryView query={months} loadingLabel="Loading the KPIs…" errorTitle="Could not load the KPIs">
            {(table) => {
              const charted = all.find((definition) => definition.id === params.kpi) ?? all[0];
              if (!charted) return <EmptyState title="No KPIs are defined" />;
              return (
                <>
                  <KpiTiles
                    definitions={all}
                    totals={table.totals}
                    filter={params.filter}
                    chartedKpi={charted.id}
                    onChart={(kpi) => params.update({ kpi })}
                  />
                  {table.rows.length === 0 ? (
                    <section className="panel">
                      <EmptyState title="No returns match these filters">
                        <p>Widen the months or clear a filter to see figures.</p>
                      </EmptyState>
                    </section>
                  ) : (
                    <>
                      <section className="panel" aria-labelledby="kpi-trend-title">
                        <div className="kpi-section__header">
                          <h2 id="kpi-trend-title">{charted.name} by month</h2>
                          <ChartedKpiSelect
                            definitions={all}
                            value={charted.id}
                            onChange={(kpi) => params.update({ kpi })}
                          />
                          <KpiCsvButton
                            download={() => downloadKpiTableCsv(monthsParams)}
                            label="Export the table by month as CSV"
                          />
                        </div>
                        <KpiTrendChart definition={charted} rows={table.rows} filter={params.filter} />
                        <details className="kpi-months">
                          <summary>Every KPI by month, as a table</summary>
                          <KpiTable
                            by="period"
                            rows={table.rows}
                            definitions={all}
                            filter={params.filter}
                            caption="KPIs by month"
                            isBusy={months.isPlaceholderData}
                          />
                        </details>
                      </section>
                      <KpiDimensionSection
                        by={params.by}
                        definitions={all}
                        charted={charted}
                        filter={params.filter}
                        onDimensionChange={(by) => params.update({ by })}
                      />
                    </>
                  )}
                </>
              );
            }}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

function ChartedKpiSelect({
  definitions,
  value,
  onChange,
}: {
  definitions: readonly KpiDefinition[];
  value: string;
  onChange: (kpi: string) => void;
}) {
  return (
    <SelectField
      label="KPI charted"
      className="kpi-section__control"
      value={value}
      options={definitions.map((definition) => ({ value: definition.id, label: definition.name }))}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
