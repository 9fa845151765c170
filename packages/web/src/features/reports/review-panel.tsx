import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { CHECK_LABEL } from '@tuijin/core';
import { errorMessage, isApiError } from '../../app/api-client';
import { reportKey, useReportAction } from './api';
import { FormSection } from './form-section';
import { inUploadOrder, mediaLabel } from './media-label';
import { FigureNotes } from './report-view';
import type { ReportDetail } from './types';

type Decision = 'approve' | 'return';

/** Why a reviewer should look closer: photos that failed or could not be checked, figures explained. */
function ReviewChecks({ report }: { report: ReportDetail }) {
  const doubtful = inUploadOrder(report.media).filter((m) => m.checkStatus !== 'passed');
  const hasNotes = report.figureNotes.length > 0;
  if (!doubtful.length && !hasNotes) {
    return <Alert type="success" showIcon message="照片均已通过核验，投资数据与上月衔接。" data-testid="review-checks-ok" />;
  }
  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="review-checks">
      {doubtful.length > 0 && (
        <Alert
          type={report.failedCount ? 'error' : 'warning'}
          showIcon
          message={`照片核验：${[report.failedCount ? `${report.failedCount} 张未通过` : '', report.flaggedCount ? `${report.flaggedCount} 张待核实` : ''].filter(Boolean).join('，')}（共 ${report.photoCount} 个文件）`}
          description={
            <ul className="report-list">
              {doubtful.map((m) => (
                <li key={m.id}>
                  {mediaLabel(m)}{m.caption ? `（${m.caption}）` : ''}：
                  {m.checks.filter((c) => c.passed !== true).map((c) => `${CHECK_LABEL[c.code] ?? c.code}——${c.message}`).join('；')}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {hasNotes && <FigureNotes report={report} />}
    </div>
  );
}

/** 审核: approve (comment optional) or return (reason required), with what deserves a closer look right above. */
export function ReviewPanel({ report }: { report: ReportDetail }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const act = useReportAction(report.id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const confirm = async () => {
    if (!decision) return;
    let comment: string | undefined;
    try {
      comment = (await form.validateFields()).comment;
    } catch {
      return; // the field says what is missing
    }
    try {
      const after = await act.mutateAsync({ action: decision, version: report.version, comment: comment?.trim() || null });
      setDecision(null);
      form.resetFields();
      message.success(decision === 'approve' ? '已审核通过' : '已退回，项目单位会收到退回原因');
      if (after.status !== report.status) window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (error) {
      setDecision(null);
      if (isApiError(error, 'version_conflict')) {
        void client.invalidateQueries({ queryKey: reportKey(report.id) });
        modal.warning({ title: '月报已有变化', content: '您打开此月报后，它已被修改或审核。页面已载入最新内容，请核对后再审核。', okText: '知道了' });
        return;
      }
      modal.error({ title: '审核未完成', content: errorMessage(error), okText: '知道了' });
    }
  };

  return (
    <FormSection title="审核" testId="review-panel">
      <ReviewChecks report={report} />
      <div className="review-actions">
        {report.canReturn && <Button size="large" danger icon={<RollbackOutlined />} onClick={() => setDecision('return')} data-testid="review-return">退回修改</Button>}
        <Button size="large" type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')} data-testid="review-approve">审核通过</Button>
      </div>
      <Modal
        open={decision != null}
        title={decision === 'return' ? '退回月报' : '审核通过'}
        onCancel={() => setDecision(null)}
        footer={[
          <Button key="cancel" onClick={() => setDecision(null)}>取消</Button>,
          <Button key="ok" type="primary" danger={decision === 'return'} loading={act.isPending} onClick={() => void confirm()} data-testid="review-confirm">
            {decision === 'return' ? '退回' : '审核通过'}
          </Button>,
        ]}
        destroyOnHidden
        data-testid="review-modal"
      >
        <Typography.Paragraph type="secondary">
          {decision === 'return'
            ? '请写明需要修改的内容，项目单位会收到消息并按意见修改后重新报送。'
            : '审核通过后，本月完成投资和完成节点将写入项目台账。'}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="comment"
            label={decision === 'return' ? '退回原因' : '审核意见（可不填）'}
            rules={decision === 'return' ? [{ required: true, whitespace: true, message: '请填写退回原因' }, { max: 1000, message: '不能超过 1000 个字' }] : [{ max: 1000, message: '不能超过 1000 个字' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={decision === 'return' ? '如：照片拍摄时间不在本月，请补拍现场照片；本年累计与上月不衔接，请核实' : ''} data-testid="review-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </FormSection>
  );
}
