import { Link } from 'react-router';
import { PageHeader } from '../../ui/page-header.js';
import { OPERATIONS_LISTS, OperationsTabs, WaitingCount } from './operations-tabs.js';
import './operations.css';

/** What dispositions opened and what waits in each, everywhere: the way into each list. */
export function OperationsHubPage() {
  return (
    <>
      <PageHeader
        title="Operations"
        subtitle="What executed dispositions opened: repairs, vendor returns, holds, lots for the outlet, goods going back to customers, and disposals."
      />
      <OperationsTabs />
      <div className="home-grid">
        {OPERATIONS_LISTS.map((entry) => (
          <Link key={entry.path} to={entry.path} className="home-card">
            <span className="home-card__title">{entry.label}</span>
            <span className="home-card__body">
              <WaitingCount entry={entry} className="ops-hub-count" isWordShown />
            </span>
            <span className="home-card__body">{entry.description}</span>
          </Link>
        ))}
      </div>
    </>
  );
}
