import { useRef, useState, type FormEvent } from 'react';
import type { ConfigVersion, ReasonCodes } from '../../../../src/contracts/configuration.js';
import { ConfigEditorFrame } from './config-editor-frame.js';
import { ReasonCodeRow, type ReasonCodeDraft } from './reason-code-row.js';
import { SaveConfigBar } from './save-config-bar.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { useConfigForm } from './use-config-form.js';

export function ReasonCodesPage() {
  return (
    <ConfigEditorFrame
      kind="reason_codes"
      title="Reason codes"
      description="The reasons a customer or agent can give for a return. Codes in use cannot be renamed or removed; deactivate them instead."
    >
      {(config, reload) => <ReasonCodesEditor config={config} onReload={reload} />}
    </ConfigEditorFrame>
  );
}

let newRowCounter = 0;

function ReasonCodesEditor({ config, onReload }: { config: ConfigVersion<'reason_codes'>; onReload: () => void }) {
  const [rows, setRows] = useState<ReasonCodeDraft[]>(() =>
    config.document.codes.map((entry) => ({ key: entry.code, isNew: false, entry: { ...entry } })),
  );
  const form = useConfigForm('reason_codes', config, 'Reason codes');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, form.errors);

  function updateRow(key: string, changes: Partial<ReasonCodeDraft['entry']>) {
    setRows((current) =>
      current.map((row) => (row.key === key ? { ...row, entry: { ...row.entry, ...changes } } : row)),
    );
  }

  function addRow() {
    newRowCounter += 1;
    setRows((current) => [
      ...current,
      {
        key: `new-${newRowCounter}`,
        isNew: true,
        entry: { code: '', label: '', description: '', isActive: true, fault: 'customer' },
      },
    ]);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const document: ReasonCodes = { codes: rows.map((row) => row.entry) };
    form.submit(document);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <section className="panel">
        <div className="table-wrap">
          <table className="data-table edit-table">
            <caption className="visually-hidden">Reason codes</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Label</th>
                <th scope="col">Description</th>
                <th scope="col">Fault</th>
                <th scope="col">Active</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <ReasonCodeRow
                  key={row.key}
                  row={row}
                  errors={form.errors.fields}
                  errorPrefix={`codes.${index}.`}
                  onChange={(changes) => updateRow(row.key, changes)}
                  onRemove={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
                />
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" className="button" onClick={addRow}>
          + Add a reason code
        </button>
      </section>
      <SaveConfigBar
        comment={form.comment}
        onCommentChange={form.setComment}
        errors={form.errors}
        isPending={form.isPending}
        onReload={onReload}
      />
    </form>
  );
}
