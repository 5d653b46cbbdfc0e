import { Link } from 'react-router';
import { usePhotoDataUrl } from '../../api/inspections.js';
import type { SupplierClaimLine, SupplierClaimView } from '../../api/supplier-claims.js';
import { humanize } from '../../ui/labels.js';
import { BASIS_LABELS, money, moneyOrDash, plural, termsLabel } from './claim-labels.js';

/**
 * The claim line by line, as the supplier's terms computed it: units × the unit's cost, the term
 * applied (its restocking fee on a return, its recovery rate on a warranty), what is claimed and
 * what the supplier accepted; beneath each line the terms' own words and inspection's evidence.
 * Staff may open the return and the inspection, with its photos; a supplier reads the evidence.
 */
export function ClaimLinesTable({ claim, isStaff }: { claim: SupplierClaimView; isStaff: boolean }) {
  const { currency } = claim;
  const lines: readonly SupplierClaimLine[] = claim.lines;
  return (
    <div className="table-wrap">
      <table className="data-table claim-lines">
        <caption className="visually-hidden">How the claim is calculated, line by line</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Return</th>
            <th scope="col">Serial or lot</th>
            <th scope="col">Basis</th>
            <th scope="col" className="align-right">
              Units × cost
            </th>
            <th scope="col">Terms</th>
            <th scope="col" className="align-right">
              Claimed
            </th>
            <th scope="col" className="align-right">
              Accepted
            </th>
          </tr>
        </thead>
        {lines.map((line) => (
          <LineRows key={line.id} line={line} currency={currency} isStaff={isStaff} />
        ))}
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              Total
            </th>
            <td className="align-right">{money(claim.claimedMinor, currency)}</td>
            <td className="align-right">{moneyOrDash(claim.acceptedMinor, currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** One line and, beneath it, how it was computed and what backs it (its own body, so the two read as one). */
function LineRows({ line, currency, isStaff }: { line: SupplierClaimLine; currency: string; isStaff: boolean }) {
  const returnNumber = line.rmaNumber ?? line.rmaId ?? '—';
  return (
    <tbody>
      <tr>
        <td>{line.productSku ?? line.productId}</td>
        <td>
          {isStaff && line.rmaId ? (
            <Link to={`/returns/${encodeURIComponent(line.rmaId)}`}>{returnNumber}</Link>
          ) : (
            returnNumber
          )}
        </td>
        <td>{line.serial || line.lot || '—'}</td>
        <td>{BASIS_LABELS[line.basis]}</td>
        <td className="align-right">
          {line.quantity} × {money(line.unitCostMinor, currency)}
        </td>
        <td>{termsLabel(line.basis, line.termsBps)}</td>
        <td className="align-right">{money(line.claimedMinor, currency)}</td>
        <td className="align-right">{moneyOrDash(line.acceptedMinor, currency)}</td>
      </tr>
      <tr>
        <td colSpan={8} className="claim-line__details">
          <p className="claim-line__explanation">{line.explanation}</p>
          <Evidence line={line} isStaff={isStaff} />
        </td>
      </tr>
    </tbody>
  );
}

/** What inspection found: defect codes, its findings, a "no fault found", and the photos. */
function Evidence({ line, isStaff }: { line: SupplierClaimLine; isStaff: boolean }) {
  const { evidence } = line;
  // Staff's view names the inspection (with its photos); a supplier's does not.
  const inspectionId = isStaff ? line.inspectionId : undefined;
  return (
    <div className="claim-evidence">
      <span className="claim-evidence__term">Evidence:</span>{' '}
      {evidence.defectCodes.length > 0 ? (
        <span>
          {evidence.defectCodes.map((code) => (
            <span key={code} className="claim-evidence__code">
              <code>{code}</code> {humanize(code.toLowerCase())}
            </span>
          ))}
        </span>
      ) : (
        <span className="muted">no defect codes</span>
      )}
      {evidence.noFaultFound ? <strong> · No fault found</strong> : null}
      {evidence.findings ? <span className="claim-evidence__findings"> · “{evidence.findings}”</span> : null}
      <span> · {plural(evidence.photos.length, 'photo')}</span>
      {inspectionId ? (
        <>
          {' · '}
          <Link to={`/quality/inspections/${encodeURIComponent(inspectionId)}`}>
            Inspection<span className="visually-hidden"> of {line.productSku ?? line.productId}</span>
          </Link>
        </>
      ) : null}
      {inspectionId && evidence.photos.length > 0 ? (
        <span className="claim-evidence__photos">
          {evidence.photos.map((photo, index) => (
            <EvidencePhoto key={photo.id} inspectionId={inspectionId} photoId={photo.id} index={index} />
          ))}
        </span>
      ) : null}
    </div>
  );
}

/** A photo's bytes need the bearer token: fetched and shown as a data: URL (as on the inspection page). */
function EvidencePhoto({ inspectionId, photoId, index }: { inspectionId: string; photoId: string; index: number }) {
  const image = usePhotoDataUrl(
    `/api/v1/inspections/${encodeURIComponent(inspectionId)}/photos/${encodeURIComponent(photoId)}`,
  );
  if (image.isError) return <span className="muted">Photo {index + 1} could not be loaded</span>;
  if (!image.data) return null;
  return <img src={image.data} className="claim-evidence__photo" alt={`Inspection photo ${index + 1}`} />;
}
