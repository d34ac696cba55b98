import { Alert, App, Button, Descriptions, Flex, Modal, Typography, theme } from 'antd';
import { CopyOutlined } from '@ant-design/icons';

export interface TemporaryPassword {
  username: string;
  displayName: string;
  password: string;
  /** Why it was issued: a new account or a reset. */
  reason: 'created' | 'reset';
}

export interface TemporaryPasswordModalProps {
  /** The password to show; the caller forgets it on close, so it is shown exactly once. */
  value: TemporaryPassword | undefined;
  onClose: () => void;
}

export function TemporaryPasswordModal({ value, onClose }: TemporaryPasswordModalProps) {
  const { message } = App.useApp();
  const { token } = theme.useToken();

  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.password);
      message.success('临时密码已复制');
    } catch {
      message.error('复制失败，请手动选中密码复制');
    }
  };

  return (
    <Modal
      open={value !== undefined}
      title={value?.reason === 'reset' ? '密码已重置' : '员工已创建'}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      width={480}
      footer={
        <Button type="primary" onClick={onClose}>
          我已保存，关闭
        </Button>
      }
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            title="临时密码只显示这一次"
            description="关闭后将无法再次查看。请立即复制并通过安全的方式交给员工，员工首次登录后需修改密码。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: '员工', children: `${value.displayName}（${value.username}）` },
              {
                key: 'password',
                label: '临时密码',
                children: (
                  <Flex align="center" justify="space-between" gap={12}>
                    <Typography.Text
                      data-testid="temporary-password"
                      style={{ fontFamily: token.fontFamilyCode, fontSize: 18, letterSpacing: 1, userSelect: 'all' }}
                    >
                      {value.password}
                    </Typography.Text>
                    <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                      复制
                    </Button>
                  </Flex>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
