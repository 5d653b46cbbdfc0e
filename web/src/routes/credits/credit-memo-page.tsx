import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, isApiError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import {
  downloadCreditMemoPdf,
  useApplyCreditMemo,
  useApproveCreditMemo,
  useCreditMemo,
  useRedraftCredit,
  type CreditMemo,
} from '../../api/credit-memos.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import {
  canApproveAnyCredit,
  canApproveCredits,
  canIssueCredits,
  creditMemoPath,
  CREDITS_PATH,
  journalEntryPath,
  LEDGER_ROLES,
} from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';
import { CreditCalculationTable } from './credit-calculation-table.js';
import { CreditHistory } from './credit-history.js';
import { CreditStatusBadge, FinanceApprovalBadge, memoTitle, money, ReturnLink } from './credit-labels.js';
import { IssueCreditDialog } from './issue-credit-dialog.js';
import { VoidCreditDialog } from './void-credit-dialog.js';
import './credits.css';

/** One credit memo: how it was calculated, line by line, its history, and what the person may do next. */
export function CreditMemoPage() {
  const { creditMemoId = '' } = useParams();
  const query = useCreditMemo(creditMemoId);
  return (
    <QueryView query={query} loadingLabel="Loading the credit memo…" errorTitle="Could not load this credit memo">
      {(memo) => <MemoView memo={memo} onReload={() => void query.refetch()} />}
    </QueryView>
  );
}

type Dialog = 'issue' | 'void' | null;

