import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Order } from '../../api/orders.js';
import type { ReturnType, RmaView, VerdictView } from '../../../../src/contracts/returns.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useConfig } from '../../api/config.js';
import { useCreateRma, useReturnVerdict } from '../../api/rmas.js';
import { Alert } from '../../ui/alert.js';
import { useToast } from '../../ui/toast.js';
import { useDebouncedValue } from '../../ui/use-debounced-value.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import {
  buildRequest,
  emptyDraft,
  serverErrors,
  validateRequest,
  verdictErrors,
  deriveReturnType,
  type DraftErrors,
  type ReturnDraft,
} from './return-draft.js';
import { ReturnDetailsFields } from './return-details-fields.js';
import { ReturnLinesPicker } from './return-lines-picker.js';
import { SubmitBar } from './submit-bar.js';
import { VerdictArea } from './verdict-area.js';
import './request-form.css';

const EVALUATE_DELAY_MS = 400;

/** Request a return for lines of one order; used by customers in the portal and by customer service. */
export function ReturnRequestForm({
  order,
  customerId,
  overrideTypes,
}: {
  order: Order;
  customerId: string;
  /** The types staff may choose instead of the derived one; null for customers. */
  overrideTypes: readonly ReturnType[] | null;
}) {
  const [draft, setDraft] = useState<ReturnDraft>(emptyDraft);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [isAttempted, setIsAttempted] = useState(false);
  const [submitErrors, setSubmitErrors] = useState<{ errors: DraftErrors; form?: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const createRma = useCreateRma();
  const reasonCodes = useConfig('reason_codes');

  const built = useMemo(() => buildRequest(order, customerId, draft), [order, customerId, draft]);
  const clientErrors = useMemo(() => validateRequest(built), [built]);
  const isClientValid = Object.keys(clientErrors).length === 0;
  const evaluable = useDebouncedValue(isClientValid ? built.body : null, EVALUATE_DELAY_MS);
  const verdictQuery = useReturnVerdict(evaluable);
  const isVerdictCurrent = evaluable === built.body && !verdictQuery.isPlaceholderData && !verdictQuery.isFetching;
  const verdict: VerdictView | undefined = isClientValid ? verdictQuery.data : undefined;

  // The verdict's refusals sit at the fields they are about, once it answers for what is on screen.
  const fieldVerdictErrors = verdict && isVerdictCurrent ? verdictErrors(verdict, built.lineIds) : {};
  const visibleErrors: DraftErrors = {
    ...fieldVerdictErrors,
    ...Object.fromEntries(
      Object.entries(clientErrors).filter(([key]) => isAttempted || touched.has(key) || key.endsWith(':quantity')),
    ),
    ...submitErrors?.errors,
  };

  useFocusFirstInvalid(formRef, focusRequest, 'input[type="checkbox"]:not(:disabled)');

  function updateDraft(change: (current: ReturnDraft) => ReturnDraft) {
    setSubmitErrors(null);
    setDraft(change);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    if (!isClientValid) {
      setFocusRequest((count) => count + 1);
      return;
    }
    if (!verdict?.isEligible || !isVerdictCurrent) return;
    const bodyJson = JSON.stringify(built.body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    createRma.mutate(
      { body: built.body, idempotencyKey: idempotency.current.key },
      { onSuccess: announceCreated, onError: showSubmitError },
    );
  }

  function announceCreated(rma: RmaView) {
    const outcome =
      rma.status === 'authorized'
        ? 'authorized'
        : rma.status === 'pending_approval'
          ? 'sent for approval'
          : 'requested';
    toast.show(`${rma.rmaNumber} ${outcome}`);
    void navigate(`/returns/${rma.id}`);
  }

  function showSubmitError(error: Error) {
    if (isApiError(error) && error.problem['verdict']) {
      queryClient.setQueryData<VerdictView>(['rmas', 'verdict', built.body], error.problem['verdict'] as VerdictView);
    }
    const errors = isApiError(error) ? serverErrors(error, built.lineIds) : {};
    const formMessage = errors['form'] ?? (Object.keys(errors).length === 0 ? describeError(error) : undefined);
    setSubmitErrors({ errors, ...(formMessage ? { form: formMessage } : {}) });
    setFocusRequest((count) => count + 1);
  }

  const reasonOptions = (reasonCodes.data?.document.codes ?? [])
    .filter((code) => code.isActive)
    .map((code) => ({ value: code.code, label: code.label }));

  return (
    <form
      ref={formRef}
      className="request-form"
      onSubmit={handleSubmit}
      noValidate
      aria-label={`Return request for order ${order.orderNumber}`}
    >
      <div className="request-form__main">
        {reasonCodes.isError ? (
          <Alert tone="error">The reason codes could not be loaded: {describeError(reasonCodes.error)}</Alert>
        ) : null}
        <ReturnLinesPicker
          order={order}
          draft={draft}
          errors={visibleErrors}
          reasonOptions={reasonOptions}
          onDraftChange={updateDraft}
          onTouch={(key) => setTouched((current) => new Set(current).add(key))}
        />
        <ReturnDetailsFields
          draft={draft}
          errors={visibleErrors}
          derivedType={deriveReturnType(order.lines.filter((line) => built.lineIds.includes(line.id)))}
          overrideTypes={overrideTypes}
          onDraftChange={updateDraft}
        />
      </div>
      <VerdictArea
        order={order}
        lineIds={built.lineIds}
        verdict={verdict}
        isChecking={isClientValid && (!isVerdictCurrent || verdictQuery.isFetching)}
        error={verdictQuery.isError ? verdictQuery.error : null}
        onRetry={() => void verdictQuery.refetch()}
        hasLines={built.lineIds.length > 0}
      />
      {/* After the verdict in the page's order: on a narrow screen the verdict comes before Submit. */}
      <div className="request-form__submit">
        {submitErrors?.form ? <Alert tone="error">{submitErrors.form}</Alert> : null}
        <SubmitBar
          isSubmitting={createRma.isPending}
          blocker={submitBlocker(built.lineIds.length, isClientValid, isVerdictCurrent, verdict)}
        />
      </div>
    </form>
  );
}

/** Why the request cannot be sent yet; incomplete input leaves the button on so pressing it shows what is missing. */
function submitBlocker(lineCount: number, isClientValid: boolean, isVerdictCurrent: boolean, verdict?: VerdictView) {
  if (lineCount === 0) return { message: 'Choose at least one line to return.', disables: false };
  if (!isClientValid) return { message: 'Complete the highlighted fields.', disables: false };
  if (!verdict || !isVerdictCurrent) return { message: 'Checking the return policy…', disables: true };
  if (!verdict.isEligible) return { message: 'This request is not eligible — see the policy verdict.', disables: true };
  return null;
}
