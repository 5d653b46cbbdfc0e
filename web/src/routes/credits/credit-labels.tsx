// How the credit screens name a memo, its status and its money.
import { Link } from 'react-router';
import { formatMinor } from '../../../../src/platform/money/format-money.js';
import type { CreditMemoStatus, CreditMemoView } from '../../api/credit-memos.js';
import { creditMemoPath } from '../../auth/permissions.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';

export const CREDIT_STATUS_LABELS: Record<CreditMemoStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  issued: 'Issued',
  applied: 'Applied',
  void: 'Void',
};

const CREDIT_STATUS_TONES: Record<CreditMemoStatus, BadgeTone> = {
  draft: 'warning',
  approved: 'info',
  issued: 'success',
  applied: 'neutral',
  void: 'muted',
};

export function CreditStatusBadge({ status }: { status: CreditMemoStatus }) {
  return <Badge tone={CREDIT_STATUS_TONES[status]}>{CREDIT_STATUS_LABELS[status]}</Badge>;
}

/** Above the settlement policy's limit: finance approves it. */
export function FinanceApprovalBadge() {
  return <Badge tone="warning">Needs finance approval</Badge>;
}

/** Integer minor units in the memo's currency, e.g. "USD 2,500.00". */
export const money = (minor: number, currency: string) => formatMinor(minor, currency);

/** A memo by its number once issued; before that it has none and is named by its state and return. */
export function memoTitle(memo: Pick<CreditMemoView, 'creditMemoNumber' | 'status' | 'rmaNumber' | 'rmaId'>): string {
  if (memo.creditMemoNumber) return memo.creditMemoNumber;
  return `${CREDIT_STATUS_LABELS[memo.status]} credit for ${memo.rmaNumber ?? memo.rmaId}`;
}

/** The memo in a sentence: its number, or "the credit for RMA-…" before it has one. */
export function memoInSentence(memo: Pick<CreditMemoView, 'creditMemoNumber' | 'rmaNumber' | 'rmaId'>): string {
  return memo.creditMemoNumber ?? `the credit for ${memo.rmaNumber ?? memo.rmaId}`;
}

export function CreditMemoLink({
  memo,
}: {
  memo: Pick<CreditMemoView, 'id' | 'creditMemoNumber' | 'status' | 'rmaNumber' | 'rmaId'>;
}) {
  return <Link to={creditMemoPath(memo.id)}>{memoTitle(memo)}</Link>;
}

export function ReturnLink({ memo }: { memo: Pick<CreditMemoView, 'rmaId' | 'rmaNumber'> }) {
  return <Link to={`/returns/${encodeURIComponent(memo.rmaId)}`}>{memo.rmaNumber ?? memo.rmaId}</Link>;
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
