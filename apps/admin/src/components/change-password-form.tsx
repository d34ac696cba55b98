import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { newPasswordSchema } from '@minimall/contracts';
import { changePassword } from '../api/staff.ts';
import { errorMessage } from './error-state.tsx';
import { showFieldErrors } from './form-errors.ts';
import { zodRule } from './zod-rule.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export interface ChangePasswordFormProps {
  /** "初始密码" on the forced page, "当前密码" elsewhere. */
  currentLabel?: string;
  submitText?: string;
  onChanged: () => void;
}

export function ChangePasswordForm({ currentLabel = '当前密码', submitText = '确认修改', onChanged }: ChangePasswordFormProps) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      onChanged();
    } catch (e) {
      if (!showFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} autoComplete="off">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item label={currentLabel} name="currentPassword" rules={[{ required: true, message: `请输入${currentLabel}` }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra="至少 10 位，需同时包含字母和数字"
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: '请输入新密码' },
          zodRule(newPasswordSchema),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error('新密码不能与当前密码相同');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {submitText}
      </Button>
    </Form>
  );
}
