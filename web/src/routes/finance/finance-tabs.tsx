import { NavLink, useSearchParams } from 'react-router';
import {
  ACCOUNTS_PATH,
  CLAIMS_PATH,
  JOURNAL_PATH,
  PERIODS_PATH,
  RATES_PATH,
  RECONCILIATION_PATH,
  TRIAL_BALANCE_PATH,
} from '../../auth/permissions.js';

const FINANCE_SCREENS = [
  { path: JOURNAL_PATH, label: 'Journal' },
  { path: TRIAL_BALANCE_PATH, label: 'Trial balance' },
  { path: RECONCILIATION_PATH, label: 'Reconciliation' },
  { path: PERIODS_PATH, label: 'Periods' },
  { path: ACCOUNTS_PATH, label: 'Chart of accounts' },
  { path: RATES_PATH, label: 'Exchange rates' },
  { path: CLAIMS_PATH, label: 'Supplier claims' },
] as const;

/** The finance screens; the chosen legal entity goes along from one to the next. */
export function FinanceTabs() {
  const [searchParams] = useSearchParams();
  const legalEntityId = searchParams.get('legalEntityId');
  const query = legalEntityId ? `?${new URLSearchParams({ legalEntityId }).toString()}` : '';
  return (
    <nav className="tab-bar" aria-label="Finance">
      {FINANCE_SCREENS.map((screen) => (
        <NavLink key={screen.path} to={`${screen.path}${query}`}>
          {screen.label}
        </NavLink>
      ))}
    </nav>
  );
}
