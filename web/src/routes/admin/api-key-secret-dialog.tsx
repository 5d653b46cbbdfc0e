import { useId, useState } from 'react';
import type { CreatedApiKey } from '../../api/api-keys.js';
import { Alert } from '../../ui/alert.js';
import { OnceShownDialog, OnceShownValue } from '../../ui/once-shown-dialog.js';

/**
 * The new key's secret, the only time it is shown: the server keeps a hash, so once this closes the
 * secret is gone (closing without copying it asks first). With a copy button and a request to try it with.
 */
export function ApiKeySecretDialog({ apiKey, onClose }: { apiKey: CreatedApiKey; onClose: () => void }) {
  const [isCopied, setIsCopied] = useState(false);
  const exampleId = useId();
  const curl = `curl -H "Authorization: Bearer ${apiKey.secret}" ${window.location.origin}/api/v1/returns`;

  return (
    <OnceShownDialog title={`API key “${apiKey.name}” created`} what="secret key" isCopied={isCopied} onClose={onClose}>
      <Alert tone="warning">
        <strong>Store it now: it will not be shown again.</strong> Boomerang keeps only a fingerprint of the key; if it
        is lost, revoke it and create a new one.
      </Alert>
      <OnceShownValue
        label="Secret key"
        hint="Give it to the integration as a bearer token."
        value={apiKey.secret}
        what="secret key"
        onCopied={() => setIsCopied(true)}
      />
      <section className="secret-example" aria-labelledby={exampleId}>
        <h3 id={exampleId}>Try it</h3>
        <p className="field__hint">Lists the returns this key may see:</p>
        {/* The example holds the secret too: copying it keeps the secret. */}
        <pre className="code-block" onCopy={() => setIsCopied(true)}>
          <code>{curl}</code>
        </pre>
      </section>
    </OnceShownDialog>
  );
}
