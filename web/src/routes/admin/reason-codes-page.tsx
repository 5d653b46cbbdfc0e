import { useState } from 'react';
import type { ReasonCodes } from '../../../../src/contracts/configuration.js';
import { EditTable } from '../../ui/edit-table.js';
import { newRowKey, removeRow } from '../../ui/editable-rows.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { ReasonCodeRow, type ReasonCodeDraft, type ReasonCodeEntry } from './reason-code-row.js';
import { useConfigForm } from './use-config-form.js';

export function ReasonCodesPage() {
  return (
    <ConfigEditorFrame
      kind="reason_codes"
      title="Reason codes"
      description="The reasons a customer or agent can give for a return. Codes in use cannot be renamed or removed; deactivate them instead."
      editor={ReasonCodesEditor}
    />
  );
}

function ReasonCodesEditor({ config, onReload }: ConfigEditorProps<'reason_codes'>) {
  const [rows, setRows] = useState<ReasonCodeDraft[]>(() =>
    config.document.codes.map((entry) => ({ key: entry.code, isNew: false, entry: { ...entry } })),
  );
  const form = useConfigForm('reason_codes', config, 'Reason codes');

  function updateEntry(key: string, changes: Partial<ReasonCodeEntry>) {
    setRows((current) =>
      current.map((row) => (row.key === key ? { ...row, entry: { ...row.entry, ...changes } } : row)),
    );
  }

  function addRow() {
    setRows((current) => [
      ...current,
      {
        key: newRowKey(),
        isNew: true,
        entry: { code: '', label: '', description: '', isActive: true, fault: 'customer' },
      },
    ]);
  }

  function toDocument(): ReasonCodes {
    return { codes: rows.map((row) => row.entry) };
  }

  return (
    <ConfigForm form={form} toDocument={toDocument} onReload={onReload}>
      <section className="panel">
        <EditTable caption="Reason codes" headers={['Code', 'Label', 'Description', 'Fault', 'Active']}>
          {rows.map((row, index) => (
            <ReasonCodeRow
              key={row.key}
              row={row}
              errors={form.errors.fields}
              errorPrefix={`codes.${index}.`}
              onChange={(changes) => updateEntry(row.key, changes)}
              onRemove={() => setRows((current) => removeRow(current, row.key))}
            />
          ))}
        </EditTable>
        <button type="button" className="button" onClick={addRow}>
          + Add a reason code
        </button>
      </section>
    </ConfigForm>
  );
}
