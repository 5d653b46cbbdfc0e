import { describeError } from '../../api/api-error.js';
import { useKpiCheck } from '../../api/kpis.js';
import { Alert } from '../../ui/alert.js';

/**
 * "Check the figures": the server recomputes every return's facts and the aggregates from the raw
 * records and says whether anything differs — the figures are kept current as events happen, and
 * this is how an operations manager or administrator confirms they are exact.
 */
export function KpiCheck() {
  const check = useKpiCheck();
  const result = check.data;
  return (
    <div className="kpi-check">
      <button type="button" className="button" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? 'Checking…' : 'Check the figures'}
      </button>
      {check.isError ? <Alert tone="error">The check did not run: {describeError(check.error)}</Alert> : null}
      {result ? (
        <Alert tone={result.ok ? 'success' : 'warning'}>
          {result.ok
            ? `Exact: ${result.checkedReturns.toLocaleString()} returns and ${result.checkedRollups.toLocaleString()} aggregates recomputed from the raw records, no difference (${result.tookMs.toLocaleString()} ms).`
            : `${result.factDifferences.length + result.rollupDifferences.length} differences between the stored figures and a recomputation from the raw records (${result.checkedReturns.toLocaleString()} returns checked). Tell an administrator.`}
        </Alert>
      ) : null}
    </div>
  );
}
