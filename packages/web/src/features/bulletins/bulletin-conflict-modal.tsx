import { Alert, Button, Modal } from 'antd';
import { dateTime } from '../../components/format';
import type { BulletinConflict } from './use-bulletin-edit';

/**
 * A stale save (409): someone saved, regenerated or published this bulletin after the page was
 * opened. Nothing was overwritten; the person chooses how to go on.
 */
export function BulletinConflictModal({ conflict, onResolve, onCancel }: {
  conflict: BulletinConflict | null;
  onResolve: (keepMine: boolean) => void;
  onCancel: () => void;
}) {
  const latest = conflict?.latest;
  const isEditable = latest ? latest.canEdit && latest.status === 'draft' : false;
  return (
    <Modal
      open={conflict != null}
      title="通报已被他人修改"
      width={560}
      onCancel={onCancel}
      maskClosable={false}
      data-testid="bulletin-conflict"
      footer={isEditable ? [
        <Button key="cancel" onClick={onCancel}>返回编辑</Button>,
        <Button key="reload" onClick={() => onResolve(false)} data-testid="bulletin-conflict-reload">放弃我的修改，载入最新内容</Button>,
        <Button key="keep" type="primary" onClick={() => onResolve(true)} data-testid="bulletin-conflict-keep">载入最新内容并保留我的修改</Button>,
      ] : [
        <Button key="reload" type="primary" onClick={() => onResolve(false)} data-testid="bulletin-conflict-reload">载入最新内容</Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        message={isEditable
          ? '您打开此通报后，有其他人保存了修改（或重新生成了通报）。为避免覆盖他人的内容，本次保存未执行。'
          : `此通报已${latest?.status === 'published' ? '发布，不能再修改' : '不能再由您修改'}。`}
        description={isEditable
          ? `最新内容保存于 ${dateTime(latest?.updatedAt)}。可以载入最新内容后保留您改过的项目（您没有改过的项目采用最新内容），核对后再次保存。`
          : '请载入最新内容查看。'}
      />
    </Modal>
  );
}
