import { Link, useParams } from 'react-router';
import { useRecall } from '../../api/recalls.js';
import { RECALLS_PATH, tracePath } from '../../auth/permissions.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { RecallRmasTable } from './recall-rmas-table.js';

/** One recall: what was recalled and why, and its returns as they stand now. */
export function RecallPage() {
  const { recallId = '' } = useParams();
  const query = useRecall(recallId);
  return (
    <QueryView query={query} loadingLabel="Loading the recall…" errorTitle="Could not load the recall">
      {(recall) => (
        <>
          <PageHeader
            back={{ to: RECALLS_PATH, label: 'Recalls' }}
            title={`Recall ${recall.recallNumber}`}
            subtitle={recall.reason}
          />
          <section className="panel">
            <dl className="facts">
              <Fact term="Product" value={`${recall.productSku ?? recall.productId} · ${recall.productName ?? ''}`} />
              <Fact term="Lots" value={recall.lots.join(', ')} />
              <Fact term="Raised" value={`${formatDateTime(recall.createdAt)} by ${recall.createdBy}`} />
              <Fact term="Returns" value={String(recall.rmas.length)} />
            </dl>
            <p>
              {recall.lots.map((lot) => (
                <Link key={lot} className="button button--small" to={tracePath({ lot, productId: recall.productId })}>
                  Trace lot {lot}
                </Link>
              ))}
            </p>
          </section>
          <section className="panel" aria-labelledby="recall-rmas-title">
            <h2 id="recall-rmas-title">Recall returns</h2>
            <RecallRmasTable rmas={recall.rmas} />
          </section>
        </>
      )}
    </QueryView>
  );
}
