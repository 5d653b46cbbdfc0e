import { useState } from 'react';
import type { InspectionChecklists } from '../../../../src/contracts/configuration.js';
import { useProductFacets } from '../../api/products.js';
import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow } from '../../ui/editable-rows.js';
import { CheckboxField, SelectField, TextField } from '../../ui/field.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { useConfigForm } from './use-config-form.js';

interface ItemDraft {
  key: string;
  id: string;
  label: string;
  kind: 'check' | 'measurement';
  unit: string;
  min: string;
  max: string;
  required: boolean;
}
interface ChecklistDraft {
  key: string;
  category: string;
  items: ItemDraft[];
}
interface DefectDraft {
  key: string;
  /** Codes already published are recorded on inspections: they are deactivated, never renamed. */
  isNew: boolean;
  code: string;
  label: string;
  description: string;
  isActive: boolean;
}

const KIND_OPTIONS = [
  { value: 'check', label: 'Check (pass or fail)' },
  { value: 'measurement', label: 'Measurement' },
];
const CATEGORIES_LIST_ID = 'checklist-categories';

/** A bound as typed: none when empty, NaN (refused by the schema beside it) when not a number. */
function boundOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The schema's words for a bound typed as text ("Invalid input") say less than this. */
function boundError(error: string | undefined, text: string): string | undefined {
  if (!error) return undefined;
  return Number.isNaN(boundOf(text)) ? 'A number, or nothing.' : error;
}

export function InspectionChecklistsPage() {
  return (
    <ConfigEditorFrame
      kind="inspection_checklists"
      title="Inspection checklists"
      description="What an inspector checks and measures, per product category (* for any other), and the defect codes they record."
      editor={InspectionChecklistsEditor}
    />
  );
}

