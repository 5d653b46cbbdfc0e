import { useMutation } from '@tanstack/react-query';
import { roleCan } from '../../../../src/contracts/permissions.js';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { describeError } from '../../api/api-error.js';
import {
  downloadCreditMemoPdf,
  isStaffMemo,
  useReturnCreditMemos,
  type CreditMemoView,
} from '../../api/credit-memos.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { useToast } from '../../ui/toast.js';
import { CreditMemoLink, CreditStatusBadge, FinanceApprovalBadge, memoTitle, money } from '../credits/credit-labels.js';

/**
 * The return's credits. Staff see every memo with its status (drafts appear as units are
 * dispositioned); the customer sees the issued ones only — the server sends no others — each
 * with its document to download.
 */
export function CreditsPanel({ rma }: { rma: RmaView }) {
  const user = useCurrentUser();
  if (!roleCan(user.role, 'credits.read')) return null;
  return <CreditsOfReturn rmaId={rma.id} isCustomer={user.role === 'customer'} />;
}

function CreditsOfReturn({ rmaId, isCustomer }: { rmaId: string; isCustomer: boolean }) {
  const query = useReturnCreditMemos(rmaId);
  const memos = query.data?.items ?? [];
  // Nothing credited yet (or not yet issued, for the customer): the panel waits until there is.
  if (memos.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="return-credits-title">
      <h2 id="return-credits-title">Credits</h2>
      {isCustomer ? <CustomerCredits memos={memos} /> : <StaffCredits memos={memos} />}
    </section>
  );
}

function StaffCredits({ memos }: { memos: CreditMemoView[] }) {
  const columns: Column<CreditMemoView>[] = [
    { key: 'memo', header: 'Credit memo', render: (memo) => <CreditMemoLink memo={memo} /> },
    {
      key: 'status',
      header: 'Status',
      render: (memo) => (
        <>
          <CreditStatusBadge status={memo.status} />{' '}
          {memo.status === 'draft' && isStaffMemo(memo) && memo.needsFinanceApproval ? <FinanceApprovalBadge /> : null}
        </>
      ),
    },
    { key: 'issued', header: 'Issued', render: (memo) => formatDate(memo.issuedAt) },
    {
      key: 'units',
      header: 'Units',
      align: 'right',
      render: (memo) => memo.lines.reduce((sum, line) => sum + line.quantity, 0),
    },
    { key: 'total', header: 'Credit', align: 'right', render: (memo) => money(memo.totalMinor, memo.currency) },
  ];
  return <DataTable columns={columns} rows={memos} rowKey={(memo) => memo.id} caption="Credit memos of this return" />;
}

function CustomerCredits({ memos }: { memos: CreditMemoView[] }) {
  const columns: Column<CreditMemoView>[] = [
    { key: 'memo', header: 'Credit memo', render: (memo) => memoTitle(memo) },
    { key: 'issued', header: 'Issued', render: (memo) => formatDate(memo.issuedAt) },
    { key: 'status', header: 'Status', render: (memo) => <CreditStatusBadge status={memo.status} /> },
    { key: 'total', header: 'Credit', align: 'right', render: (memo) => money(memo.totalMinor, memo.currency) },
    {
      key: 'document',
      header: <span className="visually-hidden">Document</span>,
      render: (memo) => <Download memo={memo} />,
    },
  ];
  return (
    <DataTable columns={columns} rows={memos} rowKey={(memo) => memo.id} caption="Your credit memos for this return" />
  );
}

function Download({ memo }: { memo: CreditMemoView }) {
  const toast = useToast();
  const download = useMutation({ mutationFn: () => downloadCreditMemoPdf(memo) });
  return (
    <button
      type="button"
      className="button button--small"
      disabled={download.isPending}
      onClick={() =>
        download.mutate(undefined, {
          onError: (error) => toast.show(`The credit memo was not downloaded: ${describeError(error)}`, 'error'),
        })
      }
    >
      Download credit memo (PDF)
    </button>
  );
}
