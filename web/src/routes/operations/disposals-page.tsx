import { useDisposals, type Disposal } from '../../api/operations.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useListParams } from '../returns/use-list-params.js';
import { ListFilters } from './list-filters.js';
import { OperationsTabs } from './operations-tabs.js';
import { ReturnLink, UnitCell } from './operations-labels.js';
import './operations.css';

const METHOD_LABELS: Record<Disposal['method'], string> = {
  scrap: 'Scrap',
  hazardous_disposal: 'Hazardous disposal',
};
const SOURCE_LABELS: Record<Disposal['sourceType'], string> = {
  disposition: 'Disposition',
  work_order: 'Work order beyond repair',
  quarantine_hold: 'Hold released to scrap',
};

/** What was written off: a record per disposal, read-only (the disposition or release made it). */
export function DisposalsPage() {
  const { filters, page, pageSize, update, setPage, setPageSize } = useListParams(['siteId'] as const, 50);
  const query = useDisposals({ siteId: filters.siteId, page, pageSize });

  const columns: Column<Disposal>[] = [
    { key: 'number', header: 'Disposal', render: (disposal) => disposal.disposalNumber },
    { key: 'when', header: 'Approved', render: (disposal) => formatDateTime(disposal.approvedAt) },
    { key: 'rma', header: 'Return', render: (disposal) => <ReturnLink unit={disposal} /> },
    { key: 'site', header: 'Site', render: (disposal) => disposal.siteCode ?? '—' },
    { key: 'unit', header: 'Unit', render: (disposal) => <UnitCell unit={disposal} /> },
    {
      key: 'method',
      header: 'Method',
      render: (disposal) => (
        <>
          {METHOD_LABELS[disposal.method]}
          <span className="cell-sub">{SOURCE_LABELS[disposal.sourceType]}</span>
        </>
      ),
    },
    { key: 'reason', header: 'Reason', render: (disposal) => disposal.reason },
    {
      key: 'value',
      header: 'Written off',
      align: 'right',
      render: (disposal) => formatMoney(disposal.valueWrittenOffMinor, disposal.currency),
    },
    { key: 'approvedBy', header: 'Approved by', render: (disposal) => disposal.approvedBy },
  ];

  return (
    <>
      <PageHeader
        back={{ to: '/operations', label: 'Operations' }}
        title="Disposals"
        subtitle="What was scrapped or sent to certified disposal: why, the value written off, and who approved it."
      />
      <OperationsTabs />
      <ListFilters label="Filter the disposals" siteId={filters.siteId} onChange={update} />
      <PagedResults
        query={query}
        loadingLabel="Loading disposals…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(rows, isBusy) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(disposal) => disposal.id}
            caption="Disposals"
            isBusy={isBusy}
            emptyTitle="Nothing has been disposed of"
          />
        )}
      </PagedResults>
    </>
  );
}
