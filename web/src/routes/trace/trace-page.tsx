import { Link, useSearchParams } from 'react-router';
import type { Role } from '../../../../src/contracts/common.js';
import type { Trace } from '../../../../src/contracts/trace.js';
import { useTrace, type TraceLookup } from '../../api/trace.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canRaiseRecalls, NEW_RECALL_PATH, RECALLS_PATH, tracePath } from '../../auth/permissions.js';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { TraceSearchForm } from './trace-search-form.js';
import { TraceTimeline } from './trace-timeline.js';
import { WhereNowTable } from './where-now-table.js';

/** The look-up lives in the address, so a trace can be linked to, bookmarked and returned to. */
function lookupOf(params: URLSearchParams): TraceLookup | null {
  const productId = params.get('productId') ? { productId: params.get('productId')! } : {};
  const serial = params.get('serial');
  const lot = params.get('lot');
  if (serial) return { serial, ...productId };
  if (lot) return { lot, ...productId };
  return null;
}

function paramsOf(lookup: TraceLookup): Record<string, string> {
  const params: Record<string, string> = 'lot' in lookup ? { lot: lookup.lot } : { serial: lookup.serial };
  if (lookup.productId) params['productId'] = lookup.productId;
  return params;
}

/** "Where has this been?": a serial number or a lot, from the sale to where it lies now. */
export function TracePage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const lookup = lookupOf(params);
  const query = useTrace(lookup);
  return (
    <>
      <PageHeader
        title="Trace a serial or lot"
        subtitle="Its whole path: who it was sold to, the returns that named it, its receipt, inspection and disposition, every stock movement — and where it is now."
        actions={
          canRaiseRecalls(user.role) ? (
            <Link className="button" to={RECALLS_PATH}>
              Recalls
            </Link>
          ) : null
        }
      />
      <section className="panel">
        <TraceSearchForm key={params.toString()} initial={lookup} onSearch={(next) => setParams(paramsOf(next))} />
      </section>
      {lookup ? (
        <QueryView query={query} loadingLabel="Tracing…" errorTitle="Could not trace it">
          {(trace) => <TraceResult trace={trace} role={user.role} />}
        </QueryView>
      ) : null}
    </>
  );
}

function TraceResult({ trace, role }: { trace: Trace; role: Role }) {
  const { serial, lot, productId } = trace.query;
  const what = serial !== null ? `serial number ${serial}` : `lot ${lot}`;
  if (trace.events.length === 0 && trace.whereNow.length === 0) {
    return (
      <EmptyState title={`Nothing found for ${what}`}>
        No order line shipped it, no return named it, and no receipt, inspection, disposition or stock movement records
        it{productId ? ' for this product' : ''}. Codes are matched exactly as they were recorded.
      </EmptyState>
    );
  }
  const product = trace.matches.length === 1 ? trace.matches[0]! : null;
  const canRecall = lot !== null && product !== null && canRaiseRecalls(role);
  const recallHref = `${NEW_RECALL_PATH}?${new URLSearchParams({ productId: product?.productId ?? '', lot: lot ?? '' }).toString()}`;
  return (
    <>
      <section className="panel" aria-labelledby="found-title">
        <h2 id="found-title">Found on</h2>
        <ul>
          {trace.matches.map((match) => (
            <li key={match.productId}>
              {match.sku} · {match.name}
              {trace.matches.length > 1 ? (
                <>
                  {' · '}
                  <Link
                    to={tracePath({ serial: serial ?? undefined, lot: lot ?? undefined, productId: match.productId })}
                  >
                    Only this product
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {canRecall ? (
          <p>
            <Link className="button button--primary" to={recallHref}>
              Recall this lot
            </Link>
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="path-title">
        <h2 id="path-title">Path</h2>
        {trace.events.length === 0 ? (
          <p className="muted">No recorded event names it.</p>
        ) : (
          <TraceTimeline events={trace.events} role={role} />
        )}
      </section>
      <section className="panel" aria-labelledby="where-title">
        <h2 id="where-title">Where is it now</h2>
        <WhereNowTable
          units={trace.whereNow}
          emptyTitle={
            trace.unitsLeftStock > 0
              ? 'Its returned units have left stock (see the path)'
              : 'Not in returned stock: as far as we know it is with the customer'
          }
        />
      </section>
    </>
  );
}
