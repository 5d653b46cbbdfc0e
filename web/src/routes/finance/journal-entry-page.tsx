import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useJournalEntry, type JournalEntry } from '../../api/ledger.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canManageLedger, JOURNAL_PATH, journalEntryPath } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { formatDate, formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { EntryLink, eventLabel, formatPeriod, ReturnLink, ReversalBadge, sourceTypeLabel } from './finance-labels.js';
import { JournalLinesTable } from './journal-lines-table.js';
import { ReverseEntryDialog } from './reverse-entry-dialog.js';
import './finance.css';

/** One journal entry: its lines, what posted it, the return it belongs to, and its reversal. */
export function JournalEntryPage() {
  const { entryId = '' } = useParams();
  const query = useJournalEntry(entryId);
  return (
    <QueryView query={query} loadingLabel="Loading the entry…" errorTitle="Could not load the journal entry">
      {(entry) => <EntryView entry={entry} />}
    </QueryView>
  );
}

function EntryView({ entry }: { entry: JournalEntry }) {
  const user = useCurrentUser();
  const [isReversing, setIsReversing] = useState(false);
  // A reversal is not reversed again, and an entry at most once.
  const mayReverse = canManageLedger(user.role) && !entry.reversedByEntryId && !entry.reversesEntryId;
  const journal = `${JOURNAL_PATH}?${new URLSearchParams({ legalEntityId: entry.legalEntityId, period: entry.period }).toString()}`;

  return (
    <>
      <PageHeader
        back={{ to: journal, label: 'Journal' }}
        title={
          <>
            Journal entry {entry.entryNumber} <ReversalBadge entry={entry} />
          </>
        }
        subtitle={entry.description}
        actions={
          mayReverse ? (
            <button type="button" className="button button--danger" onClick={() => setIsReversing(true)}>
              Reverse
            </button>
          ) : null
        }
      />
      {entry.reversedByEntryId ? (
        <Alert tone="warning">
          Reversed by <ReversalLink id={entry.reversedByEntryId} />: its lines are undone by the reversal.
        </Alert>
      ) : null}
      {entry.reversesEntryId ? (
        <Alert tone="info">
          This entry reverses <ReversalLink id={entry.reversesEntryId} />.
        </Alert>
      ) : null}
      <section className="panel" aria-labelledby="entry-facts-title">
        <h2 id="entry-facts-title" className="visually-hidden">
          About the entry
        </h2>
        <dl className="facts">
          <Fact term="Posting date" value={formatDate(entry.postingDate)} />
          <Fact term="Period" value={formatPeriod(entry.period)} />
          <Fact term="Event" value={eventLabel(entry.event)} />
          <Fact term="Total" value={formatMoney(entry.totalMinor, entry.currency)} />
          <div>
            <dt>Source</dt>
            <dd>
              {sourceTypeLabel(entry.sourceType)} <code>{entry.sourceId}</code>
            </dd>
          </div>
          <div>
            <dt>Return</dt>
            <dd>
              <ReturnLink entry={entry} />
            </dd>
          </div>
          <Fact term="Posted" value={`${formatDateTime(entry.postedAt)} by ${entry.postedBy}`} />
        </dl>
      </section>
      <section className="panel" aria-labelledby="entry-lines-title">
        <h2 id="entry-lines-title">Lines</h2>
        <JournalLinesTable entry={entry} caption={`Lines of ${entry.entryNumber}`} />
      </section>
      {isReversing ? <ReverseEntryDialog entry={entry} onClose={() => setIsReversing(false)} /> : null}
    </>
  );
}

/** The other entry of a reversal pair, by its number once loaded. */
function ReversalLink({ id }: { id: string }) {
  const other = useJournalEntry(id);
  if (!other.data) return <Link to={journalEntryPath(id)}>the other entry</Link>;
  return <EntryLink id={id} number={other.data.entryNumber} />;
}
