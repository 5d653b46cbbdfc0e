import type { OrderLine } from '../../api/orders.js';
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
  unavailable,
  onChange,
  onTouch,
}: {
  line: OrderLine;
  draft: LineDraft;
  /** Why this line cannot be returned now; null when it can. */
  unavailable: string | null;
  errors: DraftErrors;
  reasonOptions: Option[];
  onChange: (changes: Partial<LineDraft>) => void;
  onTouch: (field: LineField) => void;
}) {
  const returnable = returnableQuantity(line);
  const isSerialized = line.isSerialized || line.serialsShipped.length > 0;
  const isLotControlled = line.isLotControlled || line.lotsShipped.length > 0;
  const errorFor = (field: LineField) => errors[lineErrorKey(line.id, field)];
  const itemName = `${line.sku} ${line.productName}`;
  const isSelected = draft.selected && unavailable === null;
  const reasonId = `line-${line.id}-unavailable`;

  function toggleSerial(serial: string, isPicked: boolean) {
    const picked = isPicked ? [...draft.pickedSerials, serial] : draft.pickedSerials.filter((s) => s !== serial);
    // One unit per serial: the quantity follows the serials picked.
    onChange({ pickedSerials: picked, ...(picked.length > 0 ? { quantity: String(picked.length) } : {}) });
    onTouch('serials');
  }

  return (
    <li
      className={`line-editor${isSelected ? ' line-editor--selected' : ''}${unavailable ? ' line-editor--unavailable' : ''}`}
    >
      <div className="line-editor__head">
        <CheckboxField
          label={
            <>
              <span className="line-editor__sku">{line.sku}</span> {line.productName}
            </>
          }
          checked={isSelected}
          disabled={unavailable !== null}
          onChange={(event) => onChange({ selected: event.target.checked })}
          aria-label={`Return line ${line.lineNumber}: ${itemName}`}
          aria-describedby={unavailable ? reasonId : undefined}
        />
        <span className="line-editor__facts">
          Line {line.lineNumber} · shipped {line.quantityShipped} · already returned or requested{' '}
          {line.quantityCommitted} · {returnable === 0 ? 'nothing left to return' : <>up to {returnable} returnable</>}{' '}
          · delivered {formatDate(line.deliveryDate)}
          {line.regulatedClass ? <> · regulated ({line.regulatedClass})</> : null}
          {line.isSerialized ? <> · tracked by serial number</> : null}
        </span>
        {unavailable ? (
          <span id={reasonId} className="line-editor__unavailable">
            {unavailable}
          </span>
        ) : null}
        {isSelected && errorFor('line') ? (
          <p className="field__error line-editor__line-error">{errorFor('line')}</p>
        ) : null}
      </div>
      {isSelected ? (
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
          {isSerialized && line.serialsShipped.length > 0 ? (
            <fieldset
              className={`field serial-picker${errorFor('serials') ? ' field--invalid' : ''}`}
              aria-describedby={errorFor('serials') ? `line-${line.id}-serials-error` : undefined}
            >
              <legend className="field__label">Serial numbers</legend>
              <p className="field__hint">Tick each unit you are sending back.</p>
              <div className="serial-picker__options">
                {line.serialsShipped.map((serial) => (
                  <CheckboxField
                    key={serial}
                    label={<span className="line-editor__sku">{serial}</span>}
                    checked={draft.pickedSerials.includes(serial)}
                    onChange={(event) => toggleSerial(serial, event.target.checked)}
                  />
                ))}
              </div>
              {errorFor('serials') ? (
                <p id={`line-${line.id}-serials-error`} className="field__error">
                  {errorFor('serials')}
                </p>
              ) : null}
            </fieldset>
          ) : isSerialized ? (
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
