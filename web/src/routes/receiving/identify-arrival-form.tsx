import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Customer, Product } from '../../../../src/contracts/masterdata.js';
import type { IdentifyArrivalRequest, UnidentifiedArrival } from '../../../../src/contracts/receiving.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { useIdentifyArrival } from '../../api/arrivals.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useCustomer } from '../../api/customers.js';
import { useProductsById } from '../../api/products.js';
import { Alert } from '../../ui/alert.js';
import { formatDate } from '../../ui/dates.js';
import { Spinner } from '../../ui/spinner.js';
import { useToast } from '../../ui/toast.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { CustomerPicker } from '../warehouse/customer-picker.js';
import { ProductPicker } from '../warehouse/product-picker.js';

/** Loads what the arrival already names (a customer, catalogue products) so the form starts from it. */
export function IdentifyArrival({ arrival }: { arrival: UnidentifiedArrival }) {
  const customer = useCustomer(arrival.customerId ?? '', { enabled: arrival.customerId !== null });
  const knownIds = [...new Set(arrival.lines.flatMap((line) => (line.productId ? [line.productId] : [])))];
  const products = useProductsById(knownIds);
  if ((arrival.customerId && customer.isPending) || products.some((query) => query.isPending))
    return <Spinner label="Loading what the arrival names…" />;
  const productById = new Map(products.flatMap((query) => (query.data ? [[query.data.id, query.data] as const] : [])));
  return (
    <IdentifyArrivalForm
      arrival={arrival}
      initialCustomer={customer.data ?? null}
      initialProducts={Object.fromEntries(
        arrival.lines.map((line) => [line.id, line.productId ? (productById.get(line.productId) ?? null) : null]),
      )}
    />
  );
}

type Errors = Record<string, string>;

function IdentifyArrivalForm({
  arrival,
  initialCustomer,
  initialProducts,
}: {
  arrival: UnidentifiedArrival;
  initialCustomer: Customer | null;
  initialProducts: Record<string, Product | null>;
}) {
  const [customer, setCustomer] = useState<Customer | null>(initialCustomer);
  const [products, setProducts] = useState(initialProducts);
  const [errors, setErrors] = useState<Errors>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);
  const identify = useIdentifyArrival(arrival);
  const navigate = useNavigate();
  const toast = useToast();
  useFocusFirstInvalid(formRef, focusRequest);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const missing: Errors = {};
    if (!customer) missing['customerId'] = 'Choose the customer the goods came from.';
    for (const line of arrival.lines) {
      if (!products[line.id]) missing[line.id] = 'Choose the catalogue product these goods are.';
    }
    setErrors(missing);
    if (!customer || Object.keys(missing).length > 0) {
      setFocusRequest((count) => count + 1);
      return;
    }
    const body: IdentifyArrivalRequest = {
      customerId: customer.id,
      lines: arrival.lines.map((line) => ({ lineId: line.id, productId: products[line.id]!.id })),
    };
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    identify.mutate(
      { body, idempotencyKey: idempotency.current.key },
      {
        onSuccess: (rma) => {
          toast.show(`${arrival.arrivalNumber} identified: ${rma.rmaNumber} awaits a decision`);
          void navigate(`/returns/${rma.id}`);
        },
        onError: (error) => {
          setErrors(serverErrors(error, arrival));
          setFocusRequest((count) => count + 1);
        },
      },
    );
  }

  return (
    <form ref={formRef} className="panel" onSubmit={handleSubmit} noValidate aria-label="Identify the arrival">
      <h2>Identify</h2>
      <p className="muted">
        Name the customer and the catalogue product of every line. This opens an unauthorized return awaiting a
        decision, with the goods received as of {formatDate(arrival.receivedAt)}.
      </p>
      <CustomerPicker
        chosen={customer}
        error={errors['customerId']}
        hint="Search by name, account number or e-mail; the sender on the parcel is shown above."
        onChoose={(next) => {
          setCustomer(next);
          setErrors(({ customerId: _dropped, ...rest }) => rest);
        }}
      />
      <ol className="arrival-lines">
        {arrival.lines.map((line) => (
          <li key={line.id}>
            <fieldset className="arrival-line">
              <legend className="arrival-line__legend">
                Line {line.lineNumber}: {line.quantity} × {line.productId ? line.productSku : line.description}
                {line.scannedCode ? ` (code ${line.scannedCode})` : ''}
              </legend>
              <ProductPicker
                chosen={products[line.id] ?? null}
                error={errors[line.id]}
                onChoose={(next) => {
                  setProducts((current) => ({ ...current, [line.id]: next }));
                  setErrors(({ [line.id]: _dropped, ...rest }) => rest);
                }}
              />
            </fieldset>
          </li>
        ))}
      </ol>
      {errors['form'] ? <Alert tone="error">{errors['form']}</Alert> : null}
      <div className="submit-bar">
        <button type="submit" className="button button--primary" disabled={identify.isPending}>
          {identify.isPending ? 'Identifying…' : 'Identify and open the return'}
        </button>
      </div>
    </form>
  );
}

/** The server's field errors beside their fields (`lines.2.productId` → that line), the rest above Submit. */
function serverErrors(error: Error, arrival: UnidentifiedArrival): Errors {
  if (!isApiError(error)) return { form: describeError(error) };
  const errors: Errors = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const match = /^lines\.(\d+)\./.exec(path);
    const line = match ? arrival.lines[Number(match[1])] : undefined;
    const key = path === 'customerId' ? 'customerId' : line ? line.id : 'form';
    errors[key] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  if (Object.keys(errors).length === 0) errors['form'] = describeError(error);
  return errors;
}
