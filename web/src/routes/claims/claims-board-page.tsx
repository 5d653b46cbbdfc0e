import type { ClaimStatus } from '../../../../src/contracts/recovery.js';
import { useLegalEntities } from '../../api/ledger.js';
import { useSupplierClaimAging, useSupplierClaims, type ClaimFilters } from '../../api/supplier-claims.js';
import { useSuppliers } from '../../api/suppliers.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { LEDGER_ROLES } from '../../auth/permissions.js';
import { DataTable } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { SelectField, type Option } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { QueryView } from '../../ui/query-view.js';
import { SearchBox } from '../../ui/search-box.js';
import { FinanceTabs } from '../finance/finance-tabs.js';
import { useListParams } from '../returns/use-list-params.js';
import { ClaimAgingTable } from './claim-aging-table.js';
import { claimColumns } from './claim-columns.js';
import { CLAIM_STATUS_LABELS, CLAIM_STATUS_OPTIONS } from './claim-labels.js';
import '../finance/finance.css';
import './claims.css';

const FILTER_KEYS = ['status', 'supplierId', 'legalEntityId', 'q'] as const;

/** Open claims unless asked otherwise ('' in the address): those are the ones finance follows up. */
const STATUS_CHOICES: Option[] = [
  { value: '', label: 'Open' },
  { value: 'closed', label: 'Paid or rejected' },
  { value: 'all', label: 'All' },
  ...CLAIM_STATUS_OPTIONS,
];

function statusFilter(choice: string): Pick<ClaimFilters, 'status' | 'open'> {
  if (choice === '') return { open: 'true' };
  if (choice === 'closed') return { open: 'false' };
  if (choice in CLAIM_STATUS_LABELS) return { status: choice as ClaimStatus };
  return {};
}

/**
 * Finance's supplier-claims board: what each supplier owes on open claims by age and how long it
 * takes to pay, then the claims themselves, filtered by status, supplier, entity or number.
 */
export function ClaimsBoardPage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(FILTER_KEYS, 25);
  const scope = { legalEntityId: filters.legalEntityId || undefined, supplierId: filters.supplierId || undefined };
  const aging = useSupplierClaimAging(scope);
  const claims = useSupplierClaims({
    ...statusFilter(filters.status),
    supplierId: filters.supplierId,
    legalEntityId: filters.legalEntityId,
    q: filters.q,
    page,
    pageSize,
  });
  const suppliers = useSuppliers();
  const entities = useLegalEntities();
  const columns = claimColumns({ withSupplier: true });

  return (
    <>
      <PageHeader
        title="Supplier claims"
        subtitle="What suppliers owe for the goods we sent back: how long open claims have waited, how long each supplier takes to pay, and every claim with its answer."
      />
      {LEDGER_ROLES.includes(user.role) ? <FinanceTabs /> : null}
      <section className="panel">
        <form className="filters" aria-label="Filter the claims" onSubmit={(event) => event.preventDefault()}>
          <SelectField
            label="Status"
            value={filters.status}
            options={STATUS_CHOICES}
            onChange={(event) => update({ status: event.target.value })}
          />
          <SelectField
            label="Supplier"
            value={filters.supplierId}
            placeholder="All suppliers"
            options={(suppliers.data?.items ?? []).map((supplier) => ({
              value: supplier.id,
              label: `${supplier.code} · ${supplier.name}`,
            }))}
            onChange={(event) => update({ supplierId: event.target.value })}
          />
          <SelectField
            label="Legal entity"
            value={filters.legalEntityId}
            placeholder="All legal entities"
            options={(entities.data?.items ?? []).map((entity) => ({
              value: entity.id,
              label: `${entity.code} · ${entity.name}`,
            }))}
            onChange={(event) => update({ legalEntityId: event.target.value })}
          />
        </form>
        <SearchBox
          key={filters.q}
          label="Claim, vendor return or supplier reference"
          initialValue={filters.q}
          placeholder="e.g. SC-000123"
          onSearch={(q) => update({ q })}
        />
      </section>
      <section className="panel" aria-labelledby="claim-aging-title">
        <div className="panel__header">
          <h2 id="claim-aging-title">Aging and reimbursement cycle</h2>
          {aging.data ? <span className="muted">As of {formatDate(aging.data.asOf)}</span> : null}
        </div>
        <QueryView query={aging} loadingLabel="Loading the aging…" errorTitle="Could not load the aging">
          {(report) => <ClaimAgingTable aging={report} onChooseSupplier={(supplierId) => update({ supplierId })} />}
        </QueryView>
      </section>
      <section aria-labelledby="claim-list-title">
        <h2 id="claim-list-title" className="visually-hidden">
          Claims
        </h2>
        <PagedResults
          query={claims}
          loadingLabel="Loading the claims…"
          paginationLabel="Claim pages"
          onPageChange={setPage}
          onPageSizeChange={setPageSize}
        >
          {(rows, isBusy) => (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(claim) => claim.id}
              caption="Supplier claims"
              isBusy={isBusy}
              emptyTitle="No claims match"
            />
          )}
        </PagedResults>
      </section>
    </>
  );
}
