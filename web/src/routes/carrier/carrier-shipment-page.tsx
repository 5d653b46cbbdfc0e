import { useParams } from 'react-router';
import { useCarrierShipment, type CarrierShipmentDetail } from '../../api/carrier-shipments.js';
import { CARRIER_SHIPMENTS_PATH } from '../../auth/permissions.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { SHIPMENT_STATE_LABELS, ShipmentStateBadge } from '../../ui/shipment-states.js';
import { deliverToLine } from './carrier-shipment-labels.js';
import { ReportScanForm } from './report-scan-form.js';

/** One shipment as its carrier sees it: the parcel, where it goes, every scan, and a new one to report. */
export function CarrierShipmentPage() {
  const { shipmentId = '' } = useParams();
  const query = useCarrierShipment(shipmentId);
  return (
    <QueryView query={query} loadingLabel="Loading the shipment…" errorTitle="Could not load the shipment">
      {(shipment) => <ShipmentDetails shipment={shipment} />}
    </QueryView>
  );
}

function ShipmentDetails({ shipment }: { shipment: CarrierShipmentDetail }) {
  const to = shipment.deliverTo;
  return (
    <>
      <PageHeader
        back={{ to: CARRIER_SHIPMENTS_PATH, label: 'Shipments' }}
        title={
          <>
            {shipment.trackingNumber} <ShipmentStateBadge state={shipment.state} />
          </>
        }
        subtitle={`Return ${shipment.rmaNumber} · ${shipment.units} ${shipment.units === 1 ? 'unit' : 'units'}`}
      />
      <section className="panel" aria-labelledby="carrier-shipment-parcel">
        <div className="panel__header">
          <h2 id="carrier-shipment-parcel">The parcel</h2>
        </div>
        <dl className="facts facts--wide">
          <Fact term="Return (on the label)" value={shipment.rmaNumber} />
          <Fact term="Service" value={shipment.service || '—'} />
          <Fact term="Units" value={String(shipment.units)} />
          <Fact term="Weight" value={shipment.weightGrams === null ? '—' : `${shipment.weightGrams / 1000} kg`} />
          <Fact term="From (region)" value={shipment.shipFromRegion || '—'} />
          <Fact term="Deliver to" value={deliverToLine(shipment)} />
        </dl>
        {to ? (
          <address aria-label="Delivery address">
            {[to.siteName, to.addressLine1, [to.postalCode, to.city].filter(Boolean).join(' '), to.region, to.country]
              .filter((line) => line.trim() !== '')
              .map((line) => (
                <span key={line}>
                  {line}
                  <br />
                </span>
              ))}
          </address>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="carrier-shipment-scans">
        <div className="panel__header">
          <h2 id="carrier-shipment-scans">Scans</h2>
        </div>
        {shipment.events.length === 0 ? (
          <p className="muted">No scan reported yet.</p>
        ) : (
          <ol className="tracking-events" aria-label="Scans">
            {shipment.events.map((scan, index) => (
              <li key={`${scan.occurredAt}-${index}`}>
                <strong>{SHIPMENT_STATE_LABELS[scan.state]}</strong> · {formatDateTime(scan.occurredAt)}
                {scan.location ? ` · ${scan.location}` : ''}
                {scan.description ? <span className="cell-sub">{scan.description}</span> : null}
                {scan.outcome !== 'applied' ? <span className="cell-sub">Not applied: {scan.outcome}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <ReportScanForm key={shipment.version} shipment={shipment} />
    </>
  );
}
