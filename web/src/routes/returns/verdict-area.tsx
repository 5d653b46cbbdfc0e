import type { Order } from '../../api/orders.js';
import type { VerdictView } from '../../../../src/contracts/returns.js';
import { EmptyState } from '../../ui/empty-state.js';
import { ErrorState } from '../../ui/error-state.js';
import { Spinner } from '../../ui/spinner.js';
import { VerdictPanel } from './verdict-panel.js';

/** The live policy verdict beside the request form. */
export function VerdictArea({
  order,
  lineIds,
  verdict,
  isChecking,
  error,
  onRetry,
  hasLines,
}: {
  order: Order;
  lineIds: string[];
  verdict: VerdictView | undefined;
  isChecking: boolean;
  error: unknown;
  onRetry: () => void;
  hasLines: boolean;
}) {
  function lineLabel(orderLineId: string, lineIndex: number): string {
    const id = orderLineId || lineIds[lineIndex];
    const line = order.lines.find((candidate) => candidate.id === id);
    return line ? `Line ${line.lineNumber} · ${line.sku} ${line.productName}` : `Line ${lineIndex + 1}`;
  }

  return (
    <aside className="request-form__aside" aria-label="Policy verdict">
      {error ? (
        <ErrorState title="The policy could not be checked" error={error} onRetry={onRetry} />
      ) : verdict ? (
        <VerdictPanel verdict={verdict} lineLabel={lineLabel} isChecking={isChecking} />
      ) : isChecking ? (
        <div className="panel">
          <Spinner label="Checking the return policy…" />
        </div>
      ) : (
        <div className="panel">
          <EmptyState title="Policy verdict">
            {hasLines
              ? 'Give a quantity, reason and condition for each chosen line to see whether the return is eligible.'
              : 'Choose the lines to return; the verdict appears here as you fill in the request.'}
          </EmptyState>
        </div>
      )}
    </aside>
  );
}
