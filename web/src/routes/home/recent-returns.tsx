import { Link } from 'react-router';
import { useRmas } from '../../api/rmas.js';
import { QueryView } from '../../ui/query-view.js';
import { ReturnsTable } from '../returns/returns-table.js';

export function RecentReturns({ title }: { title: string }) {
  const query = useRmas({ page: 1, pageSize: 5 });
  return (
    <section className="panel" aria-labelledby="recent-returns-title">
      <div className="panel__header">
        <h2 id="recent-returns-title">{title}</h2>
        <Link to="/portal/returns">All returns</Link>
      </div>
      <QueryView query={query}>
        {(page) => (
          <ReturnsTable
            rows={page.items}
            caption={title}
            showCustomer={false}
            emptyTitle="You have not requested any returns yet"
          />
        )}
      </QueryView>
    </section>
  );
}
