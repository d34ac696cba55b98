import { App, Button, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { AuthCard } from '../../components/auth-card.tsx';
import { ChangePasswordForm } from '../../components/change-password-form.tsx';
import { useSession, useStaff } from '../../hooks/use-session.tsx';
import { redirectTarget } from '../../router/paths.ts';

/** Where a member signing in with a temporary password must go before anything else. */
export default function ChangePasswordPage() {
  const { staff } = useStaff();
  const session = useSession();
  const { search } = useLocation();
  const { message } = App.useApp();
  const target = redirectTarget(search);

  // Once the server no longer asks for a change (after the reload below) the member goes on to where they were headed.
  if (!staff.mustChangePassword) return <Navigate to={target} replace />;

  const onChanged = () => {
    message.success('密码已修改');
    void session.reload();
  };

  return (
    <AuthCard
      title="修改初始密码"
      description={`${staff.displayName}，你好！为了账号安全，首次登录需要把管理员提供的初始密码换成只有你知道的新密码。`}
      footer={
        <Typography.Text type="secondary">
          不是你的账号？
          <Button type="link" size="small" onClick={session.signOut} style={{ paddingInline: 4 }}>
            退出登录
          </Button>
        </Typography.Text>
      }
    >
      <ChangePasswordForm currentLabel="初始密码" submitText="修改并进入后台" onChanged={onChanged} />
    </AuthCard>
  );
}
