import { useState } from 'react';
import { RELEASE_ACTIONS } from '../../../../src/contracts/disposition.js';
import type { DispositionAction } from '../../../../src/contracts/inspection-vocabulary.js';
import { useReleaseHold, type QuarantineHold } from '../../api/operations.js';
import { TextAreaField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { useToast } from '../../ui/toast.js';
import { OperationDialog, useOperationForm } from './operation-dialog.js';
import { productLabel, unitDetail } from './operations-labels.js';

type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

export const RELEASE_LABELS: Partial<Record<DispositionAction, string>> = {
  restock: 'Restock',
  scrap: 'Scrap',
  secondary_channel: 'Secondary channel',
  return_to_customer: 'Back to the customer',
  return_to_vendor: 'Back to the supplier',
};

const RELEASE_HINTS: Record<ReleaseAction, string> = {
  restock: 'Nothing wrong after all: back into saleable stock.',
  scrap: 'Written off and disposed of (needs someone entitled to approve write-offs).',
  secondary_channel: 'Sold through the outlet: added to the site’s open liquidation lot.',
  return_to_customer: 'Not ours to keep: shipped back to the customer who sent it.',
  return_to_vendor: 'Back to the supplier: added to their open vendor return.',
};

const FIELDS = ['action', 'reason'] as const;

/** The decision a hold waited for: where the goods go, and why. */
export function ReleaseHoldDialog({ hold, onClose }: { hold: QuarantineHold; onClose: () => void }) {
  const [action, setAction] = useState<ReleaseAction | ''>('');
  const [reason, setReason] = useState('');
  const form = useOperationForm(FIELDS, 'The hold');
  const release = useReleaseHold();
  const toast = useToast();
  const { errors } = form;

  function submit() {
    const missing: { action?: string; reason?: string } = {};
    if (action === '') missing.action = 'Choose what becomes of the goods.';
    if (reason.trim() === '') missing.reason = 'Say why the hold is released this way.';
    if (action === '' || missing.reason) {
      form.setErrors(missing);
      return;
    }
    const body = { action, reason: reason.trim() };
    release.mutate(
      { id: hold.id, version: hold.version, body, idempotencyKey: form.keyFor(body) },
      {
        onSuccess: (released) => {
          toast.show(
            `Hold on ${released.rmaNumber ?? released.rmaId} released: ${(released.releaseAction && RELEASE_LABELS[released.releaseAction]) ?? humanize(action)}`,
          );
          onClose();
        },
        onError: form.refused,
      },
    );
  }

  const detail = unitDetail(hold);
  return (
    <OperationDialog
      title="Release the hold"
      formLabel="Release the hold"
      onClose={onClose}
      onSubmit={submit}
      isPending={release.isPending}
      submitLabel="Release"
      pendingLabel="Releasing…"
      formError={errors.form}
    >
      <p>
        {hold.rmaNumber ?? hold.rmaId} · {productLabel(hold)} · {hold.quantity} unit{hold.quantity === 1 ? '' : 's'}
        {detail ? ` · ${detail}` : ''}
      </p>
      <p className="muted">Held: {hold.reason}</p>
      <fieldset
        className={`choice-group${errors.action ? ' choice-group--invalid' : ''}`}
        aria-describedby={errors.action ? 'release-action-error' : undefined}
      >
        <legend className="field__label">What becomes of the goods</legend>
        {RELEASE_ACTIONS.map((option, index) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="release-action"
              value={option}
              checked={action === option}
              data-autofocus={index === 0 ? true : undefined}
              onChange={() => {
                setAction(option);
                form.clear('action');
              }}
            />
            <span>
              <span className="choice__label">{RELEASE_LABELS[option]}</span>
              <span className="choice__hint">{RELEASE_HINTS[option]}</span>
            </span>
          </label>
        ))}
        {errors.action ? (
          <p id="release-action-error" className="field__error">
            {errors.action}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Reason"
        hint="Why, for whoever reads the return later."
        value={reason}
        maxLength={1000}
        error={errors.reason}
        onChange={(event) => {
          setReason(event.target.value);
          form.clear('reason');
        }}
      />
    </OperationDialog>
  );
}
