import { useState } from 'react';
import type { ReturnPolicy } from '../../../../src/contracts/configuration.js';
import { RETURN_TYPES } from '../../../../src/contracts/returns.js';
import { TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { CheckboxGroup } from './checkbox-group.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { ReturnWindowsTable, type WindowDraft } from './return-windows-table.js';
import { useConfigForm } from './use-config-form.js';

export function ReturnPolicyPage() {
  return (
    <ConfigEditorFrame
      kind="return_policy"
      title="Return policy"
      description="How long after delivery a return may be requested, by customer tier and product category, and how long an authorization stays valid."
      editor={ReturnPolicyEditor}
    />
  );
}

function ReturnPolicyEditor({ config, onReload }: ConfigEditorProps<'return_policy'>) {
  const policy = config.document;
  const [defaultDays, setDefaultDays] = useState(String(policy.defaultReturnWindowDays));
  const [validDays, setValidDays] = useState(String(policy.authorizationValidDays));
  const [exempt, setExempt] = useState(policy.windowExemptReturnTypes);
  const [windows, setWindows] = useState<WindowDraft[]>(() =>
    policy.windows.map((window, index) => ({
      key: `w-${index}`,
      tier: window.tier,
      category: window.category,
      days: String(window.days),
    })),
  );
  const form = useConfigForm('return_policy', config, 'Return policy');
  const fieldErrors = form.errors.fields;

  function toDocument(): ReturnPolicy {
    return {
      defaultReturnWindowDays: toInt(defaultDays),
      authorizationValidDays: toInt(validDays),
      windowExemptReturnTypes: exempt,
      windows: windows.map((window) => ({
        tier: window.tier,
        category: window.category.trim(),
        days: toInt(window.days),
      })),
    };
  }

  return (
    <ConfigForm form={form} toDocument={toDocument} onReload={onReload}>
      <section className="panel">
        <div className="form-grid">
          <TextField
            label="Default return window (days after delivery)"
            type="number"
            min={0}
            value={defaultDays}
            error={fieldErrors['defaultReturnWindowDays'] && 'Enter a whole number of days from 0 to 3650.'}
            onChange={(event) => setDefaultDays(event.target.value)}
          />
          <TextField
            label="Authorization valid for (days)"
            type="number"
            min={1}
            value={validDays}
            hint="An authorized return with nothing shipped after this many days expires."
            error={fieldErrors['authorizationValidDays'] && 'Enter a whole number of days from 1 to 365.'}
            onChange={(event) => setValidDays(event.target.value)}
          />
        </div>
        <CheckboxGroup
          legend="Return types not bound by the return window"
          options={RETURN_TYPES}
          selected={exempt}
          labelFor={humanize}
          error={fieldErrors['windowExemptReturnTypes']}
          onChange={setExempt}
        />
      </section>
      <ReturnWindowsTable windows={windows} errors={fieldErrors} onChange={setWindows} />
    </ConfigForm>
  );
}

/** NaN for anything that is not a whole number, so the shared schema reports it. */
function toInt(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}
