import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Row, Tag, Typography, theme } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { defaultRoles } from '@minimall/contracts';
import type { Role } from '@minimall/contracts';
import { listRoles } from '../../api/staff.ts';
import { useAccess } from '../../access.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { CardSkeleton } from '../../components/page-skeleton.tsx';
import { useRequest } from '../../hooks/use-request.ts';
import { OWNER_ROLE_CODE, RoleEditor } from './role-editor.tsx';

const systemOrder = new Map(defaultRoles.map((role, index) => [role.code, index]));

/** The owner first, the other built-in roles in their usual order, then the shop's own roles as the server lists them. */
function displayOrder(roles: Role[]): Role[] {
  const rank = (role: Role) => systemOrder.get(role.code) ?? defaultRoles.length;
  return roles.map((role, index) => ({ role, index })).sort((a, b) => rank(a.role) - rank(b.role) || a.index - b.index).map(({ role }) => role);
}

type Selection = { kind: 'role'; id: string } | { kind: 'new' };

function RoleItem({ role, active, onSelect }: { role: Role; active: boolean; onSelect: () => void }) {
  const { token } = theme.useToken();
  return (
    <button
      type="button"
      aria-current={active ? 'true' : undefined}
      onClick={onSelect}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'start',
        padding: '12px 16px',
        border: 'none',
        borderInlineStart: `3px solid ${active ? token.colorPrimary : 'transparent'}`,
        background: active ? token.colorPrimaryBg : 'transparent',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{role.name}</Typography.Text>
        <span>
          {role.code === OWNER_ROLE_CODE && <Tag color="red">全部权限</Tag>}
          {role.isSystem && <Tag>系统角色</Tag>}
        </span>
      </Flex>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: token.fontSizeSM, marginTop: 2 }}>
        {role.description || '暂无描述'}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
        <TeamOutlined /> {role.staffCount} 名员工 · {role.permissions.length} 项权限
      </Typography.Text>
    </button>
  );
}

export default function RolesPage() {
  const canManage = useAccess()('role.manage');
  const roles = useRequest(listRoles);
  const ordered = useMemo(() => (roles.data ? displayOrder(roles.data) : undefined), [roles.data]);
  const { modal } = App.useApp();
  const [chosen, setChosen] = useState<Selection>();
  const [dirty, setDirty] = useState(false);

  const first = ordered?.[0];
  const selection: Selection | undefined = chosen ?? (first ? { kind: 'role', id: first.id } : undefined);
  const selectedRole = selection?.kind === 'role' ? roles.data?.find((role) => role.id === selection.id) : undefined;

  const choose = (next: Selection | undefined) => {
    if (!dirty) {
      setChosen(next);
      return;
    }
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '当前角色的修改还没有保存，切换后将丢失。',
      okText: '放弃修改',
      cancelText: '继续编辑',
      onOk: () => {
        setDirty(false);
        setChosen(next);
      },
    });
  };

  let editor;
  if (selection?.kind === 'new') {
    editor = (
      <RoleEditor
        key="new"
        canManage={canManage}
        onDirtyChange={setDirty}
        onSaved={(role) => {
          setChosen({ kind: 'role', id: role.id });
          roles.reload();
        }}
        onDeleted={() => {}}
      />
    );
  } else if (selectedRole) {
    editor = (
      <RoleEditor
        key={selectedRole.id}
        role={selectedRole}
        canManage={canManage}
        onDirtyChange={setDirty}
        onSaved={roles.reload}
        onDeleted={() => {
          setChosen(undefined);
          roles.reload();
        }}
      />
    );
  } else if (roles.data && !roles.loading) {
    editor = <Empty description="请选择左侧的角色" />;
  } else {
    editor = <CardSkeleton rows={8} />;
  }

  if (roles.error && !roles.data) {
    return (
      <PageContainer>
        <Card>
          <ErrorState title="角色加载失败" error={roles.error} onRetry={roles.reload} />
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => choose({ kind: 'new' })}>
            新建角色
          </Button>
        )
      }
    >
      <Row gutter={16} wrap={false}>
        <Col flex="320px">
          <Card title="角色" styles={{ body: { padding: '8px 0' } }}>
            {ordered ? (
              <nav aria-label="角色列表">
                {ordered.map((role) => (
                  <RoleItem
                    key={role.id}
                    role={role}
                    active={selection?.kind === 'role' && selection.id === role.id}
                    onSelect={() => choose({ kind: 'role', id: role.id })}
                  />
                ))}
              </nav>
            ) : (
              <div style={{ padding: '8px 16px' }}>
                <CardSkeleton rows={6} />
              </div>
            )}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Card title={selection?.kind === 'new' ? '新建角色' : (selectedRole?.name ?? '角色详情')}>{editor}</Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
