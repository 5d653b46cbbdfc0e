import { Link } from 'react-router';
import type { Role } from '../../../../src/contracts/common.js';
import { useCreditMemoCount, useCreditMemos, type CreditMemo, type CreditMemoStatus } from '../../api/credit-memos.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canApproveCredits, canIssueCredits } from '../../auth/permissions.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { PageHeader } from '../../ui/page-header.js';
import { PagedResults } from '../../ui/paged-results.js';
import { useListParams } from '../returns/use-list-params.js';
import {
  CREDIT_STATUS_LABELS,
  CreditMemoLink,
  CreditStatusBadge,
  FinanceApprovalBadge,
  money,
  ReturnLink,
} from './credit-labels.js';
import './credits.css';

type Tab = CreditMemoStatus | 'all';
const TABS: readonly Tab[] = ['draft', 'approved', 'issued', 'applied', 'void', 'all'];
/** The statuses where memos wait for someone: their tabs show how many. */
const WAITING: Partial<Record<Tab, string>> = { draft: 'to approve', approved: 'to issue' };

const isTab = (value: string): value is Tab => (TABS as readonly string[]).includes(value);

/** What each person works first: finance issues what was approved, approvers approve drafts. */
export function defaultCreditTab(role: Role): Tab {
  if (canIssueCredits(role)) return 'approved';
  if (canApproveCredits(role)) return 'draft';
  return 'all';
}

/** The credit memos by status, newest first: drafts to approve, approved ones to issue, and the rest. */
export function CreditsQueuePage() {
  const user = useCurrentUser();
  const { filters, page, pageSize, setPage, setPageSize } = useListParams(['status'] as const, 25);
  const tab: Tab = isTab(filters.status) ? filters.status : defaultCreditTab(user.role);
  const query = useCreditMemos({ status: tab === 'all' ? '' : tab, page, pageSize });

  const columns: Column<CreditMemo>[] = [
    {
      key: 'memo',
      header: 'Credit memo',
      render: (memo) => (
        <>
          <CreditMemoLink memo={memo} />
          <span className="cell-sub">Drafted {formatDate(memo.createdAt)}</span>
        </>
      ),
    },
    { key: 'rma', header: 'Return', render: (memo) => <ReturnLink memo={memo} /> },
    { key: 'customer', header: 'Customer', render: (memo) => memo.customerName ?? memo.customerId },
    {
      key: 'units',
      header: 'Units',
      align: 'right',
      render: (memo) => memo.lines.reduce((sum, line) => sum + line.quantity, 0),
    },
    { key: 'total', header: 'Credit', align: 'right', render: (memo) => money(memo.totalMinor, memo.currency) },
    {
      key: 'finance',
      header: 'Approval',
      render: (memo) => (memo.needsFinanceApproval ? <FinanceApprovalBadge /> : 'Within limit'),
    },
    {
      key: 'status',
      header: 'Status',
      render: (memo) => (
        <>
          <CreditStatusBadge status={memo.status} />
          {memo.status === 'void' && memo.voidReason ? <span className="cell-sub">{memo.voidReason}</span> : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Credit memos"
        subtitle="What returns are credited, computed from the original sale: approve the drafts, then issue them (numbered and posted to the books)."
      />
      <nav className="tab-bar" aria-label="Credit memo status">
        {TABS.map((candidate) => (
          <Link
            key={candidate}
            to={{ search: `?status=${candidate}` }}
            aria-current={candidate === tab ? 'page' : undefined}
          >
            {candidate === 'all' ? 'All' : CREDIT_STATUS_LABELS[candidate]}
            {WAITING[candidate] ? <WaitingCount status={candidate as CreditMemoStatus} /> : null}
          </Link>
        ))}
      </nav>
      <PagedResults
        query={query}
        loadingLabel="Loading credit memos…"
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
      >
        {(memos, isBusy) => (
          <DataTable
            columns={columns}
            rows={memos}
            rowKey={(memo) => memo.id}
            caption="Credit memos"
            isBusy={isBusy}
            emptyTitle={emptyTitle(tab)}
          />
        )}
      </PagedResults>
    </>
  );
}

function emptyTitle(tab: Tab): string {
  if (tab === 'draft') return 'No draft credit memos wait for approval';
  if (tab === 'approved') return 'No approved credit memos wait to be issued';
  if (tab === 'all') return 'No credit memos yet';
  return `No ${CREDIT_STATUS_LABELS[tab].toLowerCase()} credit memos`;
}

function WaitingCount({ status }: { status: CreditMemoStatus }) {
  const count = useCreditMemoCount(status);
  if (count === null) return null;
  return (
    <span className={`tab-count${count > 0 ? ' tab-count--busy' : ''}`}>
      {count}
      <span className="visually-hidden"> {WAITING[status]}</span>
    </span>
  );
}
