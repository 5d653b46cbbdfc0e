import type { KpiDefinition } from '../../api/kpis.js';
import { EmptyState } from '../../ui/empty-state.js';

/** A chart with nothing to draw: the KPI has no figure for these returns yet, and why it may not. */
export function NoFigureYet({ definition }: { definition: KpiDefinition }) {
  return (
    <EmptyState title={`No ${definition.name.toLowerCase()} for these returns yet`}>
      <p>It leaves out: {definition.exclusions}</p>
    </EmptyState>
  );
}
