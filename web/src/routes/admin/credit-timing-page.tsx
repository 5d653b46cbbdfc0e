// When each customer tier is credited — the settlement policy's credit timing. Credit ahead of
// inspection (on authorization or on receipt) is a risk finance takes on purpose for tiers it
// trusts: the credit goes through the returns reserve until inspection proves the claim, and a
// claim inspection contradicts has the grade's deduction charged back. The rest of the settlement
// policy is kept as it is.
import { useState } from 'react';
import { CREDIT_TIMINGS, type CreditTiming, type SettlementPolicy } from '../../../../src/contracts/configuration.js';
import { CUSTOMER_TIERS } from '../../../../src/contracts/masterdata.js';
import { EditTable } from '../../ui/edit-table.js';
import { SelectField } from '../../ui/field.js';
import { humanize } from '../../ui/labels.js';
import { ConfigEditorFrame, type ConfigEditorProps } from './config-editor-frame.js';
import { ConfigForm } from './config-form.js';
import { useConfigForm } from './use-config-form.js';

type Tier = (typeof CUSTOMER_TIERS)[number];

const TIMING_LABELS: Record<CreditTiming, string> = {
  after_inspection: 'After inspection',
  on_receipt: 'On receipt (ahead of inspection)',
  on_authorization: 'On authorization (ahead of the goods)',
};
const TIMING_OPTIONS = CREDIT_TIMINGS.map((timing) => ({ value: timing, label: TIMING_LABELS[timing] }));

export function CreditTimingPage() {
  return (
    <ConfigEditorFrame
      kind="settlement_policy"
      title="Credit timing"
      description="When each customer tier is credited. Credit ahead of inspection is held in the returns reserve until inspection releases it, or charges back the deduction when the claim does not hold."
      editor={CreditTimingEditor}
    />
  );
}

function CreditTimingEditor({ config, onReload }: ConfigEditorProps<'settlement_policy'>) {
  const policy = config.document;
  const [timings, setTimings] = useState<Record<Tier, CreditTiming>>(
    () =>
      Object.fromEntries(
        CUSTOMER_TIERS.map((tier) => [tier, policy.creditTimingByTier?.[tier] ?? 'after_inspection']),
      ) as Record<Tier, CreditTiming>,
  );
  const form = useConfigForm('settlement_policy', config, 'Credit timing');
  const errors = form.errors.fields;

  function toDocument(): SettlementPolicy {
    // Tiers credited after inspection are left out: that is the default.
    const byTier = Object.fromEntries(
      CUSTOMER_TIERS.flatMap((tier) => (timings[tier] === 'after_inspection' ? [] : [[tier, timings[tier]]])),
    ) as SettlementPolicy['creditTimingByTier'];
    return { ...policy, creditTimingByTier: byTier };
  }

  return (
    <ConfigForm form={form} toDocument={toDocument} onReload={onReload}>
      <section className="panel" aria-labelledby="credit-timing-title">
        <h2 id="credit-timing-title">By customer tier</h2>
        <p className="muted">
          On authorization credits every authorized unit when the return is approved; on receipt, the units as they
          arrive. Either way the credit is drafted for the condition claimed, with the restocking fee of the reason.
        </p>
        <EditTable caption="Credit timing by customer tier" headers={['Tier', 'Credited']}>
          {CUSTOMER_TIERS.map((tier) => (
            <tr key={tier}>
              <th scope="row">{humanize(tier)}</th>
              <td>
                <SelectField
                  label={`When ${humanize(tier)} customers are credited`}
                  hideLabel
                  value={timings[tier]}
                  options={TIMING_OPTIONS}
                  error={errors[`creditTimingByTier.${tier}`]}
                  onChange={(event) => setTimings({ ...timings, [tier]: event.target.value as CreditTiming })}
                />
              </td>
              <td />
            </tr>
          ))}
        </EditTable>
      </section>
    </ConfigForm>
  );
}
