import { useState } from 'react';
import type { ConfigKind, ConfigVersion } from '../../../../src/contracts/configuration.js';
import { useConfigVersions } from '../../api/config.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { QueryView } from '../../ui/query-view.js';
import { describeConfigChanges } from './config-diff.js';

export function ConfigVersionHistory({ kind }: { kind: ConfigKind }) {
  const query = useConfigVersions(kind);
  const [shownVersion, setShownVersion] = useState<number | null>(null);

  const columns: Column<ConfigVersion>[] = [
    {
      key: 'version',
      header: 'Version',
      align: 'right',
      render: (row) => row.version,
      sortValue: (row) => row.version,
    },
    {
      key: 'createdAt',
      header: 'Saved',
      render: (row) => formatDateTime(row.createdAt),
      sortValue: (row) => row.createdAt,
    },
    { key: 'createdBy', header: 'By', render: (row) => row.createdBy, sortValue: (row) => row.createdBy },
    { key: 'comment', header: 'Why', render: (row) => row.comment || '—' },
    {
      key: 'document',
      header: 'Document',
      render: (row) => (
        <button
          type="button"
          className="link-button"
          aria-expanded={shownVersion === row.version}
          onClick={() => setShownVersion((current) => (current === row.version ? null : row.version))}
        >
          {shownVersion === row.version ? 'Hide' : 'Show'}
          <span className="visually-hidden"> version {row.version}</span>
        </button>
      ),
    },
  ];

  return (
    <section className="panel" aria-labelledby={`${kind}-history-title`}>
      <h2 id={`${kind}-history-title`}>Version history</h2>
      <QueryView query={query} loadingLabel="Loading versions…">
        {(result) => {
          const rows = [...result.items].sort((a, b) => b.version - a.version);
          const shown = rows.find((row) => row.version === shownVersion);
          const previous = shown ? rows.find((row) => row.version === shown.version - 1) : undefined;
          return (
            <>
              <DataTable
                columns={columns}
                rows={rows}
                rowKey={(row) => String(row.version)}
                caption="Version history"
              />
              {shown ? (
                <div className="json-view">
                  <h3>Version {shown.version}</h3>
                  {previous ? (
                    <VersionChanges before={previous} after={shown} />
                  ) : (
                    <p className="muted">The first version.</p>
                  )}
                  <details>
                    <summary>The whole document</summary>
                    <pre>{JSON.stringify(shown.document, null, 2)}</pre>
                  </details>
                </div>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

/** What changed from the version before, one line per change. */
function VersionChanges({ before, after }: { before: ConfigVersion; after: ConfigVersion }) {
  const changes = describeConfigChanges(before.document, after.document);
  if (changes.length === 0) return <p className="muted">No change from version {before.version}.</p>;
  return (
    <>
      <h4>Changes from version {before.version}</h4>
      <ul className="config-changes">
        {changes.map((change, index) => (
          <li key={index}>
            {change.kind === 'added' ? (
              <>
                <strong>Added</strong> {change.path}: {change.after}
              </>
            ) : change.kind === 'removed' ? (
              <>
                <strong>Removed</strong> {change.path}: {change.before}
              </>
            ) : (
              <>
                <strong>Changed</strong> {change.path}: {change.before} → {change.after}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
