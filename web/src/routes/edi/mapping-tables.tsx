import type { ReactNode } from 'react';
import type { ClaimedCondition, ReturnType } from '../../../../src/contracts/returns-vocabulary.js';
import { Alert } from '../../ui/alert.js';
import { EditTable, RemoveRowButton } from '../../ui/edit-table.js';
import { newRowKey, removeRow, updateRow, type EditableRow } from '../../ui/editable-rows.js';
import { SelectField, TextField } from '../../ui/field.js';
import { CONDITION_OPTIONS, RETURN_TYPE_OPTIONS } from '../../ui/options.js';
import type { ItemNumberKind, PartnerDraft } from './partner-draft.js';

const ITEM_KIND_OPTIONS = [
  { value: 'sku', label: 'Our SKU' },
  { value: 'gtin', label: 'GTIN' },
  { value: 'cross_reference', label: 'Cross-reference' },
];

type Mappings = Pick<PartnerDraft, 'qualifiers' | 'crossReference' | 'reasons' | 'dispositions'>;

/** One small table of codes: its rows, each with a Remove, and an Add row button below. */
function MappingTable<Row extends EditableRow>({
  title,
  hint,
  headers,
  rows,
  rowName,
  cells,
  addLabel,
  onAdd,
  onRemove,
}: {
  title: string;
  hint: string;
  headers: string[];
  rows: Row[];
  rowName: (row: Row) => string;
  cells: (row: Row, name: string) => ReactNode[];
  addLabel: string;
  onAdd: () => void;
  onRemove: (key: string) => void;
}) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <p className="field__hint">{hint}</p>
      {rows.length > 0 ? (
        <EditTable caption={title} headers={headers}>
          {rows.map((row) => {
            const name = rowName(row);
            return (
              <tr key={row.key}>
                {cells(row, name).map((cell, index) => (
                  <td key={headers[index]}>{cell}</td>
                ))}
                <td>
                  <RemoveRowButton rowName={name} onRemove={() => onRemove(row.key)} />
                </td>
              </tr>
            );
          })}
        </EditTable>
      ) : null}
      <button type="button" className="button button--small" onClick={onAdd}>
        {addLabel}
      </button>
    </section>
  );
}

