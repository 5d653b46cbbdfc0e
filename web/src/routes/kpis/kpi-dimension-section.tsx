import type { KpiDefinition, KpiDimension, KpiFilter } from '../../api/kpis.js';
import { downloadKpiTableCsv, useKpiTable } from '../../api/kpis.js';
import { SelectField } from '../../ui/field.js';
import { QueryView } from '../../ui/query-view.js';
import { KpiBarChart } from './kpi-bar-chart.js';
import { KpiCsvButton } from './kpi-csv-button.js';
import { DIMENSION_LABELS, DIMENSION_OPTIONS } from './kpi-dimensions.js';
import { KpiTable } from './kpi-table.js';

/** The rows of the table: enough for any dimension a distributor has more than a handful of. */
const ROW_LIMIT = 100;

/** The KPIs cut by one dimension: the charted one as bars, all of them in a sortable table. */
export function KpiDimensionSection({
  by,
  definitions,
  charted,
  filter,
  onDimensionChange,
}: {
  by: KpiDimension;
  definitions: readonly KpiDefinition[];
  charted: KpiDefinition;
  filter: KpiFilter;
  onDimensionChange: (by: KpiDimension) => void;
}) {
  const params = { ...filter, by, limit: ROW_LIMIT };
  const table = useKpiTable(params);
  const dimension = DIMENSION_LABELS[by].toLowerCase();
  return (
    <section className="panel" aria-labelledby="kpi-dimension-title">
      <div className="kpi-section__header">
        <h2 id="kpi-dimension-title">By {dimension}</h2>
        <SelectField
          label="Cut by"
          className="kpi-section__control"
          value={by}
          options={DIMENSION_OPTIONS}
          onChange={(event) => onDimensionChange(event.target.value as KpiDimension)}
        />
        <KpiCsvButton download={() => downloadKpiTableCsv(params)} label={`Export the table by ${dimension} as CSV`} />
      </div>
      <QueryView query={table} loadingLabel={`Loading the KPIs by ${dimension}…`} errorTitle="Could not load the KPIs">
        {(result) => (
          <>
            {result.rows.length > 0 ? (
              <KpiBarChart by={by} definition={charted} rows={result.rows} filter={filter} />
            ) : null}
            <KpiTable
              by={by}
              rows={result.rows}
              definitions={definitions}
              filter={filter}
              caption={`KPIs by ${dimension}`}
              isBusy={table.isPlaceholderData}
            />
            {result.truncated > 0 ? (
              <p className="field__hint">
                {result.truncated.toLocaleString()} more {result.truncated === 1 ? 'row' : 'rows'} with fewer returns
                not shown; narrow the filters or export the CSV.
              </p>
            ) : null}
          </>
        )}
      </QueryView>
    </section>
  );
}
