import { Link, useNavigate } from 'react-router';
import type { Site } from '../../../../src/contracts/masterdata.js';
import { describeError } from '../../api/api-error.js';
import {
  useClaimInspection,
  useInspectionQueue,
  type InspectionQueueFilters,
  type InspectionQueueItem,
} from '../../api/inspections.js';
import { startingSiteId, useSites } from '../../api/sites.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canInspect, inspectionPagePath, INSPECTIONS_PATH } from '../../auth/permissions.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';
import { useListParams } from '../returns/use-list-params.js';
import { unitName } from './inspection-labels.js';
import { queueColumns } from './queue-columns.js';
import './quality.css';

const ASSIGNED_OPTIONS = [
  { value: '', label: 'Anyone’s' },
  { value: 'me', label: 'Mine' },
  { value: 'nobody', label: 'Unassigned' },
];
const SLA_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'breached', label: 'SLA breached' },
  { value: 'due_soon', label: 'Due soon' },
];
const STATUS_OPTIONS = [
  { value: '', label: 'Open' },
  { value: 'pending', label: 'Waiting' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'awaiting_sign_off', label: 'Awaiting sign-off' },
  { value: 'completed', label: 'Completed' },
];

/** The sites where goods are inspected. */
export function inspectionSites(sites: readonly Site[]): Site[] {
  return sites.filter((site) => site.isActive && site.capabilities.includes('inspection'));
}

/** A site's received units waiting to be inspected, most urgent first (the server's order). */
export function InspectionQueuePage() {
  const sites = useSites();
  return (
    <QueryView query={sites} loadingLabel="Loading sites…" errorTitle="Could not load the sites">
      {(page) => <QueueView sites={inspectionSites(page.items)} />}
    </QueryView>
  );
}

function QueueView({ sites }: { sites: Site[] }) {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(
    ['siteId', 'assigned', 'sla', 'status'] as const,
    50,
  );
  // The operator's own site until they choose another; the choice stays in the address.
  const siteId = filters.siteId || startingSiteId(sites, user.siteId);
  const query = useInspectionQueue({
    siteId,
    status: (filters.status || 'open') as InspectionQueueFilters['status'],
    assigned: (filters.assigned || 'any') as InspectionQueueFilters['assigned'],
    sla: (filters.sla || 'any') as InspectionQueueFilters['sla'],
    page,
    pageSize,
  });
  const columns: Column<InspectionQueueItem>[] = [
    ...queueColumns(),
    {
      key: 'action',
      header: <span className="visually-hidden">Work on it</span>,
      render: (item) => <RowAction item={item} />,
    },
  ];
  const counts = query.data;

  return (
    <>
      <PageHeader
        title="Inspection queue"
        subtitle="Received units waiting to be inspected, most urgent first: regulated goods, then the SLA, the value at risk and the customer’s tier."
        actions={
          <Link className="button" to={`${INSPECTIONS_PATH}/sla-breaches${siteId ? `?siteId=${siteId}` : ''}`}>
            SLA breaches
          </Link>
        }
      />
      <section className="panel">
        <form className="filters" aria-label="Filter the inspection queue" onSubmit={(event) => event.preventDefault()}>
          <SelectField
            label="Site"
            value={siteId}
            placeholder="Choose a site"
            options={sites.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
            onChange={(event) => update({ siteId: event.target.value })}
          />
          <SelectField
            label="Assigned"
            value={filters.assigned}
            options={ASSIGNED_OPTIONS}
            onChange={(event) => update({ assigned: event.target.value })}
          />
          <SelectField
            label="SLA"
            value={filters.sla}
            options={SLA_OPTIONS}
            onChange={(event) => update({ sla: event.target.value })}
          />
          <SelectField
            label="Status"
            value={filters.status}
            options={STATUS_OPTIONS}
            onChange={(event) => update({ status: event.target.value })}
          />
        </form>
        {counts && siteId !== '' ? (
          <p className="queue-counts" aria-label="SLA at this site">
            <button type="button" className="link-button" onClick={() => update({ sla: 'breached' })}>
              <Badge tone={counts.breached > 0 ? 'danger' : 'muted'}>{counts.breached} breached</Badge>
            </button>{' '}
            <button type="button" className="link-button" onClick={() => update({ sla: 'due_soon' })}>
              <Badge tone={counts.dueSoon > 0 ? 'warning' : 'muted'}>{counts.dueSoon} due soon</Badge>
            </button>
          </p>
        ) : null}
      </section>
      {siteId === '' ? (
        <EmptyState title="Choose a site to see its inspection queue" />
      ) : (
        <PagedResults
          query={query}
          loadingLabel="Loading the queue…"
          onPageChange={setPage}
          onPageSizeChange={setPageSize}
        >
          {(rows, isBusy) => (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(item) => item.id}
              caption="Inspection queue"
              isBusy={isBusy}
              emptyTitle="Nothing waits to be inspected here"
            />
          )}
        </PagedResults>
      )}
    </>
  );
}

/** Take an unassigned unit (and open it), carry on with one's own, or look at someone else's. */
function RowAction({ item }: { item: InspectionQueueItem }) {
  const user = useCurrentUser();
  const claim = useClaimInspection();
  const navigate = useNavigate();
  const toast = useToast();
  const isOpen = item.status === 'pending' || item.status === 'in_progress';
  if (isOpen && item.assignedToId === null && canInspect(user.role)) {
    return (
      <button
        type="button"
        className="button button--small button--primary"
        disabled={claim.isPending}
        onClick={() =>
          claim.mutate(item, {
            onSuccess: () => void navigate(inspectionPagePath(item.id)),
            onError: (error) => toast.show(`${unitName(item)}: ${describeError(error)}`, 'error'),
          })
        }
      >
        Take<span className="visually-hidden"> {unitName(item)}</span>
      </button>
    );
  }
  return (
    <Link className="button button--small" to={inspectionPagePath(item.id)}>
      {item.assignedToId === user.id && isOpen ? 'Continue' : 'Open'}
      <span className="visually-hidden"> {unitName(item)}</span>
    </Link>
  );
}
