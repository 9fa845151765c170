import { Tag, Tooltip, Typography } from 'antd';
import { BULLETIN_STATUS_LABEL, type BulletinStatus } from '@tuijin/core';

// The marks the bulletin pages share: its status, and the fingerprint of the published file.

export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  return <Tag color={status === 'published' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid="bulletin-status">{BULLETIN_STATUS_LABEL[status]}</Tag>;
}

/**
 * The SHA-256 of the .docx stored at publishing, first and last characters: enough for a reader
 * to tell the file they hold is the published one; the whole value on hover and to copy.
 */
export function ShortHash({ sha256 }: { sha256: string }) {
  return (
    <Tooltip title={<span className="num" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{sha256}</span>}>
      <Typography.Text copyable={{ text: sha256, tooltips: ['复制完整校验值', '已复制'] }} className="num" style={{ color: 'inherit' }} data-testid="bulletin-sha256">
        SHA-256 {sha256.slice(0, 8)}…{sha256.slice(-4)}
      </Typography.Text>
    </Tooltip>
  );
}
