import { useState } from 'react';
import type { ConfigKind, ConfigVersion } from '../../../../src/contracts/configuration.js';
import { useConfigVersions } from '../../api/config.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDateTime } from '../../ui/dates.js';
import { QueryView } from '../../ui/query-view.js';

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
                  <pre>{JSON.stringify(shown.document, null, 2)}</pre>
                </div>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
