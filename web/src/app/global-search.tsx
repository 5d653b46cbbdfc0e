import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../src/contracts/common.js';
import { describeError } from '../api/api-error.js';
import { useGlobalSearch, type GlobalSearchResult, type SearchGroup, type SearchHit } from '../api/search.js';
import { SERVICE_ROLES } from '../auth/permissions.js';
import { formatMoney } from '../ui/money.js';
import { useOpenOnEnter } from '../ui/open-on-enter.js';
import { usePickerSearch } from '../ui/search-picker.js';

/** Where a hit opens. Orders and customers have their pages under customer service. */
export function pathOf(hit: SearchHit): string {
  if (hit.kind === 'return') return `/returns/${hit.id}`;
  if (hit.kind === 'order') return `/service/orders/${hit.id}`;
  return `/service/customers/${hit.id}`;
}

/**
 * One box in the top bar for staff: returns, orders and customers by number, name, account, PO or
 * reference, SKU, GTIN, product name, serial or lot. Enter (a scanner's too) opens the only match.
 */
export function GlobalSearch({ role }: { role: Role }) {
  const search = usePickerSearch();
  const [isOpen, setIsOpen] = useState(false);
  const navigate = useNavigate();
  const resultsId = useId();
  const withOrdersAndCustomers = SERVICE_ROLES.includes(role);
  const result = useGlobalSearch(search.term, withOrdersAndCustomers);
  const answer = result.isComplete ? { term: search.term, ...allHits(result) } : null;

  function open(hit: SearchHit) {
    setIsOpen(false);
    search.setText('');
    void navigate(pathOf(hit));
  }
  const pressEnter = useOpenOnEnter(answer, open);

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      setIsOpen(false);
      return;
    }
    if (event.key === 'ArrowDown') {
      // Into the results; Tab and the arrow keys' usual scrolling take it from there.
      const firstHit = document.getElementById(resultsId)?.querySelector<HTMLElement>('a');
      if (firstHit) {
        event.preventDefault();
        firstHit.focus();
      }
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    setIsOpen(true);
    pressEnter(search.text);
    if (search.term !== search.text.trim()) search.searchNow();
  }

  const label = withOrdersAndCustomers ? 'Search returns, orders and customers' : 'Search returns';
  return (
    <div
      className="global-search"
      role="search"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setIsOpen(false);
      }}
    >
      <label className="visually-hidden" htmlFor={`${resultsId}-input`}>
        {label}
      </label>
      <input
        id={`${resultsId}-input`}
        className="input global-search__input"
        type="search"
        autoComplete="off"
        placeholder="Search or scan…"
        value={search.text}
        aria-controls={resultsId}
        aria-expanded={isOpen && search.term !== ''}
        onChange={(event) => {
          search.setText(event.target.value);
          setIsOpen(true);
        }}
        onFocus={() => setIsOpen(true)}
        onKeyDown={handleKeyDown}
      />
      <div id={resultsId} className="global-search__results" hidden={!isOpen || search.term === ''}>
        {isOpen && search.term !== '' ? (
          <SearchResults term={search.term} result={result} onOpen={() => setIsOpen(false)} />
        ) : null}
      </div>
    </div>
  );
}

function allHits(result: GlobalSearchResult): { matches: SearchHit[]; total: number } {
  const groups = [result.returns, result.orders, result.customers].filter((group) => group !== null);
  return {
    matches: groups.flatMap((group): SearchHit[] => group.hits),
    total: groups.reduce((sum, group) => sum + group.total, 0),
  };
}

function SearchResults({ term, result, onOpen }: { term: string; result: GlobalSearchResult; onOpen: () => void }) {
  if (result.error) return <p className="global-search__status">{describeError(result.error)}</p>;
  if (!result.isComplete) return <p className="global-search__status">Searching…</p>;
  const { total } = allHits(result);
  return (
    <>
      <p className="global-search__status" role="status">
        {total === 0 ? `Nothing matches “${term}”.` : `${total.toLocaleString()} ${total === 1 ? 'match' : 'matches'}.`}
      </p>
      <ResultGroup
        title="Returns"
        listPath={`/returns?q=${encodeURIComponent(term)}`}
        group={result.returns}
        onOpen={onOpen}
      >
        {(hit) =>
          hit.kind === 'return' ? (
            <>
              <span className="global-search__label">{hit.rma.rmaNumber}</span>
              <span className="cell-sub">
                {hit.rma.customerName} · {formatMoney(hit.rma.totalValueMinor, hit.rma.currency)}
              </span>
            </>
          ) : null
        }
      </ResultGroup>
      <ResultGroup
        title="Orders"
        listPath={`/service/orders?q=${encodeURIComponent(term)}`}
        group={result.orders}
        onOpen={onOpen}
      >
        {(hit) =>
          hit.kind === 'order' ? (
            <>
              <span className="global-search__label">{hit.order.orderNumber}</span>
              <span className="cell-sub">
                {hit.order.customerName}
                {hit.order.customerPo ? ` · PO ${hit.order.customerPo}` : ''}
              </span>
            </>
          ) : null
        }
      </ResultGroup>
      <ResultGroup
        title="Customers"
        listPath={`/service/customers?q=${encodeURIComponent(term)}`}
        group={result.customers}
        onOpen={onOpen}
      >
        {(hit) =>
          hit.kind === 'customer' ? (
            <>
              <span className="global-search__label">{hit.customer.name}</span>
              <span className="cell-sub">{hit.customer.accountNumber}</span>
            </>
          ) : null
        }
      </ResultGroup>
    </>
  );
}

function ResultGroup<K extends SearchHit['kind']>({
  title,
  listPath,
  group,
  onOpen,
  children,
}: {
  title: string;
  /** The full list, searched for the same term. */
  listPath: string;
  group: SearchGroup<K> | null;
  onOpen: () => void;
  children: (hit: SearchHit) => ReactNode;
}) {
  if (!group || group.hits.length === 0) return null;
  const more = group.total - group.hits.length;
  return (
    <section className="global-search__group" aria-label={title}>
      <h2 className="global-search__title">
        {title} <span className="muted">({group.total.toLocaleString()})</span>
      </h2>
      <ul>
        {group.hits.map((hit) => (
          <li key={hit.id}>
            <Link to={pathOf(hit)} className="global-search__hit" onClick={onOpen}>
              {children(hit)}
            </Link>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p className="global-search__more">
          <Link to={listPath} onClick={onOpen}>
            See all {group.total.toLocaleString()} {title.toLowerCase()}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