function InspectionChecklistsEditor({ config, onReload }: ConfigEditorProps<'inspection_checklists'>) {
  const [checklists, setChecklists] = useState<ChecklistDraft[]>(() =>
    config.document.checklists.map((checklist) => ({
      key: newRowKey(),
      category: checklist.category,
      items: checklist.items.map((item) => ({
        key: newRowKey(),
        id: item.id,
        label: item.label,
        kind: item.kind,
        unit: item.unit ?? '',
        min: item.min === undefined ? '' : String(item.min),
        max: item.max === undefined ? '' : String(item.max),
        required: item.required,
      })),
    })),
  );
  const [defects, setDefects] = useState<DefectDraft[]>(() =>
    config.document.defectCodes.map((code) => ({ key: newRowKey(), isNew: false, ...code })),
  );
  const form = useConfigForm('inspection_checklists', config, 'Inspection checklists');
  const errors = form.errors.fields;
  const facets = useProductFacets();

  function toDocument(): InspectionChecklists {
    return {
      checklists: checklists.map((checklist) => ({
        category: checklist.category.trim(),
        items: checklist.items.map((item) => {
          // A check passes or fails: a unit and a range belong to measurements only.
          const isMeasurement = item.kind === 'measurement';
          const unit = isMeasurement ? item.unit.trim() : '';
          const min = isMeasurement ? boundOf(item.min) : undefined;
          const max = isMeasurement ? boundOf(item.max) : undefined;
          return {
            id: item.id.trim(),
            label: item.label.trim(),
            kind: item.kind,
            ...(unit === '' ? {} : { unit }),
            ...(min === undefined ? {} : { min }),
            ...(max === undefined ? {} : { max }),
            required: item.required,
          };
        }),
      })),
      defectCodes: defects.map((defect) => ({
        code: defect.code.trim(),
        label: defect.label.trim(),
        description: defect.description.trim(),
        isActive: defect.isActive,
      })),
    };
  }

  const updateChecklist = (key: string, changes: Partial<ChecklistDraft>) =>
    setChecklists(updateRow(checklists, key, changes));

  return (
    <ConfigForm form={form} toDocument={toDocument} onReload={onReload}>
      <datalist id={CATEGORIES_LIST_ID}>
        {['*', ...(facets.data?.categories ?? [])].map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      {errors['checklists'] ? (
        <p className="field__error" role="alert">
          {errors['checklists']}
        </p>
      ) : null}
      {checklists.map((checklist, c) => (
        <ChecklistPanel
          key={checklist.key}
          checklist={checklist}
          path={`checklists.${c}`}
          errors={errors}
          onChange={(changes) => updateChecklist(checklist.key, changes)}
          onRemove={() => setChecklists(removeRow(checklists, checklist.key))}
        />
      ))}
      <section className="panel">
        <button
          type="button"
          className="button"
          onClick={() =>
            setChecklists([
              ...checklists,
              {
                key: newRowKey(),
                category: '',
                items: [{ ...newItem(), id: 'complete', label: 'Complete, nothing missing' }],
              },
            ])
          }
        >
          + Add a checklist for a category
        </button>
      </section>
      <DefectCodesTable defects={defects} errors={errors} onChange={setDefects} />
    </ConfigForm>
  );
}

const newItem = (): ItemDraft => ({
  key: newRowKey(),
  id: '',
  label: '',
  kind: 'check',
  unit: '',
  min: '',
  max: '',
  required: true,
});

function ChecklistPanel({
  checklist,
  path,
  errors,
  onChange,
  onRemove,
}: {
  checklist: ChecklistDraft;
  path: string;
  errors: Record<string, string>;
  onChange: (changes: Partial<ChecklistDraft>) => void;
  onRemove: () => void;
}) {
  const name = checklist.category === '*' ? 'any other category' : checklist.category || 'the new checklist';
  const titleId = `${checklist.key}-title`;
  const setItems = (items: ItemDraft[]) => onChange({ items });
  const update = (key: string, changes: Partial<ItemDraft>) => setItems(updateRow(checklist.items, key, changes));
  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel__header">
        <h2 id={titleId}>Checklist for {name}</h2>
        <RemoveRowButton rowName={`the checklist for ${name}`} onRemove={onRemove} />
      </div>
      <div className="form-grid">
        <TextField
          label="Category"
          value={checklist.category}
          list={CATEGORIES_LIST_ID}
          hint="A product category, or * for every category without its own checklist."
          error={errors[`${path}.category`]}
          onChange={(event) => onChange({ category: event.target.value })}
        />
      </div>
      {errors[`${path}.items`] ? <p className="field__error">{errors[`${path}.items`]}</p> : null}
      <EditTable
        caption={`Items of the checklist for ${name}`}
        headers={['Id', 'What to check', 'Kind', 'Unit', 'Min', 'Max', 'Required']}
      >
        {checklist.items.map((item, i) => {
          const at = `${path}.items.${i}`;
          const itemName = `${item.label || item.id || `item ${i + 1}`} (${name})`;
          return (
            <tr key={item.key}>
              <td>
                <TextField
                  label={`Id of ${itemName}`}
                  hideLabel
                  value={item.id}
                  maxLength={40}
                  placeholder="e.g. powers_on"
                  error={errors[`${at}.id`]}
                  onChange={(event) => update(item.key, { id: event.target.value.toLowerCase() })}
                />
              </td>
              <td>
                <TextField
                  label={`Label of ${itemName}`}
                  hideLabel
                  value={item.label}
                  maxLength={200}
                  error={errors[`${at}.label`]}
                  onChange={(event) => update(item.key, { label: event.target.value })}
                />
              </td>
              <td>
                <SelectField
                  label={`Kind of ${itemName}`}
                  hideLabel
                  value={item.kind}
                  options={KIND_OPTIONS}
                  onChange={(event) => update(item.key, { kind: event.target.value as ItemDraft['kind'] })}
                />
              </td>
              {item.kind === 'measurement' ? (
                <>
                  <td>
                    <TextField
                      label={`Unit of ${itemName}`}
                      hideLabel
                      className="field--narrow"
                      value={item.unit}
                      maxLength={20}
                      placeholder="e.g. V"
                      error={errors[`${at}.unit`]}
                      onChange={(event) => update(item.key, { unit: event.target.value })}
                    />
                  </td>
                  <td>
                    <TextField
                      label={`Minimum of ${itemName}`}
                      hideLabel
                      className="field--narrow"
                      inputMode="decimal"
                      value={item.min}
                      error={boundError(errors[`${at}.min`], item.min)}
                      onChange={(event) => update(item.key, { min: event.target.value })}
                    />
                  </td>
                  <td>
                    <TextField
                      label={`Maximum of ${itemName}`}
                      hideLabel
                      className="field--narrow"
                      inputMode="decimal"
                      value={item.max}
                      error={boundError(errors[`${at}.max`], item.max)}
                      onChange={(event) => update(item.key, { max: event.target.value })}
                    />
                  </td>
                </>
              ) : (
                <td colSpan={3} className="muted">
                  Passes or fails
                </td>
              )}
              <td>
                <CheckboxField
                  label={<span className="visually-hidden">{`${itemName} is required`}</span>}
                  checked={item.required}
                  onChange={(event) => update(item.key, { required: event.target.checked })}
                />
              </td>
              <td>
                <RemoveRowButton rowName={itemName} onRemove={() => setItems(removeRow(checklist.items, item.key))} />
              </td>
            </tr>
          );
        })}
      </EditTable>
      <button type="button" className="button button--small" onClick={() => setItems([...checklist.items, newItem()])}>
        + Add an item
      </button>
    </section>
  );
}

