import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '@minimall/contracts';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { login } from '../../api/staff.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { errorMessage } from '../../components/error-state.tsx';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../hooks/use-session.tsx';
import { CHANGE_PASSWORD_PATH, redirectTarget, withRedirect } from '../../router/paths.ts';

interface Values {
  username: string;
  password: string;
}

interface LoginProblem {
  title: string;
  description?: string;
}

/** The API's answer in words a staff member can act on: how many tries are left, or until when the account is locked. */
function loginProblem(error: unknown): LoginProblem {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    const lockedUntil = (error.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
    return {
      title: '账号已被临时锁定',
      description:
        typeof lockedUntil === 'string'
          ? `请于 ${formatDateTime(lockedUntil)} 后再试，或联系店主重置密码`
          : '请稍后再试，或联系店主重置密码',
    };
  }
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
    const attemptsLeft = (error.details as { attemptsLeft?: unknown } | undefined)?.attemptsLeft;
    return {
      title: error.message || '账号或密码错误',
      description: typeof attemptsLeft === 'number' ? `剩余尝试次数：${attemptsLeft} 次，用完将临时锁定账号` : undefined,
    };
  }
  return { title: errorMessage(error) };
}

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { search } = useLocation();
  const target = redirectTarget(search);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<LoginProblem>();

  if (session.status === 'signed-in' && !submitting) {
    return <Navigate to={session.staff.mustChangePassword ? withRedirect(CHANGE_PASSWORD_PATH, target) : target} replace />;
  }

  const submit = async ({ username, password }: Values) => {
    setSubmitting(true);
    setProblem(undefined);
    try {
      const staffSession = await login(username.trim(), password);
      session.signIn(staffSession);
      navigate(staffSession.staff.mustChangePassword ? withRedirect(CHANGE_PASSWORD_PATH, target) : target, { replace: true });
    } catch (error) {
      setProblem(loginProblem(error));
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title="登录商家后台">
      <Form<Values> layout="vertical" size="large" requiredMark={false} onFinish={submit}>
        {problem && (
          <Alert type="error" showIcon title={problem.title} description={problem.description} style={{ marginBottom: 24 }} role="alert" />
        )}
        <Form.Item label="账号" name="username" rules={[{ required: true, whitespace: true, message: '请输入账号' }]}>
          <Input prefix={<UserOutlined />} placeholder="员工账号" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} placeholder="登录密码" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} style={{ marginTop: 8 }}>
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