function MemoView({ memo, onReload }: { memo: CreditMemo; onReload: () => void }) {
  const user = useCurrentUser();
  const toast = useToast();
  const approve = useApproveCreditMemo();
  const apply = useApplyCreditMemo();
  const redraft = useRedraftCredit();
  const navigate = useNavigate();
  const download = useMutation({ mutationFn: () => downloadCreditMemoPdf(memo) });
  const [dialog, setDialog] = useState<Dialog>(null);
  /** A refusal of the last action, said beside the actions; `isStale` when the memo changed meanwhile. */
  const [refusal, setRefusal] = useState<{ message: string; isStale: boolean } | null>(null);
  // One key per action on one version: a retry after a lost answer cannot apply it twice.
  const keys = useRef(new Map<string, string>());
  const keyFor = (action: string) => {
    const name = `${action}:${memo.id}:${memo.version}`;
    const key = keys.current.get(name) ?? newIdempotencyKey();
    keys.current.set(name, key);
    return key;
  };

  const title = memoTitle(memo);
  const isAboveLimit = memo.status === 'draft' && memo.needsFinanceApproval;
  const mayApprove =
    memo.status === 'draft' && canApproveCredits(user.role) && (!isAboveLimit || canApproveAnyCredit(user.role));
  const mayIssue = canIssueCredits(user.role);
  const isBusy = approve.isPending || apply.isPending;

  const stale = () =>
    setRefusal({
      message: 'This credit memo changed meanwhile — reload to see it as it is now, then try again.',
      isStale: true,
    });
  function refused(error: unknown) {
    if (isApiError(error) && error.status === 412) stale();
    else setRefusal({ message: describeError(error), isStale: isApiError(error) && error.status === 409 });
  }
  function reload() {
    setRefusal(null);
    onReload();
  }
  function run(action: 'approve' | 'apply') {
    setRefusal(null);
    const mutation = action === 'approve' ? approve : apply;
    mutation.mutate(
      { id: memo.id, version: memo.version, idempotencyKey: keyFor(action) },
      {
        onSuccess: (changed) =>
          toast.show(
            action === 'approve'
              ? `Credit for ${memo.rmaNumber ?? memo.rmaId} approved`
              : `${changed.creditMemoNumber ?? title} marked applied`,
          ),
        onError: refused,
      },
    );
  }
  function draftAgain() {
    setRefusal(null);
    redraft.mutate(
      { rmaId: memo.rmaId, idempotencyKey: keyFor('redraft') },
      {
        onSuccess: (draft) => {
          toast.show(`A new draft credit for ${memo.rmaNumber ?? memo.rmaId}`);
          void navigate(creditMemoPath(draft.id));
        },
        onError: refused,
      },
    );
  }
  function saveCopy() {
    download.mutate(undefined, {
      onError: (error) => toast.show(`The credit memo was not downloaded: ${describeError(error)}`, 'error'),
    });
  }

  return (
    <>
      <PageHeader
        back={{ to: CREDITS_PATH, label: 'Credit memos' }}
        title={
          <>
            {memo.creditMemoNumber ? `Credit memo ${memo.creditMemoNumber}` : title}{' '}
            <CreditStatusBadge status={memo.status} />
            {isAboveLimit ? <FinanceApprovalBadge /> : null}
          </>
        }
        subtitle={
          <>
            Return <ReturnLink memo={memo} /> · {memo.customerName ?? memo.customerId} ·{' '}
            {money(memo.totalMinor, memo.currency)}
          </>
        }
        actions={
          <>
            {mayApprove ? (
              <button type="button" className="button button--primary" disabled={isBusy} onClick={() => run('approve')}>
                {approve.isPending ? 'Approving…' : 'Approve'}
              </button>
            ) : null}
            {mayIssue && memo.status === 'approved' ? (
              <button type="button" className="button button--primary" onClick={() => setDialog('issue')}>
                Issue
              </button>
            ) : null}
            {mayIssue && memo.status === 'issued' ? (
              <button type="button" className="button" disabled={isBusy} onClick={() => run('apply')}>
                {apply.isPending ? 'Marking applied…' : 'Mark applied'}
              </button>
            ) : null}
            {mayIssue && ['draft', 'approved', 'issued'].includes(memo.status) ? (
              <button type="button" className="button button--danger" onClick={() => setDialog('void')}>
                Void
              </button>
            ) : null}
            {mayIssue && memo.status === 'void' ? (
              <button type="button" className="button" disabled={redraft.isPending} onClick={draftAgain}>
                {redraft.isPending ? 'Drafting…' : 'Draft the units again'}
              </button>
            ) : null}
            <button type="button" className="button" disabled={download.isPending} onClick={saveCopy}>
              {download.isPending ? 'Downloading…' : 'Download PDF'}
            </button>
          </>
        }
      />
      {refusal ? (
        <Alert tone="error">
          {refusal.message}{' '}
          {refusal.isStale ? (
            <button type="button" className="link-button" onClick={reload}>
              Reload
            </button>
          ) : null}
        </Alert>
      ) : null}
      {isAboveLimit ? <FinanceApprovalNote canApproveAny={canApproveAnyCredit(user.role)} memo={memo} /> : null}
      {memo.status === 'void' ? (
        <Alert tone="warning">
          Void {formatDateTime(memo.voidedAt)}: {memo.voidReason ?? 'no reason given'}
        </Alert>
      ) : null}
      <section className="panel" aria-labelledby="credit-facts-title">
        <h2 id="credit-facts-title" className="visually-hidden">
          About the credit memo
        </h2>
        <dl className="facts">
          <Fact term="Credit memo number" value={memo.creditMemoNumber ?? 'Not issued yet'} />
          <div>
            <dt>Return</dt>
            <dd>
              <ReturnLink memo={memo} />
            </dd>
          </div>
          <Fact term="Customer" value={memo.customerName ?? memo.customerId} />
          <Fact term="Currency" value={memo.currency} />
          <Fact term="Credit" value={money(memo.totalMinor, memo.currency)} />
          <Fact term="Issued" value={memo.issuedAt ? formatDateTime(memo.issuedAt) : '—'} />
        </dl>
      </section>
      <section className="panel" aria-labelledby="credit-calculation-title">
        <h2 id="credit-calculation-title">Calculation</h2>
        <CreditCalculationTable memo={memo} />
      </section>
      <section className="panel" aria-labelledby="credit-history-title">
        <h2 id="credit-history-title">History</h2>
        <CreditHistory memo={memo} />
        {memo.issueEntryId && LEDGER_ROLES.includes(user.role) ? (
          <p className="muted">
            Posted to the books: <Link to={journalEntryPath(memo.issueEntryId)}>the journal entry</Link>.
          </p>
        ) : null}
      </section>
      {dialog === 'issue' ? <IssueCreditDialog memo={memo} onClose={() => setDialog(null)} onStale={stale} /> : null}
      {dialog === 'void' ? <VoidCreditDialog memo={memo} onClose={() => setDialog(null)} onStale={stale} /> : null}
    </>
  );
}

/** Above the settlement policy's limit: finance approves it, and says so to anyone else who may approve. */
function FinanceApprovalNote({ memo, canApproveAny }: { memo: CreditMemo; canApproveAny: boolean }) {
  return (
    <Alert tone="warning">
      <strong>Needs finance approval.</strong> {money(memo.totalMinor, memo.currency)} is above the settlement
      policy&apos;s limit for {memo.currency},{' '}
      {canApproveAny ? 'so finance approves it.' : 'so only finance can approve this credit memo.'}
    </Alert>
  );
}
