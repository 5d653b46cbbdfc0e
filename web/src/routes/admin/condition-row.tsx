import {
  FACT_NAMES,
  factTypeOf,
  NUMBER_FACTS,
  operatorsFor,
  REASON_FAULTS,
  type FactName,
} from '../../../../src/contracts/disposition-rules.js';
import { CLAIM_VERDICTS, GRADES } from '../../../../src/contracts/inspection-vocabulary.js';
import { CLAIMED_CONDITIONS, RETURN_TYPES } from '../../../../src/contracts/returns-vocabulary.js';
import { RemoveRowButton } from '../../ui/edit-table.js';
import { SelectField, TextField } from '../../ui/field.js';
import {
  comparesNumbers,
  errorUnder,
  FACT_LABELS,
  OPERATOR_LABELS,
  takesList,
  takesNoValue,
  withFact,
  type ConditionDraft,
} from './rule-draft.js';

/** Text facts whose values are a fixed list: offered as a choice, not typed. */
export const FIXED_TERMS: Partial<Record<FactName, readonly string[]>> = {
  grade: GRADES,
  claimVerdict: CLAIM_VERDICTS,
  returnType: RETURN_TYPES,
  claimedCondition: CLAIMED_CONDITIONS,
  reasonFault: REASON_FAULTS,
};

/** The id of the datalist suggesting a fact's terms (reasons, categories, classes, defect codes). */
export const termsListId = (fact: FactName) => `rule-terms-${fact}`;

const FACT_OPTIONS = FACT_NAMES.map((fact) => ({ value: fact, label: FACT_LABELS[fact] }));
const YES_NO = [
  { value: 'true', label: 'yes' },
  { value: 'false', label: 'no' },
];

/** One condition: fact, test (the operators that suit the fact) and value, as one row of the rule's table. */
export function ConditionRow({
  condition,
  name,
  errorPath,
  errors,
  hasSuggestions,
  onChange,
  onRemove,
}: {
  condition: ConditionDraft;
  /** “condition 2 of Rule name”, for labels read out. */
  name: string;
  errorPath: string;
  errors: Record<string, string>;
  hasSuggestions: boolean;
  onChange: (next: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const update = (changes: Partial<ConditionDraft>) => onChange({ ...condition, ...changes });
  const operators = operatorsFor(condition.fact);
  // An operator the fact does not take (in a stored document) stays offered, so what is wrong shows.
  const operatorOptions = [...new Set([...operators, condition.op])].map((op) => ({
    value: op,
    label: OPERATOR_LABELS[op],
  }));
  return (
    <tr>
      <td>
        <SelectField
          label={`Fact of ${name}`}
          hideLabel
          value={condition.fact}
          options={FACT_OPTIONS}
          error={errors[`${errorPath}.fact`]}
          onChange={(event) => onChange(withFact(condition, event.target.value as FactName))}
        />
      </td>
      <td>
        <SelectField
          label={`Test of ${name}`}
          hideLabel
          value={condition.op}
          options={operatorOptions}
          error={errors[`${errorPath}.op`]}
          onChange={(event) => update({ op: event.target.value as ConditionDraft['op'] })}
        />
      </td>
      <td>
        <ConditionValue
          condition={condition}
          name={name}
          errorPath={errorPath}
          errors={errors}
          hasSuggestions={hasSuggestions}
          onChange={update}
        />
      </td>
      <td>
        <RemoveRowButton rowName={name} onRemove={onRemove} />
      </td>
    </tr>
  );
}

function ConditionValue({
  condition,
  name,
  errorPath,
  errors,
  hasSuggestions,
  onChange,
}: {
  condition: ConditionDraft;
  name: string;
  errorPath: string;
  errors: Record<string, string>;
  hasSuggestions: boolean;
  onChange: (changes: Partial<ConditionDraft>) => void;
}) {
  const { fact, op } = condition;
  const valueError = errorUnder(errors, `${errorPath}.value`);
  if (takesNoValue(op)) return <span className="muted">—</span>;
  if (comparesNumbers(op)) {
    const others = NUMBER_FACTS.filter((other) => other !== fact).map((other) => ({
      value: other,
      label: FACT_LABELS[other],
    }));
    return (
      <div className="condition-value">
        <SelectField
          label={`Compare ${name} with`}
          hideLabel
          value={condition.compareToFact}
          options={[{ value: '', label: 'a number' }, ...others]}
          error={errors[`${errorPath}.compareToFact`]}
          onChange={(event) => onChange({ compareToFact: event.target.value as ConditionDraft['compareToFact'] })}
        />
        {condition.compareToFact === '' ? (
          <TextField
            label={`Value of ${name}`}
            hideLabel
            className="field--narrow"
            inputMode="decimal"
            value={condition.value}
            error={valueError}
            onChange={(event) => onChange({ value: event.target.value })}
          />
        ) : (
          <TextField
            label={`Factor of ${name}`}
            hideLabel
            className="field--narrow"
            inputMode="decimal"
            placeholder="× 1"
            value={condition.factor}
            hint="times"
            error={errors[`${errorPath}.factor`] && 'A number such as 0.5.'}
            onChange={(event) => onChange({ factor: event.target.value })}
          />
        )}
      </div>
    );
  }
  const type = factTypeOf(fact);
  const fixed = FIXED_TERMS[fact];
  if (type === 'boolean')
    return (
      <SelectField
        label={`Value of ${name}`}
        hideLabel
        value={condition.value}
        placeholder="Choose"
        options={YES_NO}
        error={valueError}
        onChange={(event) => onChange({ value: event.target.value })}
      />
    );
  if (fixed && !takesList(op))
    return (
      <SelectField
        label={`Value of ${name}`}
        hideLabel
        value={condition.value}
        placeholder="Choose"
        options={[...new Set([...fixed, ...(condition.value ? [condition.value] : [])])].map((term) => ({
          value: term,
          label: term,
        }))}
        error={valueError}
        onChange={(event) => onChange({ value: event.target.value })}
      />
    );
  return (
    <TextField
      label={`Value of ${name}`}
      hideLabel
      value={condition.value}
      list={!takesList(op) && hasSuggestions ? termsListId(fact) : undefined}
      hint={takesList(op) ? `Separate with commas${fixed ? `: ${fixed.join(', ')}` : ''}.` : undefined}
      inputMode={type === 'number' ? 'decimal' : undefined}
      error={valueError}
      onChange={(event) => onChange({ value: event.target.value })}
    />
  );
}
