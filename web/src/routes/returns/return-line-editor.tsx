import type { SalesOrderLine } from '../../../../src/contracts/masterdata.js';
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from '../../ui/field.js';
import { CONDITION_OPTIONS } from '../../ui/options.js';
import { formatDate } from '../../ui/dates.js';
import { lineErrorKey, returnableQuantity, type DraftErrors, type LineDraft, type LineField } from './return-draft.js';

/** One order line: tick it to return it, then say how many, why and in what condition. */
export function ReturnLineEditor({
  line,
  draft,
  errors,
  reasonOptions,
  onChange,
  onTouch,
}: {
  line: SalesOrderLine;
  draft: LineDraft;
  errors: DraftErrors;
  reasonOptions: Option[];
  onChange: (changes: Partial<LineDraft>) => void;
  onTouch: (field: LineField) => void;
}) {
  const returnable = returnableQuantity(line);
  const isSerialized = line.serialsShipped.length > 0;
  const isLotControlled = line.lotsShipped.length > 0;
  const errorFor = (field: LineField) => errors[lineErrorKey(line.id, field)];
  const itemName = `${line.sku} ${line.productName}`;

  return (
    <li className={`line-editor${draft.selected ? ' line-editor--selected' : ''}`}>
      <div className="line-editor__head">
        <CheckboxField
          label={
            <>
              <span className="line-editor__sku">{line.sku}</span> {line.productName}
            </>
          }
          checked={draft.selected}
          disabled={returnable === 0 && !draft.selected}
          onChange={(event) => onChange({ selected: event.target.checked })}
          aria-label={`Return line ${line.lineNumber}: ${itemName}`}
        />
        <span className="line-editor__facts">
          Line {line.lineNumber} · shipped {line.quantityShipped} · already returned or requested{' '}
          {line.quantityCommitted} ·{' '}
          {returnable === 0 ? <strong>nothing left to return</strong> : <>up to {returnable} returnable</>} · delivered{' '}
          {formatDate(line.deliveryDate)}
        </span>
      </div>
      {draft.selected ? (
        <div className="line-editor__fields">
          <TextField
            label="Quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={returnable}
            step={1}
            value={draft.quantity}
            error={errorFor('quantity')}
            hint={`At most ${returnable}`}
            onChange={(event) => onChange({ quantity: event.target.value })}
            onBlur={() => onTouch('quantity')}
          />
          <SelectField
            label="Reason"
            value={draft.reasonCode}
            options={reasonOptions}
            placeholder="Choose a reason…"
            error={errorFor('reasonCode')}
            onChange={(event) => {
              onChange({ reasonCode: event.target.value });
              onTouch('reasonCode');
            }}
          />
          <SelectField
            label="Condition"
            value={draft.claimedCondition}
            options={CONDITION_OPTIONS}
            placeholder="Choose the condition…"
            error={errorFor('claimedCondition')}
            onChange={(event) => {
              onChange({ claimedCondition: event.target.value as LineDraft['claimedCondition'] });
              onTouch('claimedCondition');
            }}
          />
          {isSerialized ? (
            <TextAreaField
              label="Serial numbers"
              hint="One per line, as printed on the unit."
              value={draft.serials}
              error={errorFor('serials')}
              onChange={(event) => onChange({ serials: event.target.value })}
              onBlur={() => onTouch('serials')}
            />
          ) : null}
          {isLotControlled ? (
            <TextAreaField
              label="Lot numbers"
              hint="One per line."
              value={draft.lots}
              error={errorFor('lots')}
              onChange={(event) => onChange({ lots: event.target.value })}
              onBlur={() => onTouch('lots')}
            />
          ) : null}
          <TextAreaField
            label="Note for this line"
            className="line-editor__note"
            rows={2}
            value={draft.note}
            error={errorFor('note')}
            onChange={(event) => onChange({ note: event.target.value })}
          />
        </div>
      ) : null}
    </li>
  );
}
