import type { KpiDefinition } from '../../api/kpis.js';

/** What a figure means, one click away: its formula, where it starts and ends, what it leaves out. */
export function KpiDefinitionNote({ definition }: { definition: KpiDefinition }) {
  return (
    <details className="kpi-definition">
      <summary>
        How it is measured<span className="visually-hidden"> ({definition.name})</span>
      </summary>
      <dl>
        <dt>Formula</dt>
        <dd>{definition.formula}</dd>
        <dt>Starts</dt>
        <dd>{definition.startEvent}</dd>
        <dt>Ends</dt>
        <dd>{definition.endEvent}</dd>
        <dt>Leaves out</dt>
        <dd>{definition.exclusions}</dd>
      </dl>
    </details>
  );
}
