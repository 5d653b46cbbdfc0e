import { Link, useParams } from 'react-router';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { useRma } from '../../api/rmas.js';
import { formatDate } from '../../ui/dates.js';
import { QueryView } from '../../ui/query-view.js';
import { ShipToAddress } from './ship-to-address.js';
import './return-document.css';

/** The RMA document: printed and put in the parcel so the receiving site can match the goods. */
export function ReturnDocumentPage() {
  const { rmaId = '' } = useParams();
  const query = useRma(rmaId);
  return (
    <QueryView query={query} loadingLabel="Loading the return…" errorTitle="Could not load this return">
      {(rma) => <ReturnDocument rma={rma} />}
    </QueryView>
  );
}

function ReturnDocument({ rma }: { rma: RmaView }) {
  const isPrintable = rma.status === 'authorized';
  return (
    <article className="rma-document" aria-labelledby="rma-document-number">
      <div className="rma-document__toolbar">
        <Link to={`/returns/${rma.id}`}>← Back to {rma.rmaNumber}</Link>
        {isPrintable ? (
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            Print
          </button>
        ) : null}
      </div>
      {isPrintable ? null : (
        <p className="rma-document__warning" role="status">
          This return is not authorized ({rma.status.replaceAll('_', ' ')}): do not send goods with this document.
        </p>
      )}
      <header className="rma-document__header">
        <p className="rma-document__label">Return authorization</p>
        <h1 id="rma-document-number" className="rma-document__number">
          {rma.rmaNumber}
        </h1>
        <p>Write this number on the outside of every parcel.</p>
      </header>
      <div className="rma-document__columns">
        <section aria-labelledby="rma-document-ship-to">
          <h2 id="rma-document-ship-to">Ship to</h2>
          {rma.shipTo ? <ShipToAddress shipTo={rma.shipTo} /> : <p>Not routed yet.</p>}
        </section>
        <section aria-labelledby="rma-document-from">
          <h2 id="rma-document-from">From</h2>
          <p>
            {rma.customerName}
            <br />
            Account {rma.customerAccount}
            {rma.customerReference ? (
              <>
                <br />
                Your reference {rma.customerReference}
              </>
            ) : null}
          </p>
          <h2>Ship by</h2>
          <p className="rma-document__date">{formatDate(rma.expiresOn)}</p>
        </section>
      </div>
      <table className="rma-document__lines">
        <caption>Goods in this parcel</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">SKU</th>
            <th scope="col">Item</th>
            <th scope="col" className="rma-document__quantity">
              Quantity
            </th>
            <th scope="col">Serial / lot numbers</th>
          </tr>
        </thead>
        <tbody>
          {rma.lines.map((line) => (
            <tr key={line.id}>
              <td>{line.lineNumber}</td>
              <td className="rma-document__sku">{line.sku}</td>
              <td>{line.productName}</td>
              <td className="rma-document__quantity">{line.quantity}</td>
              <td>{[...line.serials, ...line.lots].join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
