import { useState } from 'react';
import type { ApprovalRules } from '../../../../src/contracts/configuration.js';
import { CUSTOMER_TIERS } from '../../../../src/contracts/masterdata.js';
import { CLAIMED_CONDITIONS, RETURN_TYPES } from '../../../../src/contracts/returns.js';
import { TextField } from '../../ui/field.js';
import { CONDITION_LABELS, humanize } from '../../ui/labels.js';
import { majorTextToMinor, minorToMajorText } from '../../ui/money.js';
import { CheckboxGroup } from './checkbox-group.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { ThresholdsTable, thresholdsFromDrafts, type ThresholdDraft } from './thresholds-table.js';
import { useConfigForm } from './use-config-form.js';
import { useProductFacets } from '../../api/products.js';

/** Amounts not tied to a listed currency are edited with two decimals. */
const DEFAULT_DECIMALS_CURRENCY = 'USD';

export function ApprovalRulesPage() {
  return (
    <ConfigEditorFrame
      kind="approval_rules"
      title="Approval rules"
      description="Which return requests go to a customer-service manager instead of being authorized automatically."
      editor={ApprovalRulesEditor}
    />
  );
}

function ApprovalRulesEditor({ config, onReload }: ConfigEditorProps<'approval_rules'>) {
  const rules = config.document;
  const [thresholds, setThresholds] = useState<ThresholdDraft[]>(() =>
    Object.entries(rules.valueThresholds).map(([currency, minor]) => ({
      key: currency,
      currency,
      amount: minorToMajorText(minor, currency),
    })),
  );
  const [defaultAmount, setDefaultAmount] = useState(
    minorToMajorText(rules.defaultValueThresholdMinor, DEFAULT_DECIMALS_CURRENCY),
  );
  const [tiers, setTiers] = useState(rules.tiersRequiringApproval);
  const [returnTypes, setReturnTypes] = useState(rules.returnTypesRequiringApproval);
  const [conditions, setConditions] = useState(rules.conditionsRequiringApproval);
  const [regulatedClasses, setRegulatedClasses] = useState(rules.regulatedClassesRequiringApproval);
  const facets = useProductFacets();
  // Picked from the catalogue's classes (a typed one could match no product); ones the rules
  // already name stay offered.
  const classOptions = [
    ...new Set([...(facets.data?.regulatedClasses ?? []), ...rules.regulatedClassesRequiringApproval]),
  ];
  const form = useConfigForm('approval_rules', config, 'Approval rules');
  const fieldErrors = form.errors.fields;

  function toDocument(): ApprovalRules {
    return {
      valueThresholds: thresholdsFromDrafts(thresholds),
      defaultValueThresholdMinor: majorTextToMinor(defaultAmount, DEFAULT_DECIMALS_CURRENCY) ?? Number.NaN,
      tiersRequiringApproval: tiers,
      returnTypesRequiringApproval: returnTypes,
      conditionsRequiringApproval: conditions,
      regulatedClassesRequiringApproval: regulatedClasses,
    };
  }

  return (
    <ConfigForm form={form} toDocument={toDocument} onReload={onReload}>
      <ThresholdsTable thresholds={thresholds} errors={fieldErrors} onChange={setThresholds} />
      <section className="panel">
        <TextField
          className="field--amount"
          label="Value threshold for other currencies"
          inputMode="decimal"
          value={defaultAmount}
          hint="Used for currencies not listed above, compared in that currency (two decimals)."
          error={fieldErrors['defaultValueThresholdMinor'] && 'Enter an amount such as 2500.00.'}
          onChange={(event) => setDefaultAmount(event.target.value)}
        />
        <CheckboxGroup
          legend="Customer tiers that always need approval"
          options={CUSTOMER_TIERS}
          selected={tiers as (typeof CUSTOMER_TIERS)[number][]}
          labelFor={humanize}
          error={fieldErrors['tiersRequiringApproval']}
          onChange={setTiers}
        />
        <CheckboxGroup
          legend="Return types that always need approval"
          options={RETURN_TYPES}
          selected={returnTypes}
          labelFor={humanize}
          error={fieldErrors['returnTypesRequiringApproval']}
          onChange={setReturnTypes}
        />
        <CheckboxGroup
          legend="Claimed conditions that need approval"
          options={CLAIMED_CONDITIONS}
          selected={conditions}
          labelFor={(condition) => CONDITION_LABELS[condition] ?? humanize(condition)}
          error={fieldErrors['conditionsRequiringApproval']}
          onChange={setConditions}
        />
        {classOptions.length > 0 ? (
          <CheckboxGroup
            legend="Regulated classes that need approval"
            options={classOptions}
            selected={regulatedClasses}
            labelFor={(regulatedClass) => regulatedClass}
            error={fieldErrors['regulatedClassesRequiringApproval']}
            onChange={setRegulatedClasses}
          />
        ) : (
          <p className="muted">Regulated classes: no product in the catalogue has one yet.</p>
        )}
      </section>
    </ConfigForm>
  );
}
