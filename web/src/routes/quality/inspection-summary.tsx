import { GRADE_LABELS } from '../../../../src/contracts/inspection-vocabulary.js';
import { useConfig } from '../../api/config.js';
import type { Inspection } from '../../api/inspections.js';
import { Badge } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { rangeText } from './inspection-draft.js';
import { VerdictBadge } from './inspection-labels.js';

/** The record as it stands, to read: after completion, or while someone else works on it. */
export function InspectionSummary({ inspection }: { inspection: Inspection }) {
  const config = useConfig('inspection_checklists');
  const defectLabel = (code: string) =>
    config.data?.document.defectCodes.find((defect) => defect.code === code)?.label ?? code;
  const isFinished = inspection.status === 'completed' || inspection.status === 'awaiting_sign_off';
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">{isFinished ? 'Inspection result' : 'Inspection record so far'}</h2>
      {inspection.claimVerdict ? (
        <div className="verdict-line" aria-label="Claim verdict">
          <VerdictBadge verdict={inspection.claimVerdict} />{' '}
          {inspection.claimVerdictReason ? <span>{inspection.claimVerdictReason}</span> : null}
        </div>
      ) : null}
      <dl className="facts">
        <Fact term="Grade" value={inspection.grade ? GRADE_LABELS[inspection.grade] : 'Not graded yet'} />
        <Fact
          term="Defects"
          value={inspection.defectCodes.length > 0 ? inspection.defectCodes.map(defectLabel).join(', ') : 'None'}
        />
        <Fact term="No fault found" value={inspection.noFaultFound ? 'Yes' : 'No'} />
        {inspection.inspectedBy ? (
          <Fact term="Inspected by" value={`${inspection.inspectedBy}, ${formatDateTime(inspection.inspectedAt)}`} />
        ) : null}
        {inspection.signedOffBy ? (
          <Fact term="Signed off by" value={`${inspection.signedOffBy}, ${formatDateTime(inspection.signedOffAt)}`} />
        ) : null}
      </dl>
      {inspection.checklist.length > 0 ? (
        <>
          <h3>Checklist</h3>
          <ul className="check-list" aria-label="Checklist results">
            {inspection.checklist.map((item) => (
              <li key={item.id} className={`check ${item.outOfRange ? 'check--fail' : 'check--pass'}`}>
                <span className="check__mark" aria-hidden="true">
                  {item.outOfRange ? '✗' : item.passed === null && item.value === null ? '–' : '✓'}
                </span>
                <span>
                  {item.label}:{' '}
                  {item.kind === 'check'
                    ? item.passed === null
                      ? 'not answered'
                      : item.passed
                        ? 'pass'
                        : 'fail'
                    : item.value === null
                      ? 'not measured'
                      : `${item.value}${item.unit ? ` ${item.unit}` : ''}`}
                  {item.kind === 'measurement' && rangeText(item) ? (
                    <span className="muted"> (expected {rangeText(item)})</span>
                  ) : null}
                  {item.outOfRange ? (
                    <>
                      {' '}
                      <Badge tone="danger">{item.kind === 'check' ? 'Failed' : 'Out of range'}</Badge>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {inspection.measurements.length > 0 ? (
        <>
          <h3>Other measurements</h3>
          <ul>
            {inspection.measurements.map((measurement, index) => (
              <li key={`${index}-${measurement.name}`}>
                {measurement.name}: {measurement.value}
                {measurement.unit ? ` ${measurement.unit}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {inspection.findings ? (
        <div className="note">
          <p className="note__title">Findings</p>
          <p>{inspection.findings}</p>
        </div>
      ) : null}
      {inspection.notes ? (
        <div className="note">
          <p className="note__title">Notes</p>
          <p>{inspection.notes}</p>
        </div>
      ) : null}
    </section>
  );
}
