import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../../../src/contracts/common.js';
import type { LegalEntity } from '../../api/ledger.js';
import { EmptyState } from '../../ui/empty-state.js';
import { SelectField, TextField } from '../../ui/field.js';
import { QueryView } from '../../ui/query-view.js';

export const entityLabel = (entity: LegalEntity) => `${entity.code} · ${entity.name} (${entity.functionalCurrency})`;

/** The legal entity (whose books) and, where the screen has one, the month; more filters as children. */
export function FinanceFilters({
  label,
  entities,
  legalEntityId,
  period,
  periodHint,
  onChange,
  children,
}: {
  label: string;
  entities: readonly LegalEntity[];
  legalEntityId: string;
  /** The month shown (YYYY-MM, or empty for all); undefined when the screen has no month. */
  period?: string;
  periodHint?: string;
  onChange: (changes: { legalEntityId?: string; period?: string }) => void;
  children?: ReactNode;
}) {
  return (
    <section className="panel">
      <form className="filters" aria-label={label} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Legal entity"
          value={legalEntityId}
          options={entities.map((entity) => ({ value: entity.id, label: entityLabel(entity) }))}
          onChange={(event) => onChange({ legalEntityId: event.target.value })}
        />
        {period !== undefined ? (
          <TextField
            label="Month"
            type="month"
            value={period}
            hint={periodHint}
            onChange={(event) => onChange({ period: event.target.value })}
          />
        ) : null}
        {children}
      </form>
    </section>
  );
}

/** The legal entities loading, failing or missing; then the screen, which has one to show. */
export function EntitiesView({
  query,
  children,
}: {
  query: UseQueryResult<Page<LegalEntity>>;
  children: (entities: LegalEntity[]) => ReactNode;
}) {
  return (
    <QueryView query={query} loadingLabel="Loading legal entities…" errorTitle="Could not load the legal entities">
      {({ items }) =>
        items.length === 0 ? (
          <section className="panel">
            <EmptyState title="No legal entities yet">
              <p>The books are kept per legal entity; an administrator adds them in master data.</p>
            </EmptyState>
          </section>
        ) : (
          children(items)
        )
      }
    </QueryView>
  );
}
