import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Site } from '../../../../src/contracts/masterdata.js';
import type { UnidentifiedArrival } from '../../../../src/contracts/receiving.js';
import type { Rma } from '../../../../src/contracts/returns.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useRecordUnidentifiedArrival } from '../../api/arrivals.js';
import { useRecordUnauthorizedReturn } from '../../api/rmas.js';
import { startingSiteId } from '../../api/sites.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { arrivalPath, NEW_ARRIVAL_PATH, UNAUTHORIZED_ARRIVALS_LIST } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import type { Option } from '../../ui/field.js';
import { draftKey, useDraftState } from '../../ui/drafts.js';
import { useToast } from '../../ui/toast.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import {
  buildArrivalSubmission,
  isArrivalDraft,
  isUnidentified,
  newArrivalDraft,
  serverArrivalErrors,
  validateArrival,
  type ArrivalDraft,
  type ArrivalErrors,
} from './arrival-draft.js';
import { ArrivalDetailsFields } from './arrival-details-fields.js';
import { ArrivalLines } from './arrival-lines.js';

/** Records goods that arrived without an RMA; on success, opens the new return. */
export function ArrivalForm({
  sites,
  reasonOptions,
  defaultReason,
}: {
  sites: Site[];
  reasonOptions: Option[];
  defaultReason: string;
}) {
  const user = useCurrentUser();
  // Kept while typed, so a session that ends under the form (or a reload) does not lose it.
  const kept = useDraftState<ArrivalDraft>(
    draftKey(NEW_ARRIVAL_PATH, user.id),
    () => newArrivalDraft(startingSiteId(sites, user.siteId), defaultReason),
    isArrivalDraft,
  );
  const { state: draft, setState: setDraft } = kept;
  const [isAttempted, setIsAttempted] = useState(false);
  const [submitErrors, setSubmitErrors] = useState<{ errors: ArrivalErrors; form?: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const record = useRecordUnauthorizedReturn();
  const recordUnidentified = useRecordUnidentifiedArrival();
  const isPending = record.isPending || recordUnidentified.isPending;
  const navigate = useNavigate();
  const toast = useToast();

  const submission = useMemo(() => buildArrivalSubmission(draft), [draft]);
  const clientErrors = useMemo(() => validateArrival(submission, draft), [submission, draft]);
  const hasClientErrors = Object.keys(clientErrors).length > 0;
  // Nothing is red before the first submit; after it, the form says what is still missing as it changes.
  const errors: ArrivalErrors = { ...(isAttempted ? clientErrors : {}), ...submitErrors?.errors };

  useFocusFirstInvalid(formRef, focusRequest);

  function updateDraft(change: (current: ArrivalDraft) => ArrivalDraft) {
    setSubmitErrors(null);
    setDraft(change);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    if (hasClientErrors) {
      setFocusRequest((count) => count + 1);
      return;
    }
    // A retry of the same arrival reuses its key, so a lost response cannot record it twice.
    const bodyJson = JSON.stringify(submission);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    const idempotencyKey = idempotency.current.key;
    if (submission.kind === 'return') {
      record.mutate({ body: submission.body, idempotencyKey }, { onSuccess: announce, onError: showError });
    } else {
      recordUnidentified.mutate(
        { body: submission.body, idempotencyKey },
        { onSuccess: announceUnidentified, onError: showError },
      );
    }
  }

  function announce(rma: Rma) {
    kept.discard();
    toast.show(`${rma.rmaNumber} recorded as an unauthorized arrival`);
    void navigate(`/returns/${rma.id}`);
  }

  function announceUnidentified(arrival: UnidentifiedArrival) {
    kept.discard();
    toast.show(`${arrival.arrivalNumber} recorded: write it on the parcel; it waits to be identified`);
    void navigate(arrivalPath(arrival.id));
  }

  function showError(error: Error) {
    const fieldErrors = isApiError(error) ? serverArrivalErrors(error, draft) : {};
    const form = fieldErrors['form'] ?? (Object.keys(fieldErrors).length === 0 ? describeError(error) : undefined);
    setSubmitErrors({ errors: fieldErrors, ...(form ? { form } : {}) });
    setFocusRequest((count) => count + 1);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Unauthorized arrival">
      {kept.isRestored ? (
        <Alert tone="info">The form is as you left it: what you had typed was kept as a draft.</Alert>
      ) : null}
      <ArrivalDetailsFields draft={draft} errors={errors} sites={sites} onDraftChange={updateDraft} />
      <ArrivalLines
        draft={draft}
        errors={errors}
        reasonOptions={reasonOptions}
        defaultReason={defaultReason}
        onDraftChange={updateDraft}
      />
      {submitErrors?.form ? <Alert tone="error">{submitErrors.form}</Alert> : null}
      <div className="submit-bar">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? 'Recording…' : isUnidentified(draft) ? 'Record arrival to identify' : 'Record arrival'}
        </button>
        <Link to={UNAUTHORIZED_ARRIVALS_LIST} className="button button--ghost">
          Cancel
        </Link>
        {isAttempted && hasClientErrors ? (
          <span className="muted" aria-live="polite">
            Complete the highlighted fields.
          </span>
        ) : null}
      </div>
    </form>
  );
}
