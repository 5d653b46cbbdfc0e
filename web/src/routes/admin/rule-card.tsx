import { describeCondition } from '../../../../src/disposition/domain/rules-engine.js';
import { EditTable } from '../../ui/edit-table.js';
import { removeRow, updateRow } from '../../ui/editable-rows.js';
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from '../../ui/field.js';
import { ConditionRow } from './condition-row.js';
import { conditionFromDraft, newConditionDraft, type ConditionDraft, type RuleDraft } from './rule-draft.js';

/** A rule's conditions in words ("grade is one of A, B; category is not one of Consumables"). */
export function ruleInWords(rule: RuleDraft): string {
  if (rule.when.length === 0) return 'Always';
  return rule.when.map((condition) => describeCondition(conditionFromDraft(condition))).join('; ');
}

/**
 * One rule in the ordered list: its place, name, conditions in words and code, switched on or off,
 * moved, removed — and, opened, its fields. A rule the server found fault with opens by itself.
 */
export function RuleCard({
  rule,
  index,
  count,
  errors,
  isOpen,
  codeOptions,
  codeLabel,
  suggestedFacts,
  onToggleOpen,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RuleDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  isOpen: boolean;
  codeOptions: readonly Option[];
  codeLabel: (code: string) => string;
  /** Facts with a datalist of known terms on the page. */
  suggestedFacts: ReadonlySet<string>;
  onToggleOpen: () => void;
  onChange: (next: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const path = `rules.${index}`;
  const name = rule.name.trim() || `rule ${index + 1}`;
  const titleId = `rule-${rule.key}-title`;
  const problems = Object.entries(errors).filter(([key]) => key === path || key.startsWith(`${path}.`));
  const update = (changes: Partial<RuleDraft>) => onChange({ ...rule, ...changes });
  const setConditions = (when: ConditionDraft[]) => update({ when });

  return (
    <li
      className={`panel rule-card${rule.isActive ? '' : ' row--inactive'}${problems.length > 0 ? ' rule-card--invalid' : ''}`}
    >
      <div className="rule-card__summary">
        <span className="rule-card__place" aria-hidden="true">
          {index + 1}
        </span>
        <div className="rule-card__words">
          <h3 id={titleId}>{name}</h3>
          <p>
            <span className="muted">When</span> {ruleInWords(rule)} <span className="muted">→</span>{' '}
            <strong>{rule.code || '(no code)'}</strong>
            {rule.code ? <span className="muted"> {codeLabel(rule.code)}</span> : null}
          </p>
          {problems.length > 0 && !isOpen ? <p className="field__error">{problems[0]![1]}</p> : null}
        </div>
        <div className="rule-card__actions">
          <CheckboxField
            label={
              <>
                Active<span className="visually-hidden"> rule {name}</span>
              </>
            }
            checked={rule.isActive}
            onChange={(event) => update({ isActive: event.target.checked })}
          />
          <button type="button" className="link-button" aria-expanded={isOpen} onClick={onToggleOpen}>
            {isOpen ? 'Close' : 'Edit'}
            <span className="visually-hidden"> rule {name}</span>
          </button>
          <button type="button" className="link-button" disabled={index === 0} onClick={() => onMove(-1)}>
            Up<span className="visually-hidden"> move rule {name} up</span>
          </button>
          <button type="button" className="link-button" disabled={index === count - 1} onClick={() => onMove(1)}>
            Down<span className="visually-hidden"> move rule {name} down</span>
          </button>
          <button type="button" className="link-button" onClick={onRemove}>
            Remove<span className="visually-hidden"> rule {name}</span>
          </button>
        </div>
      </div>
      {isOpen ? (
        <div className="rule-card__editor" role="group" aria-labelledby={titleId}>
          <div className="form-grid">
            <TextField
              label="Name"
              value={rule.name}
              maxLength={120}
              error={errors[`${path}.name`]}
              onChange={(event) => update({ name: event.target.value })}
            />
            <TextField
              label="Rule id"
              value={rule.id}
              maxLength={40}
              hint="Letters, digits, - and _: decisions record it."
              error={errors[`${path}.id`]}
              onChange={(event) => update({ id: event.target.value })}
            />
            <SelectField
              label="Recommends"
              value={rule.code}
              placeholder="Choose a disposition code"
              options={codeOptions}
              error={errors[`${path}.code`]}
              onChange={(event) => update({ code: event.target.value })}
            />
            <TextField
              label="Location code (optional)"
              value={rule.locationCode}
              maxLength={40}
              hint="By default, the code’s kind of location at the site."
              error={errors[`${path}.locationCode`]}
              onChange={(event) => update({ locationCode: event.target.value })}
            />
          </div>
          <TextAreaField
            label="Explanation"
            value={rule.explanation}
            maxLength={500}
            hint="Why, in words the inspector reads beside the recommendation."
            error={errors[`${path}.explanation`]}
            onChange={(event) => update({ explanation: event.target.value })}
          />
          <h4>When all of these hold</h4>
          {errors[`${path}.when`] ? <p className="field__error">{errors[`${path}.when`]}</p> : null}
          {rule.when.length > 0 ? (
            <EditTable caption={`Conditions of ${name}`} headers={['Fact', 'Test', 'Value']}>
              {rule.when.map((condition, j) => (
                <ConditionRow
                  key={condition.key}
                  condition={condition}
                  name={`condition ${j + 1} of ${name}`}
                  errorPath={`${path}.when.${j}`}
                  errors={errors}
                  hasSuggestions={suggestedFacts.has(condition.fact)}
                  onChange={(next) => setConditions(updateRow(rule.when, condition.key, next))}
                  onRemove={() => setConditions(removeRow(rule.when, condition.key))}
                />
              ))}
            </EditTable>
          ) : (
            <p className="muted">No conditions: the rule always applies (put it last, or use the fallback).</p>
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => setConditions([...rule.when, newConditionDraft()])}
          >
            + Add a condition
          </button>
        </div>
      ) : null}
    </li>
  );
}
