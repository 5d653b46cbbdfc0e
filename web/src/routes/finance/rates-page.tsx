import { useRef, useState, type FormEvent } from 'react';
import { isApiError, describeError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useFxRates, useImportFxRates, type FxImportResult, type FxRate } from '../../api/fx-rates.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canImportRates } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { Field, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { FinanceTabs } from './finance-tabs.js';
import './finance.css';

/** The ECB's limit for a file sent here (the 90-day history fits; the full history goes through the CLI). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const COLUMNS: Column<FxRate>[] = [
  { key: 'pair', header: 'Currency', render: (rate) => `${rate.baseCurrency} → ${rate.quoteCurrency}` },
  {
    key: 'rate',
    header: 'Rate',
    align: 'right',
    render: (rate) => (
      <span className="ledger-amount">
        1 {rate.baseCurrency} = {rate.rate} {rate.quoteCurrency}
      </span>
    ),
  },
  { key: 'date', header: 'Published', render: (rate) => formatDate(rate.rateDate) },
  { key: 'source', header: 'Source', render: (rate) => rate.source.toUpperCase() },
];

/** The euro reference rates valuations use: upload the ECB's file, see the rates in force on a day. */
export function RatesPage() {
  const user = useCurrentUser();
  const [date, setDate] = useState('');
  const rates = useFxRates(date);
  return (
    <>
      <PageHeader
        title="Exchange rates"
        subtitle="Returned goods are valued in each legal entity's currency with the ECB's euro reference rate of the day (or the latest before it)."
      />
      <FinanceTabs />
      {canImportRates(user.role) ? <ImportRatesForm /> : null}
      <section className="panel" aria-labelledby="rates-title">
        <h2 id="rates-title">Rates in force</h2>
        <div className="filters">
          <TextField
            label="On"
            type="date"
            value={date}
            hint={date ? undefined : 'The latest of each currency.'}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <QueryView query={rates} loadingLabel="Loading rates…">
          {({ items }) => (
            <DataTable
              columns={COLUMNS}
              rows={items}
              rowKey={(rate) => `${rate.baseCurrency}/${rate.quoteCurrency}`}
              caption="Exchange rates in force"
              emptyTitle={date ? 'No rates on or before that day' : 'No rates imported yet'}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

/** The file as downloaded from the ECB (eurofxref-daily.xml, or the 90-day history), sent as XML. */
function ImportRatesForm() {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [result, setResult] = useState<FxImportResult | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; problems: string[] } | null>(null);
  const idempotency = useRef<{ file: File; key: string } | null>(null);
  const importRates = useImportFxRates();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setRefusal(null);
    if (!file) {
      setFileError('Choose the ECB rates file (XML).');
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setFileError('The file is larger than 2 MB: send the daily or the 90-day file.');
      return;
    }
    // The same file keeps its key, so a retry after a lost answer cannot import it twice.
    if (idempotency.current?.file !== file) idempotency.current = { file, key: newIdempotencyKey() };
    const xml = await file.text();
    importRates.mutate(
      { xml, idempotencyKey: idempotency.current.key },
      {
        onSuccess: setResult,
        onError: (error) =>
          setRefusal({
            message: describeError(error),
            problems: isApiError(error) ? (error.problem.errors ?? []).map((problem) => problem.message) : [],
          }),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="import-rates-title">
      <h2 id="import-rates-title">Import ECB reference rates</h2>
      <form
        className="finance-form"
        aria-label="Import exchange rates"
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        <Field
          label="ECB rates file"
          hint="eurofxref-daily.xml or eurofxref-hist-90d.xml, as downloaded; a day imported again replaces its rates."
          error={fileError}
        >
          {(control) => (
            <input
              className="input"
              type="file"
              accept=".xml,application/xml,text/xml"
              {...control}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError(undefined);
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={importRates.isPending}>
          {importRates.isPending ? 'Importing…' : 'Import rates'}
        </button>
      </form>
      {result ? <ImportResult result={result} /> : null}
      {refusal ? (
        <Alert tone="error">
          {refusal.message}
          {refusal.problems.length > 0 ? (
            <ul className="finance-problems">
              {refusal.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}

function ImportResult({ result }: { result: FxImportResult }) {
  const first = result.dates[0];
  const last = result.dates[result.dates.length - 1];
  const days =
    first === undefined
      ? 'no days'
      : first === last
        ? formatDate(first)
        : `${result.dates.length} days, ${formatDate(first)} to ${formatDate(last)}`;
  return (
    <Alert tone="success">
      Imported {result.imported} {result.imported === 1 ? 'rate' : 'rates'} for {days}.
      {result.skipped.length > 0 ? (
        <>
          {' '}
          Left out {result.skipped.length}:
          <ul className="finance-problems">
            {result.skipped.map((skip) => (
              <li key={`${skip.date} ${skip.quote}`}>
                {formatDate(skip.date)} {skip.quote} {skip.rate}: {skip.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}
