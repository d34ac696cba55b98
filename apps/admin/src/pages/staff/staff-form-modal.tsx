import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { staffEndpoints } from '@minimall/contracts';
import type { Staff } from '@minimall/contracts';
import { createStaff, listRoles, updateStaff } from '../../api/staff.ts';
import { errorMessage } from '../../components/error-state.tsx';
import { showFieldErrors } from '../../components/form-errors.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { useRequest } from '../../hooks/use-request.ts';

interface Values {
  username: string;
  displayName: string;
  roleIds: string[];
}

// The create body is always declared; the endpoint type only makes it optional in general.
const { shape } = staffEndpoints.createStaff.body!;

export interface StaffFormModalProps {
  /** The member being edited; undefined creates a new one. */
  editing?: Staff;
  onCancel: () => void;
  /** A new member comes with the temporary password the server issued; an edit with none. */
  onSaved: (staff: Staff, temporaryPassword?: string) => void;
}

/** 新建员工 / 编辑员工: mount it only while open, so each opening starts from fresh values and roles. */
export function StaffFormModal({ editing, onCancel, onSaved }: StaffFormModalProps) {
  const [form] = Form.useForm<Values>();
  const roles = useRequest(listRoles);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      if (editing) {
        onSaved(await updateStaff(editing.id, { displayName: values.displayName, roleIds: values.roleIds }));
      } else {
        const created = await createStaff({ username: values.username, displayName: values.displayName, roleIds: values.roleIds });
        onSaved(created.staff, created.temporaryPassword);
      }
    } catch (e) {
      if (!showFieldErrors(form, e)) setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? '编辑员工' : '新建员工'}
      okText={editing ? '保存' : '创建'}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      mask={{ closable: false }}
      width={480}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        autoComplete="off"
        initialValues={editing ? { username: editing.username, displayName: editing.displayName, roleIds: editing.roles.map((r) => r.id) } : { roleIds: [] }}
      >
        <Form.Item
          label="账号"
          name="username"
          extra={editing ? '账号创建后不能修改' : '用于登录，3–32 位小写字母、数字或 _ . -，以字母开头'}
          rules={editing ? [] : [{ required: true, message: '请输入账号' }, zodRule(shape.username)]}
        >
          <Input disabled={editing !== undefined} placeholder="例如 zhangsan" maxLength={32} />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, zodRule(shape.displayName)]}>
          <Input placeholder="员工真实姓名" maxLength={20} />
        </Form.Item>
        <Form.Item label="角色" name="roleIds" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }]}>
          <Select
            mode="multiple"
            placeholder="选择一个或多个角色"
            loading={roles.loading}
            options={roles.data?.map((role) => ({ value: role.id, label: role.name }))}
            notFoundContent={roles.error ? `角色加载失败：${errorMessage(roles.error)}` : undefined}
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
