import { useState } from 'react';
import { roleCan } from '../../../../src/contracts/permissions.js';
import { formErrorsFrom, type FormErrors } from '../../api/api-error.js';
import { useSignOffInspection, type Inspection } from '../../api/inspections.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { Alert } from '../../ui/alert.js';
import { TextAreaField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';

/**
 * Regulated goods wait for a second person from quality. The inspector sees that it waits; a
 * quality user who did not inspect approves, or rejects with what must be looked at again.
 */
export function SignOffPanel({ inspection }: { inspection: Inspection }) {
  const user = useCurrentUser();
  const signOff = useSignOffInspection();
  const toast = useToast();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<'note'>>({});
  // Completing leaves the inspection assigned to its inspector.
  const isInspector = inspection.assignedToId === user.id;
  const maySignOff = roleCan(user.role, 'inspection.sign_off') && !isInspector;

  function decide(decision: 'approve' | 'reject') {
    if (decision === 'reject' && note.trim() === '') {
      setErrors({ note: 'Say what must be looked at again.' });
      return;
    }
    setErrors({});
    signOff.mutate(
      { inspection, decision, note: note.trim() },
      {
        onSuccess: () =>
          toast.show(decision === 'approve' ? 'Signed off: the inspection is completed' : 'Sent back to the inspector'),
        onError: (failure) => setErrors(formErrorsFrom(failure, ['note'] as const)),
      },
    );
  }

  return (
    <section className="panel sign-off" aria-labelledby="sign-off-title">
      <h2 id="sign-off-title">Quality’s sign-off</h2>
      <p>
        <strong>Waiting for quality’s sign-off.</strong> Regulated goods need a second person from quality to approve
        the inspection before anything is done with them.
      </p>
      {isInspector ? <p className="muted">You inspected these units: someone else from quality signs off.</p> : null}
      {maySignOff ? (
        <>
          <TextAreaField
            label="Sign-off note"
            hint="Required when rejecting: what must be looked at again."
            value={note}
            maxLength={2000}
            error={errors.note}
            onChange={(event) => {
              setNote(event.target.value);
              setErrors({});
            }}
          />
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={signOff.isPending}
              onClick={() => decide('approve')}
            >
              Approve
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={signOff.isPending}
              onClick={() => decide('reject')}
            >
              Reject
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
