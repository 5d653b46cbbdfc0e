import { useState } from 'react';
import { FACT_NAMES } from '../../../../src/contracts/disposition-rules.js';
import { useConfig } from '../../api/config.js';
import { useProductFacets } from '../../api/products.js';
import { SelectField, TextAreaField } from '../../ui/field.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { termsListId } from './condition-row.js';
import { CostEstimatesTable } from './cost-estimates-table.js';
import { RuleCard } from './rule-card.js';
import {
  costEstimatesToDrafts,
  moveRow,
  newRuleDraft,
  ruleToDraft,
  rulesDocument,
  type CostEstimateDraft,
  type RuleDraft,
} from './rule-draft.js';
import { RulesSampleTest } from './rules-sample-test.js';
import { useConfigForm, type ConfigFormState } from './use-config-form.js';
import './disposition-rules.css';

const CATEGORIES_LIST_ID = 'rule-cost-categories';

export function DispositionRulesPage() {
  return (
    <ConfigEditorFrame
      kind="disposition_rules"
      title="Disposition rules"
      description="What the rules recommend for an inspected unit: the first active rule whose conditions all hold decides; when none does, the fallback."
      editor={DispositionRulesEditor}
    />
  );
}

function DispositionRulesEditor({ config, onReload }: ConfigEditorProps<'disposition_rules'>) {
  const document = config.document;
  const [rules, setRules] = useState<RuleDraft[]>(() => document.rules.map((rule) => ruleToDraft(rule)));
  const [costs, setCosts] = useState<CostEstimateDraft[]>(() => costEstimatesToDrafts(document));
  const [fallback, setFallback] = useState(() => ({ ...document.fallback }));
  const [openKeys, setOpenKeys] = useState<ReadonlySet<string>>(new Set());
  const [previewErrors, setPreviewErrors] = useState<Record<string, string>>({});
  const form = useConfigForm('disposition_rules', config, 'Disposition rules');
  const errors = { ...previewErrors, ...form.errors.fields };
  const terms = useKnownTerms();

  const codes = useConfig('disposition_codes');
  const activeCodes = (codes.data?.document.codes ?? []).filter((code) => code.isActive);
  const codeOptions = [
    ...activeCodes.map((code) => ({ value: code.code, label: `${code.code} · ${code.label}` })),
    // A code the rules name that is no longer active stays shown, so the refusal can point at it.
    ...[...new Set([...document.rules.map((rule) => rule.code), document.fallback.code])]
      .filter((code) => !activeCodes.some((active) => active.code === code))
      .map((code) => ({ value: code, label: `${code} (not active)` })),
  ];
  const codeLabel = (code: string) => activeCodes.find((entry) => entry.code === code)?.label ?? '';

  const toDocument = () => rulesDocument(rules, costs, fallback);
  // A save clears what a test found: the save's own answer marks the fields from now on.
  const saving: ConfigFormState<'disposition_rules'> = {
    ...form,
    submit: (next) => {
      setPreviewErrors({});
      form.submit(next);
    },
  };

  function addRule(where: 'top' | 'end') {
    const rule = newRuleDraft(rules);
    setRules(where === 'top' ? [rule, ...rules] : [...rules, rule]);
    setOpenKeys(new Set([...openKeys, rule.key]));
  }

  function toggleOpen(key: string) {
    const next = new Set(openKeys);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setOpenKeys(next);
  }

  const hasErrorsAt = (index: number) =>
    Object.keys(errors).some((key) => key === `rules.${index}` || key.startsWith(`rules.${index}.`));

  return (
    <ConfigForm form={saving} toDocument={toDocument} onReload={onReload}>
      {FACT_NAMES.filter((fact) => terms[fact]).map((fact) => (
        <datalist key={fact} id={termsListId(fact)}>
          {terms[fact]!.map((term) => (
            <option key={term} value={term} />
          ))}
        </datalist>
      ))}
      <datalist id={CATEGORIES_LIST_ID}>
        {['*', ...(terms.category ?? [])].map((term) => (
          <option key={term} value={term} />
        ))}
      </datalist>
      <section className="panel" aria-labelledby="rules-title">
        <div className="panel__header">
          <h2 id="rules-title">Rules, in order</h2>
          <div className="button-row">
            <button type="button" className="button" onClick={() => addRule('top')}>
              + Add a rule at the top
            </button>
            <button type="button" className="button" onClick={() => addRule('end')}>
              + Add a rule at the end
            </button>
          </div>
        </div>
        <p className="muted">
          The first active rule whose conditions all hold decides, so the order is the policy: safety and compliance
          first, then the grade. An inactive rule is passed over.
        </p>
        {rules.length > 0 ? (
          <ol className="rule-list" aria-label="Disposition rules">
            {rules.map((rule, index) => (
              <RuleCard
                key={rule.key}
                rule={rule}
                index={index}
                count={rules.length}
                errors={errors}
                isOpen={openKeys.has(rule.key) || hasErrorsAt(index)}
                codeOptions={codeOptions}
                codeLabel={codeLabel}
                suggestedFacts={new Set(Object.keys(terms))}
                onToggleOpen={() => toggleOpen(rule.key)}
                onChange={(next) => setRules(rules.map((row) => (row.key === rule.key ? next : row)))}
                onMove={(by) => setRules(moveRow(rules, rule.key, by))}
                onRemove={() => setRules(rules.filter((row) => row.key !== rule.key))}
              />
            ))}
          </ol>
        ) : (
          <p className="muted">No rules: the fallback decides every unit.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="fallback-title">
        <h2 id="fallback-title">When no rule applies</h2>
        <div className="form-grid">
          <SelectField
            label="Fallback recommends"
            value={fallback.code}
            placeholder="Choose a disposition code"
            options={codeOptions}
            error={errors['fallback.code']}
            onChange={(event) => setFallback({ ...fallback, code: event.target.value })}
          />
        </div>
        <TextAreaField
          label="Fallback explanation"
          value={fallback.explanation}
          maxLength={500}
          error={errors['fallback.explanation']}
          onChange={(event) => setFallback({ ...fallback, explanation: event.target.value })}
        />
      </section>
      <CostEstimatesTable rows={costs} errors={errors} categoriesListId={CATEGORIES_LIST_ID} onChange={setCosts} />
      <RulesSampleTest toDocument={toDocument} onProblems={setPreviewErrors} />
    </ConfigForm>
  );
}

/** Terms the rules' text facts take that a person would otherwise type from memory. */
function useKnownTerms(): Partial<Record<(typeof FACT_NAMES)[number], string[]>> {
  const facets = useProductFacets();
  const reasons = useConfig('reason_codes');
  const checklists = useConfig('inspection_checklists');
  const terms: Partial<Record<(typeof FACT_NAMES)[number], string[]>> = {};
  if (facets.data) {
    terms.category = facets.data.categories;
    terms.regulatedClass = facets.data.regulatedClasses;
  }
  if (reasons.data) terms.reasonCode = reasons.data.document.codes.map((code) => code.code);
  if (checklists.data) terms.defectCodes = checklists.data.document.defectCodes.map((code) => code.code);
  return terms;
}
