import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../../src/contracts/common.js';
import { Pagination } from './pagination.js';
import { QueryView } from './query-view.js';

/**
 * One page of a server-paged list: loading and error states, then the rows and the pager below them.
 * `isBusy` is true while the previous page stays on screen as the next one loads.
 */
export function PagedResults<Row>({
  query,
  loadingLabel,
  inPanel = true,
  paginationLabel,
  onPageChange,
  onPageSizeChange,
  children,
}: {
  query: UseQueryResult<Page<Row>>;
  loadingLabel?: string;
  /** False when the caller already wraps the list in a panel (with its own heading). */
  inPanel?: boolean;
  paginationLabel?: string;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  children: (rows: Row[], isBusy: boolean) => ReactNode;
}) {
  return (
    <QueryView query={query} loadingLabel={loadingLabel}>
      {(result) => {
        const list = (
          <>
            {children(result.items, query.isPlaceholderData)}
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              onPageChange={onPageChange}
              onPageSizeChange={onPageSizeChange}
              label={paginationLabel}
            />
          </>
        );
        return inPanel ? <section className="panel">{list}</section> : list;
      }}
    </QueryView>
  );
}
