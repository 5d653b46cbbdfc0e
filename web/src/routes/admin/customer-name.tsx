import { useCustomer } from '../../api/customers.js';

/** The account's name once loaded; its id meanwhile, or if it cannot be read. */
export function CustomerName({ id }: { id: string }) {
  const query = useCustomer(id);
  if (!query.data) return <span title={query.isError ? 'The customer could not be loaded' : undefined}>{id}</span>;
  return (
    <>
      {query.data.name}
      <span className="cell-sub">{query.data.accountNumber}</span>
    </>
  );
}
