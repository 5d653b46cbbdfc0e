import { useState } from 'react';
import { describeError } from '../../api/api-error.js';
import { useToast } from '../../ui/toast.js';

/** "Export CSV": saves what `download` fetches; a refusal is shown in the server's words. */
export function KpiCsvButton({ download, label }: { download: () => Promise<void>; label: string }) {
  const toast = useToast();
  const [isDownloading, setIsDownloading] = useState(false);

  function start() {
    setIsDownloading(true);
    download()
      .catch((error: unknown) => toast.show(`The CSV was not downloaded: ${describeError(error)}`, 'error'))
      .finally(() => setIsDownloading(false));
  }

  return (
    <button type="button" className="button" onClick={start} disabled={isDownloading} aria-label={label}>
      {isDownloading ? 'Downloading…' : 'Export CSV'}
    </button>
  );
}
