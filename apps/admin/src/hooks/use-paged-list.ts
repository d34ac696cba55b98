import { useCallback, useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PagedList<T, F> {
  query: F & PageQuery;
  data: Paged<T> | undefined;
  error: unknown;
  loading: boolean;
  /** New filters start again from page 1. */
  setFilters: (filters: Partial<F>) => void;
  reload: () => void;
  /** For antd Table's `pagination`: the server pages, the table only shows the page it got. */
  pagination: TablePaginationConfig;
}

/**
 * A table's server-side page: fetches whenever page, size or filters change, keeps the last page on
 * screen while the next loads or when it fails. `fetchPage` must be stable (module level or memoised).
 */
export function usePagedList<T, F extends object>(
  fetchPage: (query: F & PageQuery) => Promise<Paged<T>>,
  initialFilters: F,
  initialPageSize = 20,
): PagedList<T, F> {
  const [query, setQuery] = useState<F & PageQuery>(() => ({ ...initialFilters, page: 1, pageSize: initialPageSize }));
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ data: Paged<T> | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });

  useEffect(() => {
    let active = true;
    setState((prev) => ({ ...prev, error: undefined, loading: true }));
    fetchPage(query).then(
      (data) => active && setState({ data, error: undefined, loading: false }),
      (error: unknown) => active && setState((prev) => ({ ...prev, error, loading: false })),
    );
    return () => {
      active = false;
    };
  }, [fetchPage, query, attempt]);

  const setFilters = useCallback((filters: Partial<F>) => setQuery((prev) => ({ ...prev, ...filters, page: 1 })), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    query,
    ...state,
    setFilters,
    reload,
    pagination: {
      current: query.page,
      pageSize: query.pageSize,
      total: state.data?.total ?? 0,
      showSizeChanger: true,
      showTotal: (total) => `共 ${total} 条`,
      onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page: pageSize === prev.pageSize ? page : 1, pageSize })),
    },
  };
}
