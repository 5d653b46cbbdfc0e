import { useParams } from 'react-router';
import { GRADE_LABELS } from '../../../../src/contracts/inspection-vocabulary.js';
import { usePartnerWorkOrder, type PartnerWorkOrder } from '../../api/partner-work-orders.js';
import { PARTNER_WORK_ORDERS_PATH } from '../../auth/permissions.js';
import { formatDate, formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { humanize } from '../../ui/labels.js';
import { formatMoney } from '../../ui/money.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { ReportOutcomeForm } from './report-outcome-form.js';
import { KIND_LABELS, OUTCOME_LABELS, productLabel, unitLabel, WorkOrderStatusBadge } from './work-order-labels.js';

/** One work order as the partner sees it: the unit, what inspection found, and the outcome to report. */
export function PartnerWorkOrderPage() {
  const { workOrderId = '' } = useParams();
  const query = usePartnerWorkOrder(workOrderId);
  return (
    <QueryView query={query} loadingLabel="Loading the work order…" errorTitle="Could not load the work order">
      {(order) => <WorkOrderDetails order={order} onReload={() => void query.refetch()} />}
    </QueryView>
  );
}

function WorkOrderDetails({ order, onReload }: { order: PartnerWorkOrder; onReload: () => void }) {
  return (
    <>
      <PageHeader
        back={{ to: PARTNER_WORK_ORDERS_PATH, label: 'Work orders' }}
        title={
          <>
            {order.workOrderNumber} <WorkOrderStatusBadge order={order} />
          </>
        }
        subtitle={`${KIND_LABELS[order.kind]} · ${productLabel(order)}`}
      />
      <section className="panel" aria-labelledby="work-order-unit">
        <div className="panel__header">
          <h2 id="work-order-unit">The unit</h2>
        </div>
        <dl className="facts facts--wide">
          <Fact term="Product" value={productLabel(order)} />
          <Fact term="Serial or lot" value={unitLabel(order)} />
          <Fact term="Units" value={String(order.quantity)} />
          <Fact term="Work" value={KIND_LABELS[order.kind]} />
          <Fact term="Estimate" value={formatMoney(order.estimatedCostMinor, order.currency)} />
          <Fact term="Sent" value={formatDate(order.createdAt)} />
        </dl>
      </section>
      <section className="panel" aria-labelledby="work-order-findings">
        <div className="panel__header">
          <h2 id="work-order-findings">What inspection found</h2>
        </div>
        <p>{order.findings || 'No findings were written down.'}</p>
        {order.defectCodes.length > 0 ? (
          <ul aria-label="Defect codes">
            {order.defectCodes.map((code) => (
              <li key={code}>
                <code>{code}</code> {humanize(code.toLowerCase())}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No defect codes.</p>
        )}
      </section>
      {order.status === 'open' ? (
        <ReportOutcomeForm key={order.version} order={order} onReload={onReload} />
      ) : (
        <ReportedOutcome order={order} />
      )}
    </>
  );
}

function ReportedOutcome({ order }: { order: PartnerWorkOrder }) {
  return (
    <section className="panel" aria-labelledby="work-order-outcome">
      <div className="panel__header">
        <h2 id="work-order-outcome">Outcome</h2>
      </div>
      <dl className="facts facts--wide">
        <Fact term="Outcome" value={order.outcome ? OUTCOME_LABELS[order.outcome] : '—'} />
        {order.outcomeGrade ? <Fact term="Grade" value={GRADE_LABELS[order.outcomeGrade]} /> : null}
        <Fact
          term="Actual cost"
          value={order.actualCostMinor === null ? '—' : formatMoney(order.actualCostMinor, order.currency)}
        />
        <Fact term="Reported" value={formatDateTime(order.reportedAt)} />
      </dl>
      {order.outcomeNote ? <p>{order.outcomeNote}</p> : null}
    </section>
  );
}