function DefectCodesTable({
  defects,
  errors,
  onChange,
}: {
  defects: DefectDraft[];
  errors: Record<string, string>;
  onChange: (defects: DefectDraft[]) => void;
}) {
  const update = (key: string, changes: Partial<DefectDraft>) => onChange(updateRow(defects, key, changes));
  return (
    <section className="panel" aria-labelledby="defect-codes-title">
      <h2 id="defect-codes-title">Defect codes</h2>
      <p className="muted">
        What an inspector records as wrong with a unit. Rules can test for them; deactivate a code rather than remove
        one that inspections have used.
      </p>
      <EditTable caption="Defect codes" headers={['Code', 'Label', 'Description', 'Active']}>
        {defects.map((defect, k) => {
          const name = defect.code || `defect code ${k + 1}`;
          return (
            <tr key={defect.key} className={defect.isActive ? undefined : 'row--inactive'}>
              <td>
                {defect.isNew ? (
                  <TextField
                    label={`Code of ${name}`}
                    hideLabel
                    value={defect.code}
                    placeholder="E.G. CRACKED_CASE"
                    error={errors[`defectCodes.${k}.code`]}
                    onChange={(event) => update(defect.key, { code: event.target.value.toUpperCase() })}
                  />
                ) : (
                  <code>{defect.code}</code>
                )}
              </td>
              <td>
                <TextField
                  label={`Label of ${name}`}
                  hideLabel
                  value={defect.label}
                  error={errors[`defectCodes.${k}.label`]}
                  onChange={(event) => update(defect.key, { label: event.target.value })}
                />
              </td>
              <td>
                <TextField
                  label={`Description of ${name}`}
                  hideLabel
                  value={defect.description}
                  error={errors[`defectCodes.${k}.description`]}
                  onChange={(event) => update(defect.key, { description: event.target.value })}
                />
              </td>
              <td>
                <CheckboxField
                  label={<span className="visually-hidden">{`${name} is active`}</span>}
                  checked={defect.isActive}
                  onChange={(event) => update(defect.key, { isActive: event.target.checked })}
                />
              </td>
              <td>
                <RemoveRowButton rowName={name} onRemove={() => onChange(removeRow(defects, defect.key))} />
              </td>
            </tr>
          );
        })}
      </EditTable>
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange([
            ...defects,
            { key: newRowKey(), isNew: true, code: '', label: '', description: '', isActive: true },
          ])
        }
      >
        + Add a defect code
      </button>
    </section>
  );
}
