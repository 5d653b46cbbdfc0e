export function SubmitBar({
  isSubmitting,
  blocker,
}: {
  isSubmitting: boolean;
  blocker: { message: string; disables: boolean } | null;
}) {
  return (
    <div className="submit-bar">
      <button
        type="submit"
        className="button button--primary"
        disabled={isSubmitting || (blocker?.disables ?? false)}
        aria-describedby={blocker ? 'submit-blocker' : undefined}
      >
        {isSubmitting ? 'Submitting…' : 'Submit return request'}
      </button>
      {blocker ? (
        <span id="submit-blocker" className="muted" aria-live="polite">
          {blocker.message}
        </span>
      ) : null}
    </div>
  );
}
