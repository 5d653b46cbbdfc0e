import type { ComponentType } from 'react';
import type { ConfigKind, ConfigVersion } from '../../../../src/contracts/configuration.js';
import { useConfig } from '../../api/config.js';
import { formatDateTime } from '../../ui/dates.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ConfigVersionHistory } from './config-version-history.js';

export interface ConfigEditorProps<K extends ConfigKind> {
  config: ConfigVersion<K>;
  onReload: () => void;
}

/**
 * Header, current-version line, editor and history for one configuration document. The editor is
 * re-created for each version so a save (or a reload after a conflict) starts from the stored document.
 */
export function ConfigEditorFrame<K extends ConfigKind>({
  kind,
  title,
  description,
  editor: Editor,
}: {
  kind: K;
  title: string;
  description: string;
  editor: ComponentType<ConfigEditorProps<K>>;
}) {
  const query = useConfig(kind);
  return (
    <>
      <PageHeader back={{ to: '/admin', label: 'Admin' }} title={title} subtitle={description} />
      <QueryView query={query} loadingLabel="Loading the configuration…">
        {(config) => (
          <>
            <p className="version-line">
              <strong>Version {config.version}</strong> · saved {formatDateTime(config.createdAt)} by {config.createdBy}
              {config.comment ? <> · “{config.comment}”</> : null}
            </p>
            <div key={config.version}>
              <Editor config={config} onReload={() => void query.refetch()} />
            </div>
            <ConfigVersionHistory kind={kind} />
          </>
        )}
      </QueryView>
    </>
  );
}
