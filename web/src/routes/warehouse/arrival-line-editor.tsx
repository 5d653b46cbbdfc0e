import type { Product } from '../../../../src/contracts/masterdata.js';
import { RemoveRowButton } from '../../ui/edit-table.js';
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from '../../ui/field.js';
import { CONDITION_OPTIONS } from '../../ui/options.js';
import { lineErrorKey, type ArrivalErrors, type ArrivalLineDraft, type ArrivalLineField } from './arrival-draft.js';
import { ProductPicker } from './product-picker.js';

/** One product that arrived: which, how many, in what state, and its serial or lot numbers. */
export function ArrivalLineEditor({
  number,
  line,
  errors,
  reasonOptions,
  autoFocus,
  onChange,
  onRemove,
}: {
  number: number;
  line: ArrivalLineDraft;
  errors: ArrivalErrors;
  reasonOptions: Option[];
  autoFocus: boolean;
  onChange: (changes: Partial<ArrivalLineDraft>) => void;
  /** Absent while this is the only line. */
  onRemove?: (() => void) | undefined;
}) {
  const errorFor = (field: ArrivalLineField) => errors[lineErrorKey(line.key, field)];
  const product = line.isUncatalogued ? null : line.product;

  return (
    <li>
      <fieldset className="arrival-line">
        <legend className="arrival-line__legend">Line {number}</legend>
        {onRemove ? (
          <div className="arrival-line__remove">
            <RemoveRowButton rowName={`line ${number}`} onRemove={onRemove} />
          </div>
        ) : null}
        {line.isUncatalogued ? (
          <div className="form-grid">
            <TextField
              label="What arrived"
              value={line.description}
              maxLength={500}
              required
              autoFocus={autoFocus}
              error={errorFor('description')}
              hint="As the goods and their packaging show them: kind, brand, model, colour."
              onChange={(event) => onChange({ description: event.target.value })}
            />
            <TextField
              label="Barcode or part number"
              value={line.scannedCode}
              maxLength={120}
              error={errorFor('scannedCode')}
              hint="Optional: scan or type any code on the goods."
              onChange={(event) => onChange({ scannedCode: event.target.value })}
            />
          </div>
        ) : (
          <ProductPicker
            chosen={product}
            error={errorFor('productId')}
            autoFocus={autoFocus}
            onChoose={(next: Product | null) => onChange({ product: next, serials: '', lots: '' })}
          />
        )}
        <CheckboxField
          label="Not in our catalogue"
          checked={line.isUncatalogued}
          onChange={(event) => onChange({ isUncatalogued: event.target.checked })}
        />
        <div className="arrival-line__fields">
          <TextField
            label="Quantity"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            required
            value={line.quantity}
            error={errorFor('quantity')}
            onChange={(event) => onChange({ quantity: event.target.value })}
          />
          <SelectField
            label="Condition"
            value={line.claimedCondition}
            options={CONDITION_OPTIONS}
            error={errorFor('claimedCondition')}
            onChange={(event) =>
              onChange({ claimedCondition: event.target.value as ArrivalLineDraft['claimedCondition'] })
            }
          />
          <SelectField
            label="Reason"
            value={line.reasonCode}
            options={reasonOptions}
            placeholder={reasonOptions.length === 0 ? 'No reason codes are active' : undefined}
            error={errorFor('reasonCode')}
            hint="Unknown, unless the paperwork says why."
            onChange={(event) => onChange({ reasonCode: event.target.value })}
          />
          {product?.isSerialized || line.isUncatalogued ? (
            <TextAreaField
              label="Serial numbers"
              hint={
                line.isUncatalogued
                  ? 'Optional: any serial numbers printed on the units help identify them.'
                  : 'One per line, as printed on each unit.'
              }
              value={line.serials}
              error={errorFor('serials')}
              onChange={(event) => onChange({ serials: event.target.value })}
            />
          ) : null}
          {product?.isLotControlled ? (
            <TextAreaField
              label="Lot numbers"
              hint="One per line, as printed on the packaging."
              value={line.lots}
              error={errorFor('lots')}
              onChange={(event) => onChange({ lots: event.target.value })}
            />
          ) : null}
        </div>
      </fieldset>
    </li>
  );
}
