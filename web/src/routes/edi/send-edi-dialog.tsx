import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiError } from '../../api/api-error.js';
import { useSendEdiDocument, useTradingPartners, type SendEdiBody } from '../../api/edi.js';
import { ediDocumentPath } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';

type What = 'rma' | 'credit_memo' | 'supplier_claim';

const WHAT_OPTIONS = [
  { value: 'rma', label: '180 · a return' },
  { value: 'credit_memo', label: '812 · a credit memo (credit)' },
  { value: 'supplier_claim', label: '812 · a supplier claim (debit)' },
];
const ID_LABELS: Record<What, string> = {
  rma: 'Return id',
  credit_memo: 'Credit memo id',
  supplier_claim: 'Supplier claim id',
};

function bodyOf(what: What, id: string): SendEdiBody {
  if (what === 'rma') return { transactionSet: '180', rmaId: id };
  if (what === 'credit_memo') return { transactionSet: '812', creditMemoId: id };
  return { transactionSet: '812', supplierClaimId: id };
}

/**
 * A return as a 180, or a credit memo or supplier claim as an 812, to one partner; each goes once
 * (sending it again opens the document already written). Opens the document on success.
 */
export function SendEdiDialog({ partnerId: fixedPartnerId, onClose }: { partnerId?: string; onClose: () => void }) {
  const partners = useTradingPartners();
  const [partnerId, setPartnerId] = useState(fixedPartnerId ?? '');
  const [what, setWhat] = useState<What>('rma');
  const [id, setId] = useState('');
  const [errors, setErrors] = useState<{ partnerId?: string; id?: string; form?: string }>({});
  const send = useSendEdiDocument();
  const navigate = useNavigate();
  const toast = useToast();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      ...(partnerId ? {} : { partnerId: 'Choose the trading partner.' }),
      ...(id.trim() ? {} : { id: `Enter the ${ID_LABELS[what].toLowerCase()}.` }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    send.mutate(
      { partnerId, body: bodyOf(what, id.trim()) },
      {
        onSuccess: ({ documentId, alreadySent }) => {
          toast.show(alreadySent ? 'It was sent before: here is that document' : 'Queued to be sent by EDI');
          onClose();
          void navigate(ediDocumentPath(documentId));
        },
        onError: (error) => {
          const fields = isApiError(error) ? error.fieldErrors() : {};
          const idError = fields['rmaId'] ?? fields['creditMemoId'] ?? fields['supplierClaimId'];
          setErrors({ ...(idError ? { id: idError } : {}), form: describeError(error) });
        },
      },
    );
  }

  const active = (partners.data?.items ?? []).filter((partner) => partner.isActive || partner.id === partnerId);
  return (
    <Dialog isOpen title="Send by EDI" onClose={onClose}>
      <form onSubmit={handleSubmit} noValidate aria-label="Send by EDI">
        <SelectField
          label="Trading partner"
          value={partnerId}
          placeholder={partners.isPending ? 'Loading the partners…' : 'Choose a partner…'}
          options={active.map((partner) => ({ value: partner.id, label: `${partner.code} · ${partner.name}` }))}
          error={errors.partnerId}
          disabled={fixedPartnerId !== undefined}
          onChange={(event) => setPartnerId(event.target.value)}
        />
        <SelectField
          label="Document"
          value={what}
          options={WHAT_OPTIONS}
          hint="A return goes to its customer's partner; a credit memo to its customer's; a claim to its supplier's."
          onChange={(event) => setWhat(event.target.value as What)}
          data-autofocus
        />
        <TextField
          label={ID_LABELS[what]}
          value={id}
          maxLength={64}
          hint="The id at the end of its page's address."
          error={errors.id}
          onChange={(event) => setId(event.target.value)}
        />
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
