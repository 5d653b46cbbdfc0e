import type { Role } from '../../../../src/contracts/common.js';
import { useCreditMemoCount } from '../../api/credit-memos.js';
import { canIssueCredits, CREDITS_PATH } from '../../auth/permissions.js';
import { HomeCard } from '../home/home-card.js';

/** The home page's way into the credit memos, with how many wait for this person. */
export function CreditMemosCard({ role }: { role: Role }) {
  const drafts = useCreditMemoCount('draft');
  const approved = useCreditMemoCount('approved');
  const mayIssue = canIssueCredits(role);
  const waiting = [
    mayIssue && approved !== null ? `${approved.toLocaleString()} approved to issue` : null,
    drafts !== null ? `${drafts.toLocaleString()} drafts to approve` : null,
  ].filter(Boolean);
  return (
    <HomeCard to={CREDITS_PATH} title="Credit memos">
      What returns are credited, line by line: approve{mayIssue ? ', issue' : ''} and follow them.{' '}
      {waiting.length > 0 ? `${waiting.join(' · ')}.` : ''}
    </HomeCard>
  );
}
