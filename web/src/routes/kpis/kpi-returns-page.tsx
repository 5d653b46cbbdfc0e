import { useLocation } from 'react-router';
import { downloadKpiReturnsCsv, useKpiDefinitions, useKpiReturns } from '../../api/kpis.js';
import { KPIS_PATH } from '../../auth/permissions.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { KpiCsvButton } from './kpi-csv-button.js';
import { KpiDefinitionNote } from './kpi-definition-note.js';
import { KPI_RETURN_COLUMNS } from './kpi-returns-columns.js';
import { KpiScope } from './kpi-scope.js';
import { useKpiParams } from './use-kpi-params.js';
import './kpis.css';

/** The drill-down: the returns that make up a figure of the dashboard, a page at a time. */
export function KpiReturnsPage() {
  const params = useKpiParams(25);
  const { filter, chosenKpi: kpi, page, pageSize } = params;
  const definitions = useKpiDefinitions();
  const definition = definitions.data?.find((candidate) => candidate.id === kpi);
  const returns = useKpiReturns({ ...filter, kpi, page, pageSize });
  const back = backFrom(useLocation().state);

  return (
    <>
      <PageHeader
        back={{ to: back ?? KPIS_PATH, label: 'KPI dashboard' }}
        title={definition ? `Returns behind ${definition.name.toLowerCase()}` : 'Returns behind the figures'}
        subtitle={definition?.drillDown ?? 'Every return the filters select.'}
        actions={
          <KpiCsvButton
            download={() => downloadKpiReturnsCsv({ ...filter, kpi })}
            label="Export these returns as CSV"
          />
        }
      />
      <section className="panel kpi-returns__scope" aria-label="Which returns">
        <KpiScope filter={filter} />
        {definition ? <KpiDefinitionNote definition={definition} /> : null}
      </section>
      <PagedResults
        query={returns}
        loadingLabel="Loading the returns…"
        paginationLabel="Pages of returns"
        onPageChange={params.setPage}
        onPageSizeChange={params.setPageSize}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={KPI_RETURN_COLUMNS}
            rows={rows}
            rowKey={(row) => row.rmaId}
            caption="Returns behind the figure"
            isBusy={isBusy}
            emptyTitle="No returns make up this figure"
          />
        )}
      </PagedResults>
    </>
  );
}

/** The dashboard view the person came from (its filters), when they came from one. */
function backFrom(state: unknown): string | null {
  if (state && typeof state === 'object' && 'back' in state && typeof state.back === 'string') return state.back;
  return null;
}
