import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiError } from '../../api/api-error.js';
import { useHandInEdiFile, useTradingPartners } from '../../api/edi.js';
import { ediDocumentPath } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { Field, SelectField, TextAreaField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { STATUS_LABELS } from './edi-labels.js';

/** 2 MB, as the API takes: far beyond any one 180. */
const MAX_FILE_BYTES = 2_000_000;

/**
 * A partner's X12 file handed in by hand (what the folder poller does with a file): chosen from
 * disk or pasted, read as text in the browser. Opens the document it became, with its status.
 */
export function HandInDialog({ onClose }: { onClose: () => void }) {
  const partners = useTradingPartners();
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState('');
  const [errors, setErrors] = useState<{ content?: string; form?: string }>({});
  const handIn = useHandInEdiFile();
  const navigate = useNavigate();
  const toast = useToast();

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setErrors({});
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setErrors({ content: 'The file is larger than 2 MB: no one 180 is that big.' });
      return;
    }
    setFileName(file.name);
    setContent(await file.text());
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!content.trim()) {
      setErrors({ content: 'The file is empty: choose a file or paste its content.' });
      return;
    }
    handIn.mutate(
      { content, fileName, ...(partnerId ? { partnerId } : {}) },
      {
        onSuccess: (document) => {
          toast.show(`${document.fileName ?? 'The file'} handed in: ${STATUS_LABELS[document.status]}`);
          onClose();
          void navigate(ediDocumentPath(document.id));
        },
        onError: (error) => {
          const field = isApiError(error) ? error.fieldErrors()['content'] : undefined;
          setErrors({ ...(field ? { content: field } : {}), form: describeError(error) });
        },
      },
    );
  }

  return (
    <Dialog isOpen title="Hand in a file" onClose={onClose}>
      <form onSubmit={handleSubmit} noValidate aria-label="Hand in a file">
        <Field label="X12 file" hint="A partner's file as they sent it (.x12, .edi or .txt).">
          {(control) => (
            <input
              type="file"
              className="input"
              accept=".x12,.edi,.txt,text/plain,application/edi-x12"
              onChange={(event) => void chooseFile(event)}
              {...control}
              data-autofocus
            />
          )}
        </Field>
        <TextAreaField
          label="Content"
          rows={8}
          className="input--mono"
          value={content}
          hint={fileName ? `Read from ${fileName}.` : 'Or paste the interchange here, ISA to IEA.'}
          error={errors.content}
          onChange={(event) => {
            setErrors({});
            setContent(event.target.value);
          }}
        />
        <SelectField
          label="Trading partner"
          value={partnerId}
          placeholder="Whoever the ISA says sent it"
          options={(partners.data?.items ?? []).map((partner) => ({
            value: partner.id,
            label: `${partner.code} · ${partner.name}`,
          }))}
          hint="When chosen, the file must come from this partner."
          onChange={(event) => setPartnerId(event.target.value)}
        />
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={handIn.isPending}>
            {handIn.isPending ? 'Handing in…' : 'Hand in'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
