import { useState } from 'react';
import type { ReturnRouting } from '../../../../src/contracts/configuration.js';
import { SITE_CAPABILITIES } from '../../../../src/contracts/masterdata.js';
import { useProductFacets } from '../../api/products.js';
import { useSites } from '../../api/sites.js';
import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { SelectField, TextField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { RoutingZonesTable, splitList, type ZoneDraft } from './routing-zones-table.js';
import { useConfigForm } from './use-config-form.js';

interface CertificationDraft {
  key: string;
  regulatedClass: string;
  capability: string;
}
interface CapacityDraft {
  key: string;
  siteCode: string;
  maxOpenUnits: string;
}

export function RoutingRulesPage() {
  return (
    <ConfigEditorFrame
      kind="return_routing"
      title="Return routing"
      description="Where authorized returns are sent: the nearest site of the customer's zone that is certified for the goods and has room."
      editor={RoutingRulesEditor}
    />
  );
}

function RoutingRulesEditor({ config, onReload }: ConfigEditorProps<'return_routing'>) {
  const rules = config.document;
  const [zones, setZones] = useState<ZoneDraft[]>(() =>
    rules.zones.map((zone, index) => ({
      key: `z-${index}`,
      name: zone.name,
      regions: zone.regions.join(', '),
      sites: zone.sites.join(', '),
    })),
  );
  const [certifications, setCertifications] = useState<CertificationDraft[]>(() =>
    rules.certifications.map((c, index) => ({ key: `c-${index}`, ...c })),
  );
  const [capacities, setCapacities] = useState<CapacityDraft[]>(() =>
    rules.siteCapacities.map((c, index) => ({
      key: `s-${index}`,
      siteCode: c.siteCode,
      maxOpenUnits: String(c.maxOpenUnits),
    })),
  );
  const facets = useProductFacets();
  const sites = useSites();
  const form = useConfigForm('return_routing', config, 'Return routing');
  const errors = form.errors.fields;
  const classOptions = [
    ...new Set([...(facets.data?.regulatedClasses ?? []), ...rules.certifications.map((c) => c.regulatedClass)]),
  ].map((value) => ({ value, label: value }));
  const siteOptions = [
    ...new Set([...(sites.data?.items ?? []).map((site) => site.code), ...rules.siteCapacities.map((c) => c.siteCode)]),
  ].map((value) => ({ value, label: value }));

  function toDocument(): ReturnRouting {
    return {
      zones: zones.map((zone) => ({
        name: zone.name.trim(),
        regions: splitList(zone.regions),
        sites: splitList(zone.sites),
      })),
      certifications: certifications.map((c) => ({
        regulatedClass: c.regulatedClass,
        capability: c.capability as ReturnRouting['certifications'][number]['capability'],
      })),
      siteCapacities: capacities.map((c) => ({
        siteCode: c.siteCode,
        maxOpenUnits: /^\s*\d+\s*$/.test(c.maxOpenUnits) ? Number(c.maxOpenUnits) : Number.NaN,
      })),
    };
  }

  return (
    <ConfigForm form={form} toDocument={toDocument} onReload={onReload}>
      <RoutingZonesTable zones={zones} errors={errors} onChange={setZones} />
      <section className="panel" aria-labelledby="certifications-title">
        <h2 id="certifications-title">Certifications</h2>
        <p className="muted">
          Goods of a regulated class go only to sites with this capability; a class not listed needs “regulated goods”.
          Goods kept cold always need “temperature controlled”.
        </p>
        <EditTable caption="Certifications by regulated class" headers={['Regulated class', 'Site capability']}>
          {certifications.map((row, index) => (
            <tr key={row.key}>
              <td>
                <SelectField
                  label={`Regulated class ${index + 1}`}
                  hideLabel
                  options={classOptions}
                  placeholder="Choose a class"
                  value={row.regulatedClass}
                  error={errors[`certifications.${index}.regulatedClass`]}
                  onChange={(event) =>
                    setCertifications(updateRow(certifications, row.key, { regulatedClass: event.target.value }))
                  }
                />
              </td>
              <td>
                <SelectField
                  label={`Capability for class ${index + 1}`}
                  hideLabel
                  options={SITE_CAPABILITIES.map((value) => ({ value, label: humanize(value) }))}
                  value={row.capability}
                  onChange={(event) =>
                    setCertifications(updateRow(certifications, row.key, { capability: event.target.value }))
                  }
                />
              </td>
              <td>
                <RemoveRowButton
                  rowName={row.regulatedClass || `class ${index + 1}`}
                  onRemove={() => setCertifications(removeRow(certifications, row.key))}
                />
              </td>
            </tr>
          ))}
        </EditTable>
        <button
          type="button"
          className="button"
          onClick={() =>
            setCertifications([
              ...certifications,
              { key: newRowKey(), regulatedClass: '', capability: 'regulated_goods' },
            ])
          }
        >
          + Add a certification
        </button>
      </section>
      <section className="panel" aria-labelledby="capacities-title">
        <h2 id="capacities-title">Site capacity</h2>
        <p className="muted">
          The most units a site takes on open returns (authorized, not yet closed). A full site is passed over for the
          next nearest; when every certified site is full, the nearest still takes the goods.
        </p>
        {capacities.length > 0 ? (
          <EditTable caption="Capacity by site" headers={['Site', 'Most open units']}>
            {capacities.map((row, index) => (
              <tr key={row.key}>
                <td>
                  <SelectField
                    label={`Site of capacity ${index + 1}`}
                    hideLabel
                    options={siteOptions}
                    placeholder="Choose a site"
                    value={row.siteCode}
                    error={errors[`siteCapacities.${index}.siteCode`]}
                    onChange={(event) =>
                      setCapacities(updateRow(capacities, row.key, { siteCode: event.target.value }))
                    }
                  />
                </td>
                <td>
                  <TextField
                    label={`Most open units at ${row.siteCode || `site ${index + 1}`}`}
                    hideLabel
                    type="number"
                    min={0}
                    className="field--narrow"
                    value={row.maxOpenUnits}
                    error={errors[`siteCapacities.${index}.maxOpenUnits`] && 'A whole number of units, 0 or more.'}
                    onChange={(event) =>
                      setCapacities(updateRow(capacities, row.key, { maxOpenUnits: event.target.value }))
                    }
                  />
                </td>
                <td>
                  <RemoveRowButton
                    rowName={row.siteCode || `capacity ${index + 1}`}
                    onRemove={() => setCapacities(removeRow(capacities, row.key))}
                  />
                </td>
              </tr>
            ))}
          </EditTable>
        ) : (
          <p className="muted">No limits: every site takes what the rules send it.</p>
        )}
        <button
          type="button"
          className="button"
          onClick={() => setCapacities([...capacities, { key: newRowKey(), siteCode: '', maxOpenUnits: '' }])}
        >
          + Add a site limit
        </button>
      </section>
    </ConfigForm>
  );
}
