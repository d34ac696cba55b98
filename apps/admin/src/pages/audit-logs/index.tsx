import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AuditLog } from '@minimall/contracts';
import { listAuditLogs, listStaff } from '../../api/staff.ts';
import type { AuditLogQuery } from '../../api/staff.ts';
import { useAccess } from '../../access.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { formatDateTime, shopDayRange } from '../../format.ts';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { ActionSelect } from './action-select.tsx';
import { AuditDetailDrawer } from './audit-detail-drawer.tsx';
import { AUDIT_ACTIONS, actionLabel, targetText } from './audit-format.ts';
import { PagedTable } from '../../components/paged-table.tsx';

type Filters = Pick<AuditLogQuery, 'action' | 'actorId' | 'from' | 'to'>;

/** RangePicker hands back dayjs values; only their calendar date matters here. */
interface PickedDay {
  format(template: string): string;
}

interface FilterValues {
  action?: string;
  actorId?: string;
  days?: [PickedDay, PickedDay] | null;
}

const noFilters: Filters = { action: undefined, actorId: undefined, from: undefined, to: undefined };
const loadOperators = () => listStaff({ page: 1, pageSize: 100 });
const noOperators = async () => undefined;

function filtersOf({ action, actorId, days }: FilterValues): Filters {
  const range = days ? shopDayRange(days[0].format('YYYY-MM-DD'), days[1].format('YYYY-MM-DD')) : undefined;
  return { action: action?.trim() || undefined, actorId: actorId || undefined, from: range?.from, to: range?.to };
}

export default function AuditLogsPage() {
  const [form] = Form.useForm<FilterValues>();
  const canListStaff = useAccess()('staff.read');
  const list = usePagedList(listAuditLogs, noFilters);
  // Without staff.read the operator list comes only from the entries on screen.
  const staff = useRequest(canListStaff ? loadOperators : noOperators);
  const [opened, setOpened] = useState<AuditLog>();

  const staffNames = useMemo(() => new Map((staff.data?.items ?? []).map((member) => [member.id, member.displayName])), [staff.data]);
  const operatorOptions = useMemo(() => {
    const labels = new Map<string, string>();
    for (const member of staff.data?.items ?? []) labels.set(member.id, `${member.displayName}（${member.username}）`);
    for (const log of list.data?.items ?? []) if (log.actorId && !labels.has(log.actorId)) labels.set(log.actorId, log.actorName);
    return [...labels].map(([value, label]) => ({ value, label }));
  }, [staff.data, list.data]);

  const filterByActor = (actorId: string) => {
    form.setFieldValue('actorId', actorId);
    list.setFilters(filtersOf(form.getFieldsValue()));
  };

  const columns: TableColumnsType<AuditLog> = [
    { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      width: 140,
      render: (name: string, log) =>
        log.actorId ? (
          <Button type="link" size="small" style={{ padding: 0 }} title="只看此人的操作" onClick={() => filterByActor(log.actorId ?? '')}>
            {name}
          </Button>
        ) : (
          name
        ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 200,
      render: (action: string) =>
        action in AUDIT_ACTIONS ? (
          <Tag color={action.endsWith('delete') || action.endsWith('locked') ? 'red' : action.endsWith('create') ? 'green' : 'blue'}>
            {actionLabel(action)}
          </Tag>
        ) : (
          <Tag>{action}</Tag>
        ),
    },
    { title: '对象', key: 'target', render: (_, log) => <span title={log.targetId ?? undefined}>{targetText(log, staffNames)}</span> },
    { title: 'IP', dataIndex: 'ip', width: 150, render: (ip: string | null) => ip ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '详情',
      key: 'detail',
      width: 80,
      fixed: 'right',
      render: (_, log) => (
        <Button type="link" size="small" onClick={() => setOpened(log)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <PageContainer>
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form<FilterValues> form={form} layout="inline" onFinish={(values) => list.setFilters(filtersOf(values))} style={{ rowGap: 16, paddingBottom: 24 }}>
          <Form.Item label="操作类型" name="action">
            <ActionSelect />
          </Form.Item>
          <Form.Item label="时间" name="days">
            <DatePicker.RangePicker allowClear style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label="操作人" name="actorId">
            <Select
              placeholder="全部操作人"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={operatorOptions}
              loading={staff.loading}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  list.setFilters(noFilters);
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <PagedTable list={list} columns={columns} scrollX={960} emptyText={'没有符合条件的操作记录'} />
      </Card>
      <AuditDetailDrawer log={opened} staffNames={staffNames} onClose={() => setOpened(undefined)} />
    </PageContainer>
  );
}