/** How the partner's codes read as ours: item qualifiers, cross-references, reasons and dispositions. */
export function MappingTables({
  value,
  error,
  onChange,
}: {
  value: Mappings;
  error?: string | undefined;
  onChange: (changes: Partial<Mappings>) => void;
}) {
  const { qualifiers, crossReference, reasons, dispositions } = value;
  const code = (row: { code: string }, fallback: string) => row.code.trim() || fallback;
  const codeInput = (label: string, text: string, set: (code: string) => void) => (
    <TextField
      key="code"
      label={label}
      hideLabel
      value={text}
      maxLength={3}
      onChange={(event) => set(event.target.value.toUpperCase())}
    />
  );
  return (
    <fieldset className="panel" aria-describedby={error ? 'mappings-error' : undefined}>
      <legend>Mappings</legend>
      <p className="field__hint">
        A new partner starts each table left empty (qualifiers, reasons, dispositions) from the common X12 codes. A
        table filled in is read as it is: codes not listed in it are refused line by line.
      </p>
      <MappingTable
        title="Item qualifiers"
        hint="BLI01: which of our numbers the partner's item qualifier carries."
        headers={['Qualifier', 'Our number']}
        rows={qualifiers}
        rowName={(row) => `item qualifier ${code(row, 'new')}`}
        cells={(row, name) => [
          codeInput(`Code of ${name}`, row.code, (next) =>
            onChange({ qualifiers: updateRow(qualifiers, row.key, { code: next }) }),
          ),
          <SelectField
            key="kind"
            label={`Our number for ${name}`}
            hideLabel
            value={row.kind}
            options={ITEM_KIND_OPTIONS}
            onChange={(event) =>
              onChange({
                qualifiers: updateRow(qualifiers, row.key, { kind: event.target.value as ItemNumberKind }),
              })
            }
          />,
        ]}
        addLabel="Add item qualifier"
        onAdd={() => onChange({ qualifiers: [...qualifiers, { key: newRowKey(), code: '', kind: 'sku' }] })}
        onRemove={(key) => onChange({ qualifiers: removeRow(qualifiers, key) })}
      />
      <MappingTable
        title="Cross-references"
        hint="The partner's own item number and the SKU it is to us (for a qualifier of the kind cross-reference)."
        headers={['Partner item', 'Our SKU']}
        rows={crossReference}
        rowName={(row) => `cross-reference ${row.partnerItem.trim() || 'new'}`}
        cells={(row, name) => [
          <TextField
            key="item"
            label={`Partner item of ${name}`}
            hideLabel
            value={row.partnerItem}
            maxLength={48}
            onChange={(event) =>
              onChange({ crossReference: updateRow(crossReference, row.key, { partnerItem: event.target.value }) })
            }
          />,
          <TextField
            key="sku"
            label={`Our SKU for ${name}`}
            hideLabel
            value={row.sku}
            maxLength={64}
            onChange={(event) =>
              onChange({ crossReference: updateRow(crossReference, row.key, { sku: event.target.value }) })
            }
          />,
        ]}
        addLabel="Add cross-reference"
        onAdd={() => onChange({ crossReference: [...crossReference, { key: newRowKey(), partnerItem: '', sku: '' }] })}
        onRemove={(key) => onChange({ crossReference: removeRow(crossReference, key) })}
      />
      <MappingTable
        title="Reasons"
        hint="RDR02 (why it comes back): our reason code and the condition it claims."
        headers={['RDR02', 'Our reason code', 'Claimed condition']}
        rows={reasons}
        rowName={(row) => `reason ${code(row, 'new')}`}
        cells={(row, name) => [
          codeInput(`Code of ${name}`, row.code, (next) =>
            onChange({ reasons: updateRow(reasons, row.key, { code: next }) }),
          ),
          <TextField
            key="reasonCode"
            label={`Our reason code for ${name}`}
            hideLabel
            value={row.reasonCode}
            maxLength={40}
            placeholder="e.g. DEFECTIVE"
            onChange={(event) =>
              onChange({ reasons: updateRow(reasons, row.key, { reasonCode: event.target.value.toUpperCase() }) })
            }
          />,
          <SelectField
            key="condition"
            label={`Claimed condition for ${name}`}
            hideLabel
            value={row.claimedCondition}
            options={CONDITION_OPTIONS}
            onChange={(event) =>
              onChange({
                reasons: updateRow(reasons, row.key, { claimedCondition: event.target.value as ClaimedCondition }),
              })
            }
          />,
        ]}
        addLabel="Add reason"
        onAdd={() =>
          onChange({
            reasons: [...reasons, { key: newRowKey(), code: '', reasonCode: '', claimedCondition: 'defective' }],
          })
        }
        onRemove={(key) => onChange({ reasons: removeRow(reasons, key) })}
      />
      <MappingTable
        title="Dispositions"
        hint="RDR01 (what the partner asks us to do): the kind of return it becomes; codes not listed are refused."
        headers={['RDR01', 'Return type']}
        rows={dispositions}
        rowName={(row) => `disposition ${code(row, 'new')}`}
        cells={(row, name) => [
          codeInput(`Code of ${name}`, row.code, (next) =>
            onChange({ dispositions: updateRow(dispositions, row.key, { code: next }) }),
          ),
          <SelectField
            key="returnType"
            label={`Return type for ${name}`}
            hideLabel
            value={row.returnType}
            options={RETURN_TYPE_OPTIONS}
            onChange={(event) =>
              onChange({
                dispositions: updateRow(dispositions, row.key, { returnType: event.target.value as ReturnType }),
              })
            }
          />,
        ]}
        addLabel="Add disposition"
        onAdd={() =>
          onChange({ dispositions: [...dispositions, { key: newRowKey(), code: '', returnType: 'standard' }] })
        }
        onRemove={(key) => onChange({ dispositions: removeRow(dispositions, key) })}
      />
      {error ? (
        <div id="mappings-error">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
    </fieldset>
  );
}
