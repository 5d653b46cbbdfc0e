import type { CreditMemo } from '../../api/credit-memos.js';
import { formatDateTime } from '../../ui/dates.js';

interface Step {
  what: string;
  at: string;
  detail: string | null;
}

/** What happened to the memo, oldest first: drafted, approved, issued, applied or void. */
export function CreditHistory({ memo }: { memo: CreditMemo }) {
  const steps: Step[] = [
    { what: 'Drafted', at: memo.createdAt, detail: `under settlement policy v${memo.policyVersion}` },
  ];
  if (memo.approvedAt)
    steps.push({ what: 'Approved', at: memo.approvedAt, detail: memo.approvedBy ? `by ${memo.approvedBy}` : null });
  if (memo.issuedAt)
    steps.push({
      what: `Issued as ${memo.creditMemoNumber ?? '—'}`,
      at: memo.issuedAt,
      detail: memo.issuedBy ? `by ${memo.issuedBy}` : null,
    });
  if (memo.appliedAt) steps.push({ what: 'Applied', at: memo.appliedAt, detail: 'the credit was used or refunded' });
  if (memo.voidedAt) steps.push({ what: 'Void', at: memo.voidedAt, detail: memo.voidReason });
  return (
    <ol className="credit-history">
      {steps.map((step) => (
        <li key={step.what}>
          <span className="credit-history__what">{step.what}</span> · {formatDateTime(step.at)}
          {step.detail ? <span className="cell-sub">{step.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}
