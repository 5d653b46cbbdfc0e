import type { Site } from '../../../../src/contracts/masterdata.js';
import { useSlaBreaches } from '../../api/inspections.js';
import { useSites } from '../../api/sites.js';
import { INSPECTIONS_PATH } from '../../auth/permissions.js';
import { DataTable } from '../../ui/data-table.js';
import { SelectField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { useListParams } from '../returns/use-list-params.js';
import { inspectionSites } from './inspection-queue-page.js';
import { queueColumns } from './queue-columns.js';
import './quality.css';

/** Inspections still open past their SLA, at one site or all of them: the backlog to explain. */
export function SlaBreachesPage() {
  const sites = useSites();
  return (
    <QueryView query={sites} loadingLabel="Loading sites…" errorTitle="Could not load the sites">
      {(page) => <BreachesView sites={inspectionSites(page.items)} />}
    </QueryView>
  );
}

function BreachesView({ sites }: { sites: Site[] }) {
  const { filters, update } = useListParams(['siteId'] as const);
  const query = useSlaBreaches(filters.siteId);
  return (
    <>
      <PageHeader
        back={{
          to: `${INSPECTIONS_PATH}${filters.siteId ? `?siteId=${filters.siteId}` : ''}`,
          label: 'Inspection queue',
        }}
        title="SLA breaches"
        subtitle="Inspections still open after their SLA ran out, the most urgent first."
      />
      <section className="panel">
        <SelectField
          label="Site"
          value={filters.siteId}
          placeholder="All sites"
          options={sites.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
          onChange={(event) => update({ siteId: event.target.value })}
        />
      </section>
      <QueryView query={query} loadingLabel="Loading the breaches…" errorTitle="Could not load the breaches">
        {(page) => (
          <section className="panel" aria-label="Inspections past their SLA">
            <p className="muted" role="status">
              {page.total} past their SLA{page.total > page.items.length ? ` (the first ${page.items.length})` : ''}.
            </p>
            <DataTable
              columns={queueColumns()}
              rows={page.items}
              rowKey={(item) => item.id}
              caption="Inspections past their SLA"
              emptyTitle="No open inspection is past its SLA"
            />
          </section>
        )}
      </QueryView>
    </>
  );
}
