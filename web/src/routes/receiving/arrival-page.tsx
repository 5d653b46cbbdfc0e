import { Link, useParams } from 'react-router';
import type { UnidentifiedArrival } from '../../../../src/contracts/receiving.js';
import { useArrival } from '../../api/arrivals.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { ARRIVALS_TO_IDENTIFY_PATH, canIdentifyArrivals } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { IdentifyArrival } from './identify-arrival-form.js';

type Line = UnidentifiedArrival['lines'][number];

const lineColumns: Column<Line>[] = [
  { key: 'line', header: '#', render: (line) => line.lineNumber },
  {
    key: 'goods',
    header: 'Goods',
    render: (line) =>
      line.productId ? (
        `${line.productSku ?? ''} · ${line.productName ?? ''}`
      ) : (
        <>
          {line.description} <Badge tone="warning">Not in catalogue</Badge>
        </>
      ),
  },
  { key: 'code', header: 'Barcode or part no.', render: (line) => line.scannedCode || '—' },
  { key: 'quantity', header: 'Quantity', render: (line) => line.quantity, align: 'right' },
  { key: 'condition', header: 'Condition', render: (line) => humanize(line.claimedCondition) },
  { key: 'serials', header: 'Serials', render: (line) => line.serials.join(', ') || '—' },
];

/** One arrival: what came in, from whom as far as anyone could tell, and identifying it. */
export function ArrivalPage() {
  const { arrivalId = '' } = useParams();
  const query = useArrival(arrivalId);
  return (
    <QueryView query={query} loadingLabel="Loading the arrival…" errorTitle="Could not load the arrival">
      {(arrival) => <ArrivalDetails arrival={arrival} />}
    </QueryView>
  );
}

function ArrivalDetails({ arrival }: { arrival: UnidentifiedArrival }) {
  const user = useCurrentUser();
  const isWaiting = arrival.status === 'awaiting_identification';
  return (
    <>
      <PageHeader
        back={{ to: ARRIVALS_TO_IDENTIFY_PATH, label: 'Arrivals to identify' }}
        title={
          <>
            {arrival.arrivalNumber}{' '}
            {isWaiting ? <Badge tone="warning">To identify</Badge> : <Badge tone="success">Identified</Badge>}
          </>
        }
        subtitle={`${arrival.units} unit${arrival.units === 1 ? '' : 's'} received at ${arrival.siteCode}`}
      />
      {arrival.rmaId ? (
        <Alert tone="success">
          Identified {formatDateTime(arrival.identifiedAt)} by {arrival.identifiedBy}:{' '}
          <Link to={`/returns/${arrival.rmaId}`}>open the return</Link>.
        </Alert>
      ) : null}
      <section className="panel">
        <dl className="facts facts--wide">
          <Fact term="Customer" value={arrival.customerName ?? 'Not known'} />
          <Fact term="Sender as on the parcel" value={arrival.sender || '—'} />
          <Fact term="Received" value={`${formatDateTime(arrival.receivedAt)} by ${arrival.receivedBy}`} />
          <Fact term="Carrier or tracking reference" value={arrival.carrierReference || '—'} />
        </dl>
        <div className="note">
          <p>{arrival.note}</p>
        </div>
      </section>
      <section className="panel">
        <h2>What arrived</h2>
        <DataTable
          columns={lineColumns}
          rows={arrival.lines}
          rowKey={(line) => line.id}
          caption="Lines of the arrival"
        />
      </section>
      {isWaiting && canIdentifyArrivals(user.role) ? <IdentifyArrival arrival={arrival} /> : null}
    </>
  );
}
