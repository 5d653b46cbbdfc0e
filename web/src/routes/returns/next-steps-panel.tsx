import { Link } from 'react-router';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { formatDate } from '../../ui/dates.js';
import { ShipToAddress } from './ship-to-address.js';
import './return-document.css';

/**
 * What the customer does once a return is authorized: where to send the goods, by when, and the
 * RMA document to print and put in the parcel. The shipping label comes with the inbound stage.
 */
export function NextStepsPanel({ rma }: { rma: RmaView }) {
  if (rma.status !== 'authorized' || rma.isUnauthorized) return null;
  return (
    <section className="panel next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">Send the goods back</h2>
      <ol className="next-steps__list">
        <li>
          Print the RMA document and put it in the parcel, so we can match what arrives to {rma.rmaNumber}.{' '}
          <Link to={`/returns/${rma.id}/document`} className="button button--primary">
            Print RMA document
          </Link>
        </li>
        <li>
          {rma.expiresOn ? (
            <>
              Ship it by <strong>{formatDate(rma.expiresOn)}</strong>; the authorization expires after that day.
            </>
          ) : (
            'Ship it as soon as you can.'
          )}
        </li>
        <li>
          Send it to:
          {rma.shipTo ? (
            <ShipToAddress shipTo={rma.shipTo} />
          ) : (
            <p className="muted">We will tell you where to send it; contact customer service if you are waiting.</p>
          )}
        </li>
      </ol>
    </section>
  );
}
