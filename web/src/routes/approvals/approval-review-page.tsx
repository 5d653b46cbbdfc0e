import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Rma } from '../../../../src/contracts/returns.js';
import { describeError } from '../../api/api-error.js';
import { useDecide } from '../../api/approvals.js';
import { isStaffRma, useRma } from '../../api/rmas.js';
import { Alert } from '../../ui/alert.js';
import { formatDateTime } from '../../ui/dates.js';
import { EmptyState } from '../../ui/empty-state.js';
import { TextAreaField } from '../../ui/field.js';
import { CONDITION_LABELS, humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';
import { useNow } from '../../ui/use-now.js';
import { useWorklist } from './use-worklist.js';
import { DEFAULT_APPROVAL_COMMENT, describeAge, nextAfter } from './worklist.js';

/** One waiting return, decided here; the next one in the same filtered queue opens after it. */
export function ApprovalReviewPage() {
  const { rmaId = '' } = useParams();
  const rma = useRma(rmaId);
  return (
    <QueryView query={rma} loadingLabel="Loading the return…">
      {(loaded) => (isStaffRma(loaded) ? <Review key={loaded.id} rma={loaded} /> : null)}
    </QueryView>
  );
}

function Review({ rma }: { rma: Rma }) {
  const { rows, search } = useWorklist();
  const navigate = useNavigate();
  const toast = useToast();
  const decideRma = useDecide();
  const [comment, setComment] = useState('');
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const ids = rows.map((row) => row.id);
  const position = ids.indexOf(rma.id);
  const next = nextAfter(ids, rma.id);
  const queuePath = `/approvals${search}`;
  const goNext = () => void navigate(next ? `/approvals/${next}${search}` : queuePath);

  function submit(kind: 'approve' | 'reject') {
    const text = comment.trim();
    if (kind === 'reject' && text === '') {
      setError('Say why the return is rejected; the customer is told.');
      return;
    }
    setError(null);
    decideRma.mutate(
      { rmaId: rma.id, version: rma.version, kind, comment: text || DEFAULT_APPROVAL_COMMENT },
      {
        onSuccess: () => {
          toast.show(`${rma.rmaNumber} ${kind === 'approve' ? 'approved' : 'rejected'}`);
          if (!next) toast.show('That was the last return waiting in this queue.', 'info');
          goNext();
        },
        onError: (cause) => setError(describeError(cause)),
      },
    );
  }

  const isWaiting = rma.status === 'pending_approval';
  return (
    <>
      <PageHeader
        back={{ to: queuePath, label: 'Approval queue' }}
        title={`Review ${rma.rmaNumber}`}
        subtitle={
          <>
            {position >= 0 ? `${position + 1} of ${ids.length} waiting · ` : ''}
            waiting {describeAge(rma.createdAt, now)} (requested {formatDateTime(rma.createdAt)})
          </>
        }
        actions={
          <Link to={`/returns/${rma.id}`} className="button">
            Open the full return
          </Link>
        }
      />
      <section className="panel" aria-labelledby="review-summary">
        <h2 id="review-summary">
          {rma.customerName} <span className="muted">({rma.customerAccount})</span>
        </h2>
        <p>
          {humanize(rma.returnType)} · {formatMoney(rma.totalValueMinor, rma.currency)}
          {rma.customerReference ? ` · reference ${rma.customerReference}` : ''}
        </p>
        {rma.note ? <p className="muted">{rma.note}</p> : null}
        <ItemsTable rma={rma} />
      </section>
      <section className="panel" aria-labelledby="review-why">
        <h2 id="review-why">Why it needs approval</h2>
        {rma.routingReasons.length > 0 ? (
          <ul>
            {rma.routingReasons.map((reason, index) => (
              <li key={`${index}-${reason}`}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No reason recorded.</p>
        )}
      </section>
      {isWaiting ? (
        <section className="panel" aria-labelledby="review-decision">
          <h2 id="review-decision">Decision</h2>
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              submit('approve');
            }}
            noValidate
          >
            <TextAreaField
              label="Comment"
              hint={`Optional to approve (recorded as “${DEFAULT_APPROVAL_COMMENT}”); required to reject. Kept in the return’s history.`}
              value={comment}
              maxLength={2000}
              onChange={(event) => setComment(event.target.value)}
            />
            {error ? <Alert tone="error">{error}</Alert> : null}
            <div className="review-actions">
              <button type="submit" className="button button--primary" disabled={decideRma.isPending}>
                Approve
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={decideRma.isPending}
                onClick={() => submit('reject')}
              >
                Reject
              </button>
              {next ? (
                <Link to={`/approvals/${next}${search}`} className="button button--ghost">
                  Skip to the next
                </Link>
              ) : null}
            </div>
          </form>
        </section>
      ) : (
        <EmptyState title={`${rma.rmaNumber} is no longer waiting for approval`}>
          <p>It is {humanize(rma.status).toLowerCase()}.</p>
          <Link to={next ? `/approvals/${next}${search}` : queuePath}>
            {next ? 'Review the next return' : 'Back to the queue'}
          </Link>
        </EmptyState>
      )}
    </>
  );
}

function ItemsTable({ rma }: { rma: Rma }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Product</th>
            <th scope="col" className="align-right">
              Quantity
            </th>
            <th scope="col">Reason</th>
            <th scope="col">Condition</th>
            <th scope="col" className="align-right">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {rma.lines.map((line) => (
            <tr key={line.id}>
              <td>{line.sku}</td>
              <td>{line.productName}</td>
              <td className="align-right">{line.quantity}</td>
              <td>{humanize(line.reasonCode)}</td>
              <td>{CONDITION_LABELS[line.claimedCondition] ?? humanize(line.claimedCondition)}</td>
              <td className="align-right">{formatMoney(line.valueMinor, rma.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
