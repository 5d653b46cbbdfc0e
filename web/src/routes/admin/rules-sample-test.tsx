import { useState } from 'react';
import { FACT_NAMES, type FactName } from '../../../../src/contracts/disposition-rules.js';
import type { DispositionRules } from '../../../../src/contracts/disposition-rules.js';
import type { RecommendationSchema } from '../../../../src/contracts/disposition.js';
import type { z } from 'zod';
import { describeError, isApiError } from '../../api/api-error.js';
import { useCompletedInspections, usePreviewRules, type RulesPreview } from '../../api/rules-preview.js';
import { useSites } from '../../api/sites.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Fact } from '../../ui/fact.js';
import { SelectField } from '../../ui/field.js';
import { inspectionSites } from '../quality/inspection-queue-page.js';
import { FACT_LABELS } from './rule-draft.js';

type Recommendation = z.infer<typeof RecommendationSchema>;

function factValue(value: unknown): string {
  if (value === null || value === undefined) return 'not known';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'none';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * "Test on a sample return": the draft on screen applied to a completed inspection, beside what
 * the rules in force recommend. A draft the server finds fault with has its fields marked above.
 */
export function RulesSampleTest({
  toDocument,
  onProblems,
}: {
  toDocument: () => DispositionRules;
  onProblems: (fields: Record<string, string>) => void;
}) {
  const sites = useSites();
  const siteOptions = inspectionSites(sites.data?.items ?? []).map((site) => ({
    value: site.id,
    label: `${site.code} · ${site.name}`,
  }));
  const [siteId, setSiteId] = useState('');
  const [inspectionId, setInspectionId] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const chosenSite = siteId || (siteOptions[0]?.value ?? '');
  const inspections = useCompletedInspections(chosenSite);
  const preview = usePreviewRules();
  const inspectionOptions = (inspections.data?.items ?? []).map((item) => ({
    value: item.id,
    label: [
      item.rmaNumber,
      item.lineNumber === null ? null : `line ${item.lineNumber}`,
      [item.productSku, item.productName].filter(Boolean).join(' '),
      item.serial ? `serial ${item.serial}` : item.lot ? `lot ${item.lot}` : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }));

  function test() {
    if (inspectionId === '') {
      setMissing('Choose an inspected unit to try the rules on.');
      return;
    }
    setMissing(undefined);
    preview.mutate(
      { document: toDocument(), inspectionId },
      {
        onSuccess: () => onProblems({}),
        onError: (error) => {
          if (isApiError(error) && error.status === 400) onProblems(error.fieldErrors('document.'));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="sample-test-title">
      <h2 id="sample-test-title">Test on a sample return</h2>
      <p className="muted">
        Try the rules as they are on screen — before saving — on a unit already inspected, and see what they would
        recommend beside what the rules in force recommend. Nothing is saved or changed.
      </p>
      <div className="form-grid">
        <SelectField
          label="Site"
          value={chosenSite}
          options={siteOptions}
          onChange={(event) => {
            setSiteId(event.target.value);
            setInspectionId('');
          }}
        />
        <SelectField
          label="Inspected unit"
          value={inspectionId}
          placeholder={inspections.isPending && chosenSite !== '' ? 'Loading…' : 'Choose a completed inspection'}
          options={inspectionOptions}
          error={missing}
          hint={
            inspections.isSuccess && inspectionOptions.length === 0
              ? 'No inspection has been completed at this site yet.'
              : undefined
          }
          onChange={(event) => {
            setInspectionId(event.target.value);
            setMissing(undefined);
          }}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button" disabled={preview.isPending} onClick={test}>
          {preview.isPending ? 'Testing…' : 'Test the rules on this unit'}
        </button>
      </div>
      {preview.isError ? (
        <Alert tone="error">
          {isApiError(preview.error) && preview.error.status === 400
            ? `The rules on screen have problems, marked above: ${describeError(preview.error)}`
            : describeError(preview.error)}
        </Alert>
      ) : null}
      {preview.isSuccess && !preview.isPending ? <PreviewResult preview={preview.data} /> : null}
    </section>
  );
}

function PreviewResult({ preview }: { preview: RulesPreview }) {
  return (
    <div className="rules-preview" aria-live="polite">
      <p>
        {preview.isChanged ? (
          <Badge tone="warning">
            The draft changes the outcome: {preview.current.code} → {preview.recommendation.code}
          </Badge>
        ) : (
          <Badge tone="muted">Same outcome as the rules in force: {preview.current.code}</Badge>
        )}
      </p>
      <div className="rules-preview__compare">
        <RecommendationBox id="preview-draft" title="The rules on screen" recommendation={preview.recommendation} />
        <RecommendationBox
          id="preview-current"
          title={`The rules in force (version ${preview.current.rulesVersion})`}
          recommendation={preview.current}
        />
      </div>
      <details>
        <summary>The facts of this unit</summary>
        <dl className="facts facts--wide">
          {FACT_NAMES.filter((fact) => fact in preview.facts).map((fact: FactName) => (
            <Fact key={fact} term={FACT_LABELS[fact]} value={factValue(preview.facts[fact])} />
          ))}
        </dl>
      </details>
    </div>
  );
}

function RecommendationBox({
  id,
  title,
  recommendation,
}: {
  id: string;
  title: string;
  recommendation: Recommendation;
}) {
  return (
    <section className="rules-preview__box" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>
        <strong>{recommendation.code}</strong> · {recommendation.label}
      </p>
      <p className="muted">
        {recommendation.ruleId === null ? 'No rule applied: the fallback' : `Rule: ${recommendation.ruleName}`}
      </p>
      <p>{recommendation.explanation}</p>
    </section>
  );
}
