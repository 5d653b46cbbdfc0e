import { useState } from 'react';
import { useApiKeys, type ApiKey, type CreatedApiKey } from '../../api/api-keys.js';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ApiKeySecretDialog } from './api-key-secret-dialog.js';
import { ApiKeysTable } from './api-keys-table.js';
import { CreateApiKeyDialog } from './create-api-key-dialog.js';
import { RevokeApiKeyDialog } from './revoke-api-key-dialog.js';

/** Keys for integrations (carriers, suppliers, EDI, customer systems): list, create, revoke. */
export function ApiKeysPage() {
  const query = useApiKeys();
  const [isCreating, setIsCreating] = useState(false);
  // The only copy of the secret on this side: dropped when its dialog closes.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  function handleCreated(key: CreatedApiKey) {
    setIsCreating(false);
    // The secret's dialog says it was created; a toast behind the modal would go unseen and unheard.
    setCreated(key);
  }

  const createButton = (
    <button type="button" className="button button--primary" onClick={() => setIsCreating(true)}>
      Create API key
    </button>
  );

  return (
    <>
      <PageHeader
        back={{ to: '/admin', label: 'Admin' }}
        title="API keys"
        subtitle="Integrations — carriers, suppliers, EDI, customer systems — call the API with a key instead of a password. Each key acts with one role."
        actions={createButton}
      />
      <section className="panel">
        <QueryView query={query} loadingLabel="Loading API keys…" errorTitle="Could not load the API keys">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No API keys yet">
                <p>Create one for each integration, so each can be revoked on its own.</p>
              </EmptyState>
            ) : (
              <ApiKeysTable keys={items} onRevoke={setRevoking} />
            )
          }
        </QueryView>
      </section>
      {isCreating ? <CreateApiKeyDialog onCreated={handleCreated} onClose={() => setIsCreating(false)} /> : null}
      {created ? <ApiKeySecretDialog apiKey={created} onClose={() => setCreated(null)} /> : null}
      {revoking ? <RevokeApiKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}
