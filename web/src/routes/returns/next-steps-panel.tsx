import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { describeError } from '../../api/api-error.js';
import { downloadReturnLabel } from '../../api/return-label.js';
import { Alert } from '../../ui/alert.js';
import { formatDate } from '../../ui/dates.js';
import { ShipToAddress } from './ship-to-address.js';
import './return-document.css';

/**
 * What the customer does once a return is authorized: where to send the goods, by when, the RMA
 * document to print and put in the parcel, and the return label (PDF) to stick on it.
 */
export function NextStepsPanel({ rma }: { rma: RmaView }) {
  const label = useMutation({ mutationFn: () => downloadReturnLabel(rma.id) });
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
        {rma.shipTo ? (
          <li>
            Print the return label and stick it on the outside of the parcel: its barcodes tell our dock which return it
            is.{' '}
            <button
              type="button"
              className="button button--primary"
              onClick={() => label.mutate()}
              disabled={label.isPending}
            >
              {label.isPending ? 'Preparing the label…' : 'Download return label'}
            </button>
            {label.error ? (
              <Alert tone="error">The label could not be downloaded: {describeError(label.error)}</Alert>
            ) : null}
          </li>
        ) : null}
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
