import { useRef, useState, type FormEvent } from 'react';
import type { Product } from '../../../../src/contracts/masterdata.js';
import { roleCan } from '../../../../src/contracts/permissions.js';
import type { Rma, RmaView } from '../../../../src/contracts/returns.js';
import type { ReplacementKind, ReplacementStatus } from '../../../../src/contracts/replacements.js';
import { formatMinor } from '../../../../src/platform/money/format-money.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import {
  isStaffReplacement,
  useReplacementAction,
  useRequestReplacement,
  useReturnReplacements,
  type ReplacementAction,
  type ReplacementOrder,
  type ReplacementOrderView,
} from '../../api/replacements.js';
import { useSites } from '../../api/sites.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { Alert } from '../../ui/alert.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { formatDate } from '../../ui/dates.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';
import { ProductPicker } from '../warehouse/product-picker.js';
import { depositWords, differenceTaxWords, differenceWords } from './replacement-charges.js';

const KIND_LABELS: Record<ReplacementKind, string> = {
  replacement: 'Replacement',
  exchange: 'Exchange',
  advance: 'Advance replacement',
};

const STATUS: Record<ReplacementStatus, { label: string; tone: BadgeTone }> = {
  requested: { label: 'Requested', tone: 'info' },
  backordered: { label: 'Backordered', tone: 'warning' },
  allocated: { label: 'Allocated', tone: 'info' },
  shipped: { label: 'Shipped', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
};

/**
 * The return's replacement orders. Staff see every order, request new ones (customer service)
 * and allocate and ship them (the warehouse); the customer sees what is coming, any deposit and
 * any price difference — what it will be charged or credited, from the request on.
 */
export function ReplacementsPanel({ rma }: { rma: RmaView }) {
  const user = useCurrentUser();
  if (!roleCan(user.role, 'replacements.read')) return null;
  return (
    <ReplacementsOfReturn
      rma={rma}
      canRequest={roleCan(user.role, 'replacements.create') && rma.status === 'authorized' && 'lines' in rma}
      canShip={roleCan(user.role, 'replacements.ship')}
      canCancel={roleCan(user.role, 'replacements.create')}
      isStaff={user.role !== 'customer'}
    />
  );
}

function ReplacementsOfReturn({
  rma,
  canRequest,
  canShip,
  canCancel,
  isStaff,
}: {
  rma: RmaView;
  canRequest: boolean;
  canShip: boolean;
  canCancel: boolean;
  /** Staff also see where the order ships from and its note; the customer does not. */
  isStaff: boolean;
}) {
  const query = useReturnReplacements(rma.id);
  const [isRequesting, setRequesting] = useState(false);
  const orders = query.data?.items ?? [];
  if (orders.length === 0 && !canRequest) return null;
  const columns: Column<ReplacementOrderView>[] = [
    { key: 'number', header: 'Order', render: (order) => order.replacementNumber },
    { key: 'kind', header: 'Kind', render: (order) => KIND_LABELS[order.kind] },
    {
      key: 'status',
      header: 'Status',
      render: (order) => (
        <>
          <Badge tone={STATUS[order.status].tone}>{STATUS[order.status].label}</Badge>
          {isStaffReplacement(order) && order.status === 'backordered' ? (
            <div className="muted">{order.shortage}</div>
          ) : null}
        </>
      ),
    },
    {
      key: 'goods',
      header: 'Goods',
      render: (order) =>
        order.lines.map((line) => (
          <div key={line.id}>
            {line.quantity} × {line.productSku ?? line.productId}
            {line.priceDifferenceMinor !== null && line.priceDifferenceMinor !== 0
              ? ` (${formatMinor(Math.abs(line.priceDifferenceMinor), order.currency)} ${line.priceDifferenceMinor > 0 ? 'more' : 'less'} before tax)`
              : ''}
          </div>
        )),
    },
    ...(isStaff
      ? [
          {
            key: 'site',
            header: 'Ships from',
            render: (order: ReplacementOrderView) =>
              isStaffReplacement(order) ? (
                <>
                  <div>{order.siteCode ?? order.siteId}</div>
                  {order.note ? <div className="muted">{order.note}</div> : null}
                </>
              ) : null,
          },
        ]
      : []),
    { key: 'shipped', header: 'Shipped', render: (order) => (order.shippedAt ? formatDate(order.shippedAt) : '—') },
    { key: 'carrier', header: 'Carrier reference', render: (order) => order.carrierReference || '—' },
    {
      key: 'charges',
      header: 'Deposit or price difference',
      render: (order) => {
        const words = depositWords(order) ?? differenceWords(order);
        const tax = differenceTaxWords(order);
        return words ? (
          <>
            <div>{words}</div>
            {tax ? <div className="muted">{tax}</div> : null}
          </>
        ) : (
          '—'
        );
      },
    },
  ];
  if (canShip || canCancel)
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      render: (order) =>
        isStaffReplacement(order) ? <OrderActions order={order} canShip={canShip} canCancel={canCancel} /> : null,
    });
  return (
    <section className="panel" aria-labelledby="return-replacements-title">
      <h2 id="return-replacements-title">Replacements</h2>
      {orders.length > 0 ? (
        <DataTable
          columns={columns}
          rows={orders}
          rowKey={(order) => order.id}
          caption="Replacement orders of this return"
        />
      ) : (
        <p className="muted">No replacement requested for this return.</p>
      )}
      {canRequest ? (
        <button type="button" className="button" onClick={() => setRequesting(true)}>
          Request replacement…
        </button>
      ) : null}
      {isRequesting && 'lines' in rma ? (
        <RequestReplacementDialog rma={rma as Rma} onClose={() => setRequesting(false)} />
      ) : null}
    </section>
  );
}

