import { useParams } from 'react-router';
import type { Customer } from '../../../../src/contracts/masterdata.js';
import { useCustomer } from '../../api/customers.js';
import { Badge } from '../../ui/badge.js';
import { Fact } from '../../ui/fact.js';
import { humanize } from '../../ui/labels.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { CustomerOrders } from './customer-orders.js';
import { CustomerReturns } from './customer-returns.js';

export function CustomerPage() {
  const { customerId = '' } = useParams();
  const query = useCustomer(customerId);
  return (
    <QueryView query={query} loadingLabel="Loading the customer…" errorTitle="Could not load this customer">
      {(customer) => <CustomerView customer={customer} />}
    </QueryView>
  );
}

function CustomerView({ customer }: { customer: Customer }) {
  return (
    <>
      <PageHeader
        back={{ to: '/service/customers', label: 'Customers' }}
        title={customer.name}
        subtitle={`Account ${customer.accountNumber}`}
        actions={customer.isOnCreditHold ? <Badge tone="danger">On credit hold</Badge> : null}
      />
      <section className="panel" aria-label="Customer details">
        <dl className="facts facts--wide">
          <Fact term="Tier" value={humanize(customer.tier)} />
          <Fact term="Channel" value={humanize(customer.channel)} />
          <Fact term="Currency" value={customer.currency} />
          <Fact term="Payment terms" value={customer.paymentTerms} />
          <Fact
            term="Return window"
            value={
              customer.returnWindowDays === null ? 'Policy default' : `${customer.returnWindowDays} days (contract)`
            }
          />
          <Fact term="Region" value={customer.region || '—'} />
          <Fact term="E-mail" value={customer.email || '—'} />
        </dl>
      </section>
      <CustomerOrders customerId={customer.id} />
      <CustomerReturns customerId={customer.id} />
    </>
  );
}
