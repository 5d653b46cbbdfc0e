import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formErrorsFrom, type FormErrors } from '../../api/api-error.js';
import { useSplitInspection, type Inspection } from '../../api/inspections.js';
import { inspectionPagePath } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/field.js';

/**
 * Some units of a line turned out different from the rest: they are split off into an inspection
 * of their own, graded and disposed of separately.
 */
export function SplitDialog({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const split = useSplitInspection();
  const [quantity, setQuantity] = useState('1');
  const [errors, setErrors] = useState<FormErrors<'quantity'>>({});
  // The units here when the dialog opened: the page refreshes the inspection after the split.
  const [unitsHere] = useState(inspection.quantity);
  const most = unitsHere - 1;

  function submit(event: FormEvent) {
    event.preventDefault();
    const count = /^\s*\d+\s*$/.test(quantity) ? Number(quantity) : Number.NaN;
    if (!(count >= 1 && count <= most)) {
      setErrors({ quantity: `Between 1 and ${most}: at least one unit stays here.` });
      return;
    }
    setErrors({});
    split.mutate(
      { inspection, quantity: count },
      { onError: (failure) => setErrors(formErrorsFrom(failure, ['quantity'] as const)) },
    );
  }

  const created = split.data;
  return (
    <Dialog isOpen title="Split off units" onClose={onClose}>
      {created ? (
        <>
          <p role="status">
            {created.quantity} {created.quantity === 1 ? 'unit is' : 'units are'} now inspected on their own;{' '}
            {unitsHere - created.quantity} stay{unitsHere - created.quantity === 1 ? 's' : ''} here.
          </p>
          <div className="dialog__actions">
            <Link className="button" to={inspectionPagePath(created.id)} onClick={onClose}>
              Open the new inspection
            </Link>
            <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{unitsHere} units here. The units split off get an inspection of their own, back in the queue.</p>
          <TextField
            label="Units to split off"
            inputMode="numeric"
            className="field--narrow"
            value={quantity}
            error={errors.quantity}
            onChange={(event) => setQuantity(event.target.value)}
            data-autofocus
          />
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={split.isPending}>
              {split.isPending ? 'Splitting…' : 'Split off'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
