import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Staff } from '@minimall/contracts';
import { listStaff, resetStaffPassword, updateStaff } from '../../api/staff.ts';
import { useAccess } from '../../access.ts';
import { errorMessage } from '../../components/error-state.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { formatDateTime, formatShortDateTime } from '../../format.ts';
import { usePagedList } from '../../hooks/use-paged-list.ts';
import { useStaff } from '../../hooks/use-session.tsx';
import { StaffFormModal } from './staff-form-modal.tsx';
import { TemporaryPasswordModal } from './temporary-password-modal.tsx';
import type { TemporaryPassword } from './temporary-password-modal.tsx';
import { PagedTable } from '../../components/paged-table.tsx';

function isLocked(staff: Staff, now: number): boolean {
  return staff.lockedUntil !== null && Date.parse(staff.lockedUntil) > now;
}

function StatusCell({ staff }: { staff: Staff }) {
  return (
    <Flex gap={4} wrap>
      {staff.status === 'active' ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>}
      {staff.lockedUntil !== null && isLocked(staff, Date.now()) && (
        <Tooltip title={`连续输错密码，锁定至 ${formatDateTime(staff.lockedUntil)}；重置密码可立即解锁`}>
          <Tag color="warning">锁定至 {formatShortDateTime(staff.lockedUntil)}</Tag>
        </Tooltip>
      )}
      {staff.mustChangePassword && staff.status === 'active' && (
        <Tooltip title="尚未用临时密码登录并修改密码">
          <Tag color="processing">待改初始密码</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

type Editing = { mode: 'create' } | { mode: 'edit'; staff: Staff };

export default function StaffPage() {
  const access = useAccess();
  const { staff: me } = useStaff();
  const { message } = App.useApp();
  const canManage = access('staff.manage');
  const list = usePagedList(listStaff, { keyword: undefined as string | undefined });
  const [editing, setEditing] = useState<Editing>();
  const [issued, setIssued] = useState<TemporaryPassword>();
  const [busyId, setBusyId] = useState<string>();

  const act = async (staff: Staff, action: () => Promise<void>) => {
    setBusyId(staff.id);
    try {
      await action();
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusyId(undefined);
    }
  };

  const resetPassword = (staff: Staff) =>
    act(staff, async () => {
      const { temporaryPassword } = await resetStaffPassword(staff.id);
      setIssued({ username: staff.username, displayName: staff.displayName, password: temporaryPassword, reason: 'reset' });
    });

  const toggleStatus = (staff: Staff) =>
    act(staff, async () => {
      const status = staff.status === 'active' ? 'disabled' : 'active';
      await updateStaff(staff.id, { status });
      message.success(status === 'active' ? `已启用 ${staff.displayName}` : `已停用 ${staff.displayName}`);
    });

  const columns: TableColumnsType<Staff> = [
    { title: '账号', dataIndex: 'username', width: 140 },
    {
      title: '姓名',
      dataIndex: 'displayName',
      width: 130,
      render: (name: string, staff) => (
        <Space size={4}>
          {name}
          {staff.id === me.id && <Tag bordered={false}>我</Tag>}
        </Space>
      ),
    },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: Staff['roles']) => (
        <Flex gap={4} wrap>
          {roles.map((role) => (
            <Tag key={role.id} color={role.code === 'owner' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {role.name}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: '状态', key: 'status', width: 240, render: (_, staff) => <StatusCell staff={staff} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 180,
      render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">从未登录</Typography.Text>),
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, staff) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', staff })}>
            编辑
          </Button>
          <Popconfirm
            title={`重置 ${staff.displayName} 的密码？`}
            description="旧密码立即失效并解除锁定，新的临时密码只显示一次。"
            okText="重置"
            onConfirm={() => resetPassword(staff)}
          >
            <Button type="link" size="small" loading={busyId === staff.id}>
              重置密码
            </Button>
          </Popconfirm>
          {staff.id !== me.id &&
            (staff.status === 'active' ? (
              <Popconfirm
                title={`停用 ${staff.displayName}？`}
                description="停用后该员工将无法登录，已登录的会话也会失效。"
                okText="停用"
                okButtonProps={{ danger: true }}
                onConfirm={() => toggleStatus(staff)}
              >
                <Button type="link" size="small" danger>
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => void toggleStatus(staff)}>
                启用
              </Button>
            ))}
        </Space>
      ),
    });
  }

  return (
    <PageContainer
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新建员工
          </Button>
        )
      }
    >
      <Card>
        <Flex justify="space-between" align="center" gap={16} style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder="搜索账号或姓名"
            allowClear
            enterButton="搜索"
            maxLength={32}
            style={{ maxWidth: 360 }}
            onSearch={(value) => list.setFilters({ keyword: value.trim() || undefined })}
          />
        </Flex>
        <PagedTable list={list} columns={columns} scrollX={1100} emptyText={list.query.keyword ? '没有匹配的员工' : '还没有员工'} />
      </Card>
      {editing && (
        <StaffFormModal
          editing={editing.mode === 'edit' ? editing.staff : undefined}
          onCancel={() => setEditing(undefined)}
          onSaved={(staff, temporaryPassword) => {
            setEditing(undefined);
            list.reload();
            if (temporaryPassword) setIssued({ username: staff.username, displayName: staff.displayName, password: temporaryPassword, reason: 'created' });
            else message.success('员工信息已保存');
          }}
        />
      )}
      <TemporaryPasswordModal value={issued} onClose={() => setIssued(undefined)} />
    </PageContainer>
  );
}
