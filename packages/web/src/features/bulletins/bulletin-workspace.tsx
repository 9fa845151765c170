import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Alert, App, Button, Tooltip, Typography } from 'antd';
import { DeleteOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { BulletinView } from '@tuijin/core';
import { errorMessage, isApiError } from '../../app/api-client';
import { periodLabel } from '../periods/period-format';
import { bulletinKey, useDeleteBulletin, usePublishBulletin, useRegenerateBulletin } from './api';
import { BulletinConflictModal } from './bulletin-conflict-modal';
import { BulletinEditor } from './bulletin-editor';
import { BulletinHeader, DownloadButton } from './bulletin-header';
import { BulletinPreview, PAGE_WIDTH } from './bulletin-preview';
import { documentOf } from './bulletin-values';
import { FitPage } from './fit-page';
import { useBulletinEdit } from './use-bulletin-edit';

// A draft on a desktop: the editor on the left, the page as it will print on the right, redrawn
// on every keystroke. 发布 waits for the typing to be saved, so what is published is what is seen.

export function BulletinWorkspace({ view }: { view: BulletinView }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [isDeleted, setDeleted] = useState(false);
  const edit = useBulletinEdit(view, { isGone: isDeleted });
  const regenerate = useRegenerateBulletin(view.id);
  const publish = usePublishBulletin(view.id);
  const remove = useDeleteBulletin(view.id);
  const pane = useRef<HTMLDivElement>(null);
  const month = periodLabel(view.period);

  /** A whole-bulletin step (重新生成, 发布, 删除) on the version the page shows. */
  const step = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      return true;
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        modal.warning({ title: '通报已被他人修改', content: '页面已刷新为最新内容，请查看后再操作。', okText: '知道了' });
        await client.invalidateQueries({ queryKey: bulletinKey(view.id) });
      } else message.error(errorMessage(error));
      return false;
    }
  };

  const confirmRegenerate = () => modal.confirm({
    title: '重新生成通报？',
    content: (
      <>
        <p>将按{month}的最新数据重写各段文字，并刷新表格、数字和可选的影像对比；标题、文号、发文机关、印发日期和已选的影像对比保留。</p>
        <p style={{ color: '#d46b08', marginBottom: 0 }}>已修改过的段落文字也会被替换{edit.isDirty ? '；本页尚未保存的修改将被放弃' : ''}。</p>
      </>
    ),
    okText: '重新生成', cancelText: '取消',
    onOk: () => step(() => regenerate.mutateAsync({ version: edit.base.version }).then((next) => edit.load(next)), '通报已按最新数据重新生成'),
  });

  const confirmPublish = () => modal.confirm({
    title: `发布${month}月度通报？`,
    content: '发布后通报不能再修改，也不能删除；Word 文件将在发布时定稿存档，此后每次下载的都是这一份。',
    okText: '发布', cancelText: '取消',
    onOk: () => step(() => publish.mutateAsync({ version: edit.base.version }), '通报已发布'),
  });

  const confirmDelete = () => modal.confirm({
    title: '删除这份通报草稿？',
    content: '草稿的文字和选择的影像对比都将删除；之后可以重新起草本月通报。',
    okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      if (!await step(() => remove.mutateAsync(edit.base.version), '通报草稿已删除')) return;
      flushSync(() => setDeleted(true));
      navigate('/bulletins', { replace: true });
      setTimeout(() => client.removeQueries({ queryKey: bulletinKey(view.id) }), 0);
    },
  });

  /** Brings the part being edited into view in the preview pane. */
  const showInPreview = (key: string) => {
    const box = pane.current;
    if (!box) return;
    const target = key === 'title' ? null : box.querySelector<HTMLElement>(`[data-section="${key}"]`);
    const top = target ? box.scrollTop + target.getBoundingClientRect().top - box.getBoundingClientRect().top - 24 : 0;
    box.scrollTo({ top, behavior: 'smooth' });
  };

  // What is published is what was saved, and a published bulletin carries its number.
  const publishBlocker = edit.isDirty ? '请先保存修改，再发布' : !edit.base.docNo.trim() ? '发布前请填写文号并保存' : undefined;
  const actions = (
    <>
      <Button icon={<ReloadOutlined />} loading={regenerate.isPending} onClick={confirmRegenerate} data-testid="bulletin-regenerate">重新生成</Button>
      <Tooltip title={publishBlocker}>
        <Button type="primary" icon={<SendOutlined />} disabled={publishBlocker != null} loading={publish.isPending} onClick={confirmPublish} data-testid="bulletin-publish">发布</Button>
      </Tooltip>
      <DownloadButton view={view} isDirty={edit.isDirty} />
      <Button danger icon={<DeleteOutlined />} loading={remove.isPending} onClick={confirmDelete} data-testid="bulletin-delete">删除草稿</Button>
    </>
  );

  return (
    <div data-testid="bulletin-page">
      <BulletinHeader view={view} actions={actions} />
      <div className="bulletin-workspace">
        <div className="bulletin-editor-col">
          <BulletinEditor edit={edit} sections={edit.base.sections} candidates={view.candidates} onFocusSection={showInPreview} />
          {edit.problems.length > 0 && <Alert type="error" showIcon message={edit.problems.join('；')} style={{ marginBottom: 8 }} data-testid="bulletin-errors" />}
          <div className="report-action-bar">
            <Typography.Text type={edit.isDirty ? 'warning' : 'secondary'} className="report-action-state" data-testid="bulletin-save-state">
              {edit.isDirty ? '有未保存的修改' : `已保存（第 ${edit.base.version} 版）`}
            </Typography.Text>
            <Button type="primary" size="large" icon={<SaveOutlined />} loading={edit.isSaving} onClick={() => void edit.save()} data-testid="bulletin-save">保存</Button>
          </div>
        </div>
        <div className="bulletin-preview-pane" ref={pane} data-testid="bulletin-preview-pane">
          <div className="bl-desk">
            <FitPage width={PAGE_WIDTH}>
              <BulletinPreview doc={documentOf(edit.base, edit.values, edit.photos)} isDraft />
            </FitPage>
          </div>
        </div>
      </div>
      <BulletinConflictModal conflict={edit.conflict} onResolve={edit.resolveConflict} onCancel={edit.dismissConflict} />
    </div>
  );
}
