// Whose books and which month: the legal entity and period every finance screen reads, kept in the
// address (so a view can be shared and the tabs carry it along). Without a choice, the first entity.
import { useLegalEntities } from '../../api/ledger.js';
import { useListParams } from '../returns/use-list-params.js';

const SCOPE_KEYS = ['legalEntityId', 'period'] as const;

export function useFinanceScope<K extends string>(extraKeys: readonly K[] = [], defaultPageSize = 25) {
  const params = useListParams<K | (typeof SCOPE_KEYS)[number]>([...SCOPE_KEYS, ...extraKeys], defaultPageSize);
  const entities = useLegalEntities();
  const items = entities.data?.items ?? [];
  const chosen = items.find((entity) => entity.id === params.filters.legalEntityId);
  const entity = chosen ?? items[0] ?? null;
  return { ...params, entities, entity, legalEntityId: entity?.id ?? '' };
}
