import { Alert, Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PagedList } from '../hooks/use-paged-list.ts';
import { errorMessage } from './error-state.tsx';

interface PagedTableProps<T, F> {
  list: PagedList<T, F>;
  columns: TableColumnsType<T>;
  scrollX: number;
  emptyText: string;
}

/** A server-paged list: the table, plus a retryable error banner that keeps the last page visible. */
export function PagedTable<T extends { id: string }, F>({ list, columns, scrollX, emptyText }: PagedTableProps<T, F>) {
  return (
    <>
      {list.error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(list.error)}
          action={
            <Button size="small" onClick={list.reload}>
              重试
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: scrollX }}
        locale={{ emptyText }}
      />
    </>
  );
}
