import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state.js';

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found">
      <p>
        Check the address, or go back to the <Link to="/">home page</Link>.
      </p>
    </EmptyState>
  );
}
