import { Alert, App, Button, Form, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldIssue } from '../../app/api-client';
import { toNamePath } from '../../components/form-errors';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { reportKey } from './api';
import { FiguresSection } from './form-figures';
import { PlansSection, ProgressSection } from './form-progress';
import { MediaUploader } from './media-uploader';
import { ReportConflictModal } from './report-conflict-modal';
import { REPORT_FIELDS, toFormValues, type ReportFormValues } from './report-values';
import type { ReportDetail } from './types';
import { useReportEdit } from './use-report-edit';
import { useUploadQueue } from './use-upload-queue';

/** What stops 报送, each line a link to its field (or to the photos). */
function IssueSummary({ issues, onGo }: { issues: FieldIssue[]; onGo: (field: string) => void }) {
  return (
    <Alert
      type="error"
      showIcon
      className="report-issues"
      data-testid="report-issues"
      message="请补充或改正以下内容后再报送"
      description={
        <ul className="report-list">
          {issues.map((issue, i) => (
            <li key={`${issue.field}-${i}`}>
              {issue.field ? <a onClick={() => onGo(issue.field)}>{issue.message}</a> : issue.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The company's monthly report being filled: figures, progress, photos, problems, then 报送. */
export function ReportForm({ report }: { report: ReportDetail }) {
  const { modal } = App.useApp();
  const client = useQueryClient();
  const edit = useReportEdit(report);
  const queue = useUploadQueue(report.id, report.settings, () => void client.invalidateQueries({ queryKey: reportKey(report.id) }));
  useLeaveGuard(edit.isDirty || queue.hasPending, queue.hasPending ? '还有照片或视频正在上传或等待上传，离开后将中断上传。' : '本月报有尚未保存的修改，离开后将会丢失。');
  const isNoChange = Form.useWatch('noChange', edit.form) ?? report.noChange;
  const needsExplanation = edit.issues.some((i) => /情况说明/.test(i.message));
  const mediaIssue = edit.issues.find((i) => i.field === 'media')?.message ?? null;
  const isBusy = edit.isSaving || edit.isSubmitting;

  const goTo = (field: string) => {
    const path = toNamePath(field);
    if ((REPORT_FIELDS as readonly string[]).includes(String(path[0]))) edit.form.scrollToField(path, { block: 'center' });
    else document.getElementById('report-media')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const confirmSubmit = () => {
    if (queue.hasPending) {
      modal.warning({ title: '还有文件没有上传完', content: '请等待照片和视频上传完成（或移除未上传的文件）后再报送。', okText: '知道了' });
      return;
    }
    modal.confirm({
      title: '确认报送本月月报？',
      content: `报送后由${report.responsibleOrgName ?? '责任单位'}审核，审核期间不能修改；如被退回，可修改后重新报送。`,
      okText: '报送',
      cancelText: '再检查一下',
      onOk: edit.submit,
    });
  };

  return (
    <Form<ReportFormValues>
      form={edit.form}
      layout="vertical"
      initialValues={toFormValues(report)}
      scrollToFirstError={{ block: 'center' }}
      onFinish={() => undefined}
      className="report-form"
      data-testid="report-form"
    >
      {edit.issues.length > 0 && <IssueSummary issues={edit.issues} onGo={goTo} />}
      <FiguresSection report={report} needsExplanation={needsExplanation} />
      {!isNoChange && <ProgressSection report={report} />}
      <MediaUploader report={report} queue={queue} issue={mediaIssue} />
      <PlansSection />
      <div className="report-action-bar" data-testid="report-action-bar">
        <Typography.Text type={edit.isDirty ? 'warning' : 'secondary'} className="report-action-state" data-testid="report-dirty-state">
          {edit.isDirty ? '有未保存的修改' : edit.base.isStarted ? '草稿已保存' : '尚未填写'}
        </Typography.Text>
        <Button size="large" icon={<SaveOutlined />} loading={edit.isSaving && !edit.isSubmitting} disabled={isBusy} onClick={edit.saveDraft} data-testid="report-save">
          保存草稿
        </Button>
        <Button type="primary" size="large" icon={<SendOutlined />} loading={edit.isSubmitting} disabled={isBusy} onClick={confirmSubmit} data-testid="report-submit">
          报送
        </Button>
      </div>
      <ReportConflictModal conflict={edit.conflict} onResolve={edit.resolveConflict} onCancel={edit.dismissConflict} />
    </Form>
  );
}