function OrderActions({
  order,
  canShip,
  canCancel,
}: {
  order: ReplacementOrder;
  canShip: boolean;
  canCancel: boolean;
}) {
  const change = useReplacementAction();
  const toast = useToast();
  const keys = useRef(new Map<string, string>());
  const [dialog, setDialog] = useState<'ship' | 'cancel' | null>(null);
  const run = (action: ReplacementAction, done?: () => void) => {
    const key = keys.current.get(action.action) ?? newIdempotencyKey();
    keys.current.set(action.action, key);
    change.mutate(
      { order, change: action, idempotencyKey: key },
      {
        onSuccess: (updated) => {
          keys.current.delete(action.action);
          toast.show(`${updated.replacementNumber} is ${STATUS[updated.status].label.toLowerCase()}`);
          done?.();
        },
        onError: (error) => toast.show(`Not done: ${describeError(error)}`, 'error'),
      },
    );
  };
  const mayAllocate = canShip && (order.status === 'requested' || order.status === 'backordered');
  const mayShip = canShip && order.status === 'allocated';
  const mayCancel = canCancel && order.status !== 'shipped' && order.status !== 'cancelled';
  return (
    <div className="button-row">
      {mayAllocate ? (
        <button
          type="button"
          className="button button--small"
          disabled={change.isPending}
          onClick={() => run({ action: 'allocate' })}
        >
          {order.status === 'backordered' ? 'Try allocating again' : 'Allocate stock'}
        </button>
      ) : null}
      {mayShip ? (
        <button type="button" className="button button--small button--primary" onClick={() => setDialog('ship')}>
          Ship…
        </button>
      ) : null}
      {mayCancel ? (
        <button type="button" className="button button--small" onClick={() => setDialog('cancel')}>
          Cancel…
        </button>
      ) : null}
      {dialog ? (
        <TextDialog
          title={dialog === 'ship' ? `Ship ${order.replacementNumber}` : `Cancel ${order.replacementNumber}`}
          label={dialog === 'ship' ? 'Carrier reference' : 'Reason'}
          minLength={dialog === 'ship' ? 1 : 3}
          submitLabel={dialog === 'ship' ? 'Ship' : 'Cancel the order'}
          isPending={change.isPending}
          onClose={() => setDialog(null)}
          onSubmit={(text) =>
            run(
              dialog === 'ship'
                ? { action: 'ship', body: { carrierReference: text } }
                : { action: 'cancel', body: { reason: text } },
              () => setDialog(null),
            )
          }
        />
      ) : null}
    </div>
  );
}

