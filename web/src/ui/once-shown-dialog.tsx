import { useRef, useState, type ReactNode } from 'react';
import { CopyButton } from './copy-button.js';
import { Dialog } from './dialog.js';
import { Field } from './field.js';

/**
 * A dialog showing something the server returns only once (an API key's secret, a link to set a
 * password): it keeps a hash, so once this closes the value is gone. Unless the value was copied,
 * closing — with Done, the × or Esc — asks first.
 */
export function OnceShownDialog({
  title,
  what,
  isCopied,
  onClose,
  children,
}: {
  title: string;
  /** What would be lost, for the question: "You will not see this <what> again." */
  what: string;
  isCopied: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const [isConfirming, setIsConfirming] = useState(false);

  function requestClose() {
    if (isCopied) onClose();
    else setIsConfirming(true);
  }

  return (
    <>
      <Dialog isOpen title={title} onClose={requestClose}>
        {children}
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={requestClose}>
            Done
          </button>
        </div>
      </Dialog>
      {/* A sibling, not a child: Esc here must close only the question, not bubble to the dialog below. */}
      {isConfirming ? (
        <Dialog isOpen title={`Close without copying the ${what}?`} onClose={() => setIsConfirming(false)}>
          <p>You will not see this {what} again. Close anyway?</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setIsConfirming(false)} data-autofocus>
              Go back
            </button>
            <button type="button" className="button button--danger" onClick={onClose}>
              Close anyway
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

/**
 * The once-shown value in a read-only field, with a copy button. Copying it either way — the button,
 * or selecting it and pressing Ctrl+C where the clipboard API is unavailable — counts as kept.
 */
export function OnceShownValue({
  label,
  hint,
  value,
  what,
  onCopied,
}: {
  label: string;
  hint?: ReactNode;
  value: string;
  what: string;
  onCopied: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <Field label={label} hint={hint}>
        {(control) => (
          <input
            ref={inputRef}
            className="input input--mono"
            type="text"
            readOnly
            value={value}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            onCopy={onCopied}
            data-autofocus
            {...control}
          />
        )}
      </Field>
      <CopyButton text={value} what={what} onCopied={onCopied} onUnavailable={() => inputRef.current?.select()} />
    </>
  );
}
