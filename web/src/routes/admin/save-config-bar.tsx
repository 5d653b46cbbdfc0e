import { Alert } from '../../ui/alert.js';
import { TextField } from '../../ui/field.js';
import type { ConfigFormErrors } from './use-config-form.js';

export function SaveConfigBar({
  comment,
  onCommentChange,
  errors,
  isPending,
  onReload,
}: {
  comment: string;
  onCommentChange: (comment: string) => void;
  errors: ConfigFormErrors;
  isPending: boolean;
  onReload: () => void;
}) {
  return (
    <div className="panel save-bar">
      {errors.form ? (
        <Alert tone="error">
          {errors.form}{' '}
          {errors.isConflict ? (
            <button type="button" className="link-button" onClick={onReload}>
              Reload the latest version
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div className="save-bar__row">
        <TextField
          label="Why is this changing?"
          className="save-bar__comment"
          value={comment}
          maxLength={500}
          error={errors.comment}
          hint="Required. Kept with the new version so others know the reason."
          onChange={(event) => onCommentChange(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save new version'}
        </button>
      </div>
    </div>
  );
}
