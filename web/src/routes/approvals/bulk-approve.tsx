import { useState, type FormEvent } from 'react';
import type { RmaSummary } from '../../../../src/contracts/returns.js';
import { useBulkApprove, type BulkResult } from '../../api/approvals.js';
import { Alert } from '../../ui/alert.js';
import { TextField } from '../../ui/field.js';
import { DEFAULT_APPROVAL_COMMENT, summarizeBulk } from './worklist.js';

/** Approves the selected returns with one comment, each with its own If-Match, and says how each went. */
export function BulkApprove({ rows, onDone }: { rows: RmaSummary[]; onDone: (approvedIds: string[]) => void }) {
  const [comment, setComment] = useState('');
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const bulk = useBulkApprove();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (rows.length === 0) return;
    const bulkRows = rows.map((rma) => ({ rmaId: rma.id, rmaNumber: rma.rmaNumber, version: rma.version }));
    bulk.mutate(
      { rows: bulkRows, comment: comment.trim() || DEFAULT_APPROVAL_COMMENT },
      {
        onSuccess: (outcomes) => {
          setResults(outcomes);
          setComment('');
          onDone(outcomes.filter((outcome) => outcome.kind === 'approved').map((outcome) => outcome.rmaId));
        },
      },
    );
  }

  return (
    <>
      <form className="worklist-bulk" onSubmit={handleSubmit} aria-label="Approve the selected returns">
        <TextField
          label="Comment for the selected returns"
          hint={`Optional; recorded as “${DEFAULT_APPROVAL_COMMENT}” when left empty.`}
          value={comment}
          maxLength={2000}
          onChange={(event) => setComment(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={rows.length === 0 || bulk.isPending}>
          {bulk.isPending ? 'Approving…' : `Approve selected (${rows.length})`}
        </button>
      </form>
      {results ? (
        <div role="status" aria-label="Bulk approval results">
          <Alert tone={results.every((result) => result.kind === 'approved') ? 'success' : 'warning'}>
            {summarizeBulk(results)}
          </Alert>
          <ul className="worklist-results">
            {results.map((result) => (
              <li key={result.rmaId}>
                {result.rmaNumber}: {result.kind === 'approved' ? 'approved' : `not approved — ${result.message}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
