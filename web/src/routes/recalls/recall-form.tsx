import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Product } from '../../../../src/contracts/masterdata.js';
import type { RaisedRecall } from '../../../../src/contracts/recalls.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useRaiseRecall } from '../../api/recalls.js';
import { RECALLS_PATH } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { TextAreaField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { ProductPicker } from '../warehouse/product-picker.js';
import { buildRecall, lotsOf, plural, validateRecall, type RecallErrors } from './recall-draft.js';

/** The recalled product, its affected lots and why; answers with the returns raised and the lines skipped. */
export function RecallForm({
  initialProduct,
  initialLot,
  onRaised,
}: {
  initialProduct: Product | null;
  initialLot: string;
  onRaised: (recall: RaisedRecall) => void;
}) {
  const [product, setProduct] = useState<Product | null>(initialProduct);
  const [lotsText, setLotsText] = useState(initialLot);
  const [reason, setReason] = useState('');
  const [isAttempted, setIsAttempted] = useState(false);
  const [submitErrors, setSubmitErrors] = useState<RecallErrors | null>(null);
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const raise = useRaiseRecall();
  const toast = useToast();

  const body = useMemo(
    () => buildRecall({ productId: product?.id ?? '', lotsText, reason }),
    [product, lotsText, reason],
  );
  const clientErrors = validateRecall(body);
  const errors: RecallErrors = { ...(isAttempted ? clientErrors : {}), ...submitErrors };
  const lotCount = lotsOf(lotsText).length;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    setSubmitErrors(null);
    if (Object.keys(clientErrors).length > 0) return;
    // A retry of the same recall reuses its key, so a lost response cannot raise it twice.
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    raise.mutate(
      { body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (recall) => {
          toast.show(`${recall.recallNumber} raised: ${plural(recall.rmas.length, 'recall return')}`);
          onRaised(recall);
        },
        onError: (error) => {
          const fields = isApiError(error) ? error.fieldErrors() : {};
          setSubmitErrors({
            ...(fields['productId'] ? { productId: fields['productId'] } : {}),
            ...(fields['lots'] ? { lots: fields['lots'] } : {}),
            ...(fields['reason'] ? { reason: fields['reason'] } : {}),
            form: describeError(error),
          });
        },
      },
    );
  }

  return (
    <form className="panel" onSubmit={handleSubmit} noValidate aria-label="Raise a recall">
      <ProductPicker chosen={product} error={errors.productId} onChoose={setProduct} autoFocus={!initialProduct} />
      <TextAreaField
        label="Affected lots"
        hint={`One per line, or separated by commas: ${plural(lotCount, 'lot')}.`}
        value={lotsText}
        error={errors.lots}
        required
        onChange={(event) => setLotsText(event.target.value)}
      />
      <TextAreaField
        label="Reason"
        hint="Shown on every recall return, so customers know why."
        value={reason}
        error={errors.reason}
        required
        maxLength={2000}
        onChange={(event) => setReason(event.target.value)}
      />
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="submit-bar">
        <button type="submit" className="button button--primary" disabled={raise.isPending}>
          {raise.isPending ? 'Raising…' : 'Raise recall returns'}
        </button>
        <Link to={RECALLS_PATH} className="button button--ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
