import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Tooltip, Typography } from 'antd';
import { ApiError, allPermissions } from '@minimall/contracts';
import type { Permission, Role } from '@minimall/contracts';
import { Link } from 'react-router-dom';
import { createRole, deleteRole, updateRole } from '../../api/staff.ts';
import type { RoleBody } from '../../api/staff.ts';
import { errorMessage } from '../../components/error-state.tsx';
import { showFieldErrors } from '../../components/form-errors.ts';
import { sortPermissions } from '../../permissions.ts';
import { PermissionMatrix } from './permission-matrix.tsx';

export const OWNER_ROLE_CODE = 'owner';

interface Values {
  name: string;
  description: string;
  permissions: Permission[];
}

export interface RoleEditorProps {
  /** The role to edit; undefined drafts a new one. */
  role?: Role;
  /** Holds role.manage; without it the editor only shows. */
  canManage: boolean;
  onSaved: (role: Role) => void;
  onDeleted: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

function bodyOf(values: Values): RoleBody {
  return { name: values.name.trim(), description: (values.description ?? '').trim(), permissions: sortPermissions(values.permissions ?? []) };
}

/** Name, description and the permission matrix of one role; the owner role is shown whole and cannot change. */
export function RoleEditor({ role, canManage, onSaved, onDeleted, onDirtyChange }: RoleEditorProps) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ title: string; description?: ReactNode }>();
  const isOwner = role?.code === OWNER_ROLE_CODE;
  const readOnly = isOwner || !canManage;
  const permissions = Form.useWatch('permissions', form) ?? [];

  const save = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const saved = role ? await updateRole(role.id, bodyOf(values)) : await createRole(bodyOf(values));
      message.success(role ? '角色已保存' : '角色已创建');
      onDirtyChange(false);
      onSaved(saved);
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem({ title: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!role) return;
    setProblem(undefined);
    try {
      await deleteRole(role.id);
      message.success(`已删除角色「${role.name}」`);
      onDirtyChange(false);
      onDeleted();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ROLE_IN_USE') {
        setProblem({
          title: `仍有员工在使用「${role.name}」，暂时不能删除`,
          description: (
            <>
              请先到 <Link to="/staff">员工管理</Link> 为这些员工更换角色，再删除此角色。
            </>
          ),
        });
      } else {
        setProblem({ title: errorMessage(error) });
      }
    }
  };

  const deletable = role !== undefined && !role.isSystem && canManage;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={readOnly}
      onFinish={save}
      onValuesChange={() => onDirtyChange(true)}
      initialValues={{
        name: role?.name ?? '',
        description: role?.description ?? '',
        permissions: isOwner ? allPermissions : sortPermissions(role?.permissions ?? []),
      }}
    >
      {isOwner && (
        <Alert type="info" showIcon title="店主角色拥有全部权限，不能修改或删除" style={{ marginBottom: 16 }} />
      )}
      {!isOwner && !canManage && (
        <Alert type="info" showIcon title="你可以查看角色，但没有修改角色权限的权限" style={{ marginBottom: 16 }} />
      )}
      {problem && <Alert type="error" showIcon title={problem.title} description={problem.description} style={{ marginBottom: 16 }} role="alert" />}
      <Flex gap={16}>
        <Form.Item label="角色名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写角色名称' }]} style={{ width: 240 }}>
          <Input maxLength={20} placeholder="例如 店长" />
        </Form.Item>
        <Form.Item label="描述" name="description" style={{ flex: 1 }}>
          <Input maxLength={60} placeholder="这个角色负责什么（选填）" />
        </Form.Item>
      </Flex>
      <Form.Item
        label={
          <span>
            权限 <Typography.Text type="secondary">（已选 {isOwner ? allPermissions.length : permissions.length}/{allPermissions.length} 项）</Typography.Text>
          </span>
        }
        name="permissions"
      >
        <PermissionMatrix disabled={readOnly} />
      </Form.Item>
      {!readOnly && (
        <Flex justify="space-between" align="center">
          <Button type="primary" htmlType="submit" loading={saving}>
            {role ? '保存修改' : '创建角色'}
          </Button>
          {deletable &&
            (role.staffCount > 0 ? (
              <Tooltip title={`仍有 ${role.staffCount} 名员工使用此角色，先为他们更换角色后才能删除`}>
                <Button danger disabled>
                  删除角色
                </Button>
              </Tooltip>
            ) : (
              <Popconfirm title={`删除角色「${role.name}」？`} description="删除后不可恢复。" okText="删除" okButtonProps={{ danger: true }} onConfirm={remove}>
                <Button danger>删除角色</Button>
              </Popconfirm>
            ))}
        </Flex>
      )}
    </Form>
  );
}
