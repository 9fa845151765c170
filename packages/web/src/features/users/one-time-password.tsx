import { Alert, Modal, Typography } from 'antd';

/** Shows a password exactly once (after creating a user or resetting one). */
export function OneTimePasswordModal({ username, password, onClose }: { username: string; password: string | null; onClose: () => void }) {
  return (
    <Modal
      open={password != null}
      title="初始密码"
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下"
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      data-testid="one-time-password-modal"
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="此密码只显示这一次，关闭后无法再次查看。请当面或通过安全渠道交给用户，用户首次登录后须修改密码。" />
      <div style={{ marginBottom: 4 }}>用户名：<Typography.Text strong>{username}</Typography.Text></div>
      <div>
        密码：
        <Typography.Text code copyable={{ text: password ?? '', tooltips: ['复制', '已复制'] }} style={{ fontSize: 18 }} data-testid="one-time-password">
          {password}
        </Typography.Text>
      </div>
    </Modal>
  );
}
