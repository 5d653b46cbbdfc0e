import { useState } from 'react';
import type { InspectionSla } from '../../../../src/contracts/configuration.js';
import { CUSTOMER_TIERS } from '../../../../src/contracts/masterdata.js';
import { useSites } from '../../api/sites.js';
import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { SelectField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { useConfigForm } from './use-config-form.js';

interface TargetDraft {
  key: string;
  /** A site code or a customer tier. */
  name: string;
  hours: string;
}

/** Whole hours as typed; NaN (refused by the schema beside the field) otherwise. */
const hoursOf = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
const HOURS_ERROR = 'Whole working hours, from 1 to 2160.';

export function InspectionSlaPage() {
  return (
    <ConfigEditorFrame
      kind="inspection_sla"
      title="Inspection SLA"
      description="How soon received goods must be inspected, in working hours from receipt: the shortest target that applies wins."
      editor={InspectionSlaEditor}
    />
  );
}

function InspectionSlaEditor({ config, onReload }: ConfigEditorProps<'inspection_sla'>) {
  const sla = config.document;
  const [defaultHours, setDefaultHours] = useState(String(sla.defaultHours));
  const [regulatedHours, setRegulatedHours] = useState(sla.regulatedHours === null ? '' : String(sla.regulatedHours));
  const [sites, setSites] = useState<TargetDraft[]>(() =>
    sla.sites.map((target) => ({ key: newRowKey(), name: target.siteCode, hours: String(target.hours) })),
  );
  const [tiers, setTiers] = useState<TargetDraft[]>(() =>
    sla.tiers.map((target) => ({ key: newRowKey(), name: target.tier, hours: String(target.hours) })),
  );
  const form = useConfigForm('inspection_sla', config, 'Inspection SLA');
  const errors = form.errors.fields;
  const knownSites = useSites();
  const siteOptions = [
    ...new Set([...(knownSites.data?.items ?? []).map((site) => site.code), ...sla.sites.map((t) => t.siteCode)]),
  ].map((code) => ({ value: code, label: code }));
  const tierOptions = [...new Set([...CUSTOMER_TIERS, ...sla.tiers.map((t) => t.tier)])].map((tier) => ({
    value: tier,
    label: humanize(tier),
  }));

  function toDocument(): InspectionSla {
    return {
      defaultHours: hoursOf(defaultHours),
      sites: sites.map((target) => ({ siteCode: target.name, hours: hoursOf(target.hours) })),
      regulatedHours: regulatedHours.trim() === '' ? null : hoursOf(regulatedHours),
      tiers: tiers.map((target) => ({ tier: target.name, hours: hoursOf(target.hours) })),
    };
  }

  return (
    <ConfigForm form={form} toDocument={toDocument} onReload={onReload}>
      <section className="panel">
        <div className="form-grid">
          <TextField
            label="Default target (hours)"
            inputMode="numeric"
            className="field--narrow"
            value={defaultHours}
            hint="Working hours from receipt, where nothing shorter applies."
            error={errors['defaultHours'] && HOURS_ERROR}
            onChange={(event) => setDefaultHours(event.target.value)}
          />
          <TextField
            label="Regulated goods (hours)"
            inputMode="numeric"
            className="field--narrow"
            value={regulatedHours}
            hint="Leave empty for no target of their own."
            error={errors['regulatedHours'] && HOURS_ERROR}
            onChange={(event) => setRegulatedHours(event.target.value)}
          />
        </div>
      </section>
      <TargetsTable
        id="sla-sites"
        title="By site"
        description="A site’s own target, e.g. a site that receives more than it inspects."
        what="site"
        errorPrefix="sites"
        nameField="siteCode"
        options={siteOptions}
        rows={sites}
        errors={errors}
        onChange={setSites}
      />
      <TargetsTable
        id="sla-tiers"
        title="By customer tier"
        description="Customers of these tiers have their returns inspected sooner."
        what="tier"
        errorPrefix="tiers"
        nameField="tier"
        options={tierOptions}
        rows={tiers}
        errors={errors}
        onChange={setTiers}
      />
    </ConfigForm>
  );
}

function TargetsTable({
  id,
  title,
  description,
  what,
  errorPrefix,
  nameField,
  options,
  rows,
  errors,
  onChange,
}: {
  id: string;
  title: string;
  description: string;
  what: 'site' | 'tier';
  errorPrefix: string;
  nameField: string;
  options: { value: string; label: string }[];
  rows: TargetDraft[];
  errors: Record<string, string>;
  onChange: (rows: TargetDraft[]) => void;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{description}</p>
      {rows.length > 0 ? (
        <EditTable
          caption={`Inspection SLA ${title.toLowerCase()}`}
          headers={[what === 'site' ? 'Site' : 'Tier', 'Hours']}
        >
          {rows.map((row, index) => {
            const name = row.name || `${what} ${index + 1}`;
            return (
              <tr key={row.key}>
                <td>
                  <SelectField
                    label={`${what === 'site' ? 'Site' : 'Tier'} of target ${index + 1}`}
                    hideLabel
                    value={row.name}
                    placeholder={`Choose a ${what}`}
                    options={options}
                    error={errors[`${errorPrefix}.${index}.${nameField}`]}
                    onChange={(event) => onChange(updateRow(rows, row.key, { name: event.target.value }))}
                  />
                </td>
                <td>
                  <TextField
                    label={`Hours for ${name}`}
                    hideLabel
                    className="field--narrow"
                    inputMode="numeric"
                    value={row.hours}
                    error={errors[`${errorPrefix}.${index}.hours`] && HOURS_ERROR}
                    onChange={(event) => onChange(updateRow(rows, row.key, { hours: event.target.value }))}
                  />
                </td>
                <td>
                  <RemoveRowButton rowName={name} onRemove={() => onChange(removeRow(rows, row.key))} />
                </td>
              </tr>
            );
          })}
        </EditTable>
      ) : (
        <p className="muted">None: the default applies.</p>
      )}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: newRowKey(), name: '', hours: '' }])}
      >
        + Add a {what} target
      </button>
    </section>
  );
}
