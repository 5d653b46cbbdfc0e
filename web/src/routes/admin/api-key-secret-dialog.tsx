import { useId, useRef } from 'react';
import type { CreatedApiKey } from '../../api/api-keys.js';
import { Alert } from '../../ui/alert.js';
import { CopyButton } from '../../ui/copy-button.js';
import { Dialog } from '../../ui/dialog.js';
import { Field } from '../../ui/field.js';

/**
 * The new key's secret, the only time it is shown: the server keeps a hash, so once this closes the
 * secret is gone. With a copy button and a request to try it with.
 */
export function ApiKeySecretDialog({ apiKey, onClose }: { apiKey: CreatedApiKey; onClose: () => void }) {
  const secretRef = useRef<HTMLInputElement>(null);
  const exampleId = useId();
  const curl = `curl -H "Authorization: Bearer ${apiKey.secret}" ${window.location.origin}/api/v1/returns`;

  return (
    <Dialog isOpen title={`API key “${apiKey.name}” created`} onClose={onClose}>
      <Alert tone="warning">
        <strong>Store it now: it will not be shown again.</strong> Boomerang keeps only a fingerprint of the key; if it
        is lost, revoke it and create a new one.
      </Alert>
      <Field label="Secret key" hint="Give it to the integration as a bearer token.">
        {(control) => (
          <input
            ref={secretRef}
            className="input input--mono"
            type="text"
            readOnly
            value={apiKey.secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            data-autofocus
            {...control}
          />
        )}
      </Field>
      <CopyButton text={apiKey.secret} what="secret key" onUnavailable={() => secretRef.current?.select()} />
      <section className="secret-example" aria-labelledby={exampleId}>
        <h3 id={exampleId}>Try it</h3>
        <p className="field__hint">Lists the returns this key may see:</p>
        <pre className="code-block">
          <code>{curl}</code>
        </pre>
      </section>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