function TextDialog(props: {
  title: string;
  label: string;
  minLength: number;
  submitLabel: string;
  isPending: boolean;
  onClose: () => void;
  onSubmit: (text: string) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim().length < props.minLength) {
      setError(`Enter the ${props.label.toLowerCase()}.`);
      return;
    }
    props.onSubmit(text.trim());
  }
  return (
    <Dialog isOpen title={props.title} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={props.label}
          value={text}
          maxLength={500}
          error={error}
          onChange={(event) => setText(event.target.value)}
          data-autofocus
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onClose}>
            Close
          </button>
          <button type="submit" className="button button--primary" disabled={props.isPending}>
            {props.isPending ? 'Saving…' : props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RequestReplacementDialog({ rma, onClose }: { rma: Rma; onClose: () => void }) {
  const request = useRequestReplacement(rma.id);
  const toast = useToast();
  const key = useRef(newIdempotencyKey());
  const [kind, setKind] = useState<ReplacementKind>('replacement');
  const [rmaLineId, setRmaLineId] = useState(rma.lines[0]?.id ?? '');
  const [quantity, setQuantity] = useState('1');
  const [product, setProduct] = useState<Product | null>(null);
  const [note, setNote] = useState('');
  // '' ships from where the return's goods are routed (the server's default).
  const [siteId, setSiteId] = useState('');
  const sites = useSites();
  const siteOptions = (sites.data?.items ?? [])
    .filter((site) => site.isActive && site.legalEntityId === rma.legalEntityId)
    .map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }));
  const routedTo = rma.routingInstruction?.siteCode;
  const [errors, setErrors] = useState<{ quantity?: string; productId?: string }>({});
  const serverErrors = isApiError(request.error) ? request.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    const units = Number(quantity);
    const found = {
      quantity: Number.isInteger(units) && units >= 1 ? undefined : 'Enter a whole number of units.',
      productId: kind === 'exchange' && !product ? 'Choose the product to send instead.' : undefined,
    };
    setErrors(found);
    if (found.quantity || found.productId) return;
    request.mutate(
      {
        idempotencyKey: key.current,
        body: {
          kind,
          ...(siteId ? { siteId } : {}),
          note: note.trim(),
          lines: [{ rmaLineId, quantity: units, ...(kind === 'exchange' && product ? { productId: product.id } : {}) }],
        },
      },
      {
        onSuccess: (order) => {
          toast.show(`${order.replacementNumber} requested`);
          onClose();
        },
        onError: () => {
          key.current = newIdempotencyKey();
        },
      },
    );
  }

  // Refusals the form shows beside a field; any other (e.g. no site to ship from) above the form.
  const shownBeside = [
    'siteId',
    'lines.0.rmaLineId',
    'lines.0.quantity',
    ...(kind === 'exchange' ? ['lines.0.productId'] : []),
  ];
  const general =
    request.error && !Object.keys(serverErrors).some((path) => shownBeside.includes(path))
      ? describeError(request.error)
      : null;
  return (
    <Dialog isOpen title={`Request a replacement for ${rma.rmaNumber}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {general ? <Alert tone="error">{general}</Alert> : null}
        <SelectField
          label="Kind"
          options={[
            { value: 'replacement', label: 'Replacement (the same product)' },
            { value: 'exchange', label: 'Exchange (another product)' },
            { value: 'advance', label: 'Advance replacement (ships before the return arrives, with a deposit)' },
          ]}
          value={kind}
          onChange={(event) => setKind(event.target.value as ReplacementKind)}
          data-autofocus
        />
        <SelectField
          label="Return line"
          options={rma.lines.map((line) => ({
            value: line.id,
            label: `Line ${line.lineNumber}: ${line.quantity} × ${line.sku} · ${line.productName}`,
          }))}
          value={rmaLineId}
          error={serverErrors['lines.0.rmaLineId']}
          onChange={(event) => setRmaLineId(event.target.value)}
        />
        <TextField
          label="Units"
          type="number"
          min={1}
          inputMode="numeric"
          value={quantity}
          error={errors.quantity ?? serverErrors['lines.0.quantity']}
          hint="At most the line's authorized units less those already replaced or credited."
          onChange={(event) => setQuantity(event.target.value)}
        />
        {kind === 'exchange' ? (
          <ProductPicker
            chosen={product}
            error={errors.productId ?? serverErrors['lines.0.productId']}
            onChoose={setProduct}
          />
        ) : null}
        <SelectField
          label="Ships from"
          placeholder={routedTo ? `Where the goods are routed (${routedTo})` : 'Where the goods are routed'}
          options={siteOptions}
          value={siteId}
          error={serverErrors['siteId']}
          hint="The site whose saleable stock is allocated to it."
          onChange={(event) => setSiteId(event.target.value)}
        />
        <TextAreaField label="Note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button--primary" disabled={request.isPending}>
            {request.isPending ? 'Requesting…' : 'Request'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
