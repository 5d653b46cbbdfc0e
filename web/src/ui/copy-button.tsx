import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `text` to the clipboard and says so. Where the Clipboard API is missing or refused (plain
 * http, a locked-down browser), `onUnavailable` can select the text and the message says how to copy it.
 */
export function CopyButton({
  text,
  what,
  onUnavailable,
  onCopied,
}: {
  text: string;
  /** Names the thing copied, for screen readers: "Copy <what>". */
  what: string;
  onUnavailable?: () => void;
  onCopied?: () => void;
}) {
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
      onCopied?.();
    } catch {
      onUnavailable?.();
      setState('failed');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button button--small" onClick={() => void copy()}>
        Copy<span className="visually-hidden"> {what}</span>
      </button>
      <span className="copy-button__status" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'Copying is not available in this browser: select the text and press Ctrl+C (⌘C on a Mac).'
            : ''}
      </span>
    </span>
  );
}
