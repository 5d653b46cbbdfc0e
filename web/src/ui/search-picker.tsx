import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import { ErrorState } from './error-state.js';
import { Field } from './field.js';
import { useOpenOnEnter } from './open-on-enter.js';

/** How many matches a picker offers; more means the search should be narrower. */
export const PICKER_PAGE_SIZE = 8;
const SEARCH_DELAY_MS = 250;

export interface PickerText {
  label: string;
  detail?: string;
}

/** The text typed into a picker and the (debounced) term the look-up runs with. */
export function usePickerSearch() {
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setTerm(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return { text, setText, term, searchNow: () => setTerm(text.trim()) };
}
export type PickerSearch = ReturnType<typeof usePickerSearch>;

/**
 * Search, then choose one record: a search input with the matches below it as buttons. Enter never
 * submits the surrounding form; it picks the only match, searching first when the look-up has not
 * caught up with the text (a barcode scanner types the code and Enter faster than the search answers). Once chosen, the record is shown with a button to change it.
 */
export function SearchPicker<Row extends { id: string }>({
  label,
  noun,
  hint,
  placeholder,
  error,
  chosen,
  describe,
  onChoose,
  search,
  query,
  autoFocus = false,
  required = false,
}: {
  label: string;
  /** Plural, for "No customers match …". */
  noun: string;
  hint?: string;
  placeholder?: string;
  error?: string | undefined;
  chosen: Row | null;
  describe: (row: Row) => PickerText;
  onChoose: (row: Row | null) => void;
  search: PickerSearch;
  query: UseQueryResult<Page<Row>>;
  autoFocus?: boolean;
  required?: boolean;
}) {
  const labelId = useId();
  const resultsId = useId();
  const focusSearch = useRef(autoFocus);
  const matches = search.term !== '' && query.data && !query.isPlaceholderData ? query.data.items : null;
  const answer = matches ? { term: search.term, matches, total: query.data?.total ?? matches.length } : null;
  const pressEnter = useOpenOnEnter(answer, onChoose);

  if (chosen) {
    const text = describe(chosen);
    return (
      <div className={`field picker${error ? ' field--invalid' : ''}`}>
        <span id={labelId} className="field__label">
          {label}
        </span>
        <div className="picker__chosen" role="group" aria-labelledby={labelId}>
          <OptionText text={text} />
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              focusSearch.current = true;
              search.setText('');
              onChoose(null);
            }}
          >
            Change<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        </div>
        {error ? <p className="field__error">{error}</p> : null}
      </div>
    );
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    pressEnter(search.text);
    if (search.term !== search.text.trim()) search.searchNow();
  }

  return (
    <div className="picker">
      <Field label={label} hint={hint} error={error}>
        {(control) => (
          <input
            ref={(input) => {
              if (input && focusSearch.current) {
                focusSearch.current = false;
                input.focus();
              }
            }}
            className="input"
            type="search"
            autoComplete="off"
            placeholder={placeholder}
            value={search.text}
            aria-controls={resultsId}
            aria-required={required || undefined}
            onChange={(event) => search.setText(event.target.value)}
            onKeyDown={handleKeyDown}
            {...control}
          />
        )}
      </Field>
      <div id={resultsId} className="picker__results" aria-busy={query.isFetching}>
        {search.term === '' ? null : query.isError ? (
          <ErrorState title={`Could not search ${noun}`} error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <PickerMatches
            noun={noun}
            term={search.term}
            page={query.data}
            isStale={query.isPlaceholderData || !query.data}
            describe={describe}
            onChoose={onChoose}
          />
        )}
      </div>
    </div>
  );
}

function PickerMatches<Row extends { id: string }>({
  noun,
  term,
  page,
  isStale,
  describe,
  onChoose,
}: {
  noun: string;
  term: string;
  page: Page<Row> | undefined;
  isStale: boolean;
  describe: (row: Row) => PickerText;
  onChoose: (row: Row) => void;
}) {
  const items = page?.items ?? [];
  const status = isStale
    ? 'Searching…'
    : items.length === 0
      ? `No ${noun} match “${term}”.`
      : page && page.total > items.length
        ? `${items.length} of ${page.total.toLocaleString()} matches shown; type more to narrow the search.`
        : `${items.length} ${items.length === 1 ? 'match' : 'matches'}.`;
  return (
    <>
      <p className="picker__status" role="status">
        {status}
      </p>
      {items.length > 0 ? (
        <ul className="picker__options" aria-label={`Matching ${noun}`}>
          {items.map((row) => (
            <li key={row.id}>
              <button type="button" className="picker__option" onClick={() => onChoose(row)}>
                <span className="visually-hidden">Choose </span>
                <OptionText text={describe(row)} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function OptionText({ text }: { text: PickerText }) {
  return (
    <span className="picker__text">
      <span className="picker__label">{text.label}</span>
      {text.detail ? <span className="cell-sub">{text.detail}</span> : null}
    </span>
  );
}
