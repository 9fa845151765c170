import { Alert, App, Button, Form, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldIssue } from '../../app/api-client';
import { toNamePath } from '../../components/form-errors';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { reportKey } from './api';
import { FiguresSection } from './form-figures';
import { PlansSection, ProgressSection } from './form-progress';
import { inUploadOrder, mediaLabel } from './media-label';
import { MediaUploader, photoRequirement } from './media-uploader';
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
  useLeaveGuard(edit.isDirty || queue.hasPending, queue.hasPending ? '还有照片或视频正在上传或等待上传，离开后将中断上传。' : '本月报有尚未保存的修改（已暂存在本机，下次打开时可恢复）。');
  const isNoChange = Form.useWatch('noChange', edit.form) ?? report.noChange;
  const needsExplanation = edit.issues.some((i) => /情况说明/.test(i.message));
  // A photo shortfall stops being shown once enough photos are up (or the month has no change).
  const isPhotoMet = photoRequirement(report, isNoChange).isMet;
  const issues = isPhotoMet ? edit.issues.filter((i) => i.field !== 'media') : edit.issues;
  const mediaIssue = issues.find((i) => i.field === 'media')?.message ?? null;
  const isBusy = edit.isSaving || edit.isSubmitting;

  const goTo = (field: string) => {
    const path = toNamePath(field);
    if ((REPORT_FIELDS as readonly string[]).includes(String(path[0]))) edit.form.scrollToField(path, { block: 'center' });
    else document.getElementById('report-media')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  /** What is missing goes straight onto the form; only a complete report is asked to be confirmed. */
  const confirmSubmit = async () => {
    if (queue.hasPending) {
      modal.warning({ title: '还有文件没有上传完', content: '请等待照片和视频上传完成（或移除未上传的文件）后再报送。', okText: '知道了' });
      return;
    }
    const problems = await edit.checkSubmit(report.media.filter((m) => m.kind === 'photo').length);
    if (problems.length) {
      if (problems[0]!.field) goTo(problems[0]!.field);
      return;
    }
    const doubtful = inUploadOrder(report.media).filter((m) => m.checkStatus !== 'passed');
    const failed = doubtful.filter((m) => m.checkStatus === 'failed').length;
    const flagged = doubtful.length - failed;
    const doubt = [failed && `${failed} 张照片核验未通过`, flagged && `${flagged} 张${failed ? '' : '照片'}待核实`].filter(Boolean).join('、');
    modal.confirm({
      title: doubt ? `有 ${doubt}，可能被退回，仍要报送吗？` : '确认报送本月月报？',
      content: (
        <div data-testid="report-submit-confirm">
          {doubt && <p style={{ marginTop: 0 }}>{doubtful.map(mediaLabel).join('、')}：可点开照片查看原因，必要时删除后补拍。</p>}
          报送后由{report.responsibleOrgName ?? '责任单位'}审核，审核期间不能修改；如被退回，可修改后重新报送。
        </div>
      ),
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
      {edit.isDraftRestored && (
        <Alert
          type="info"
          showIcon
          className="report-issues"
          data-testid="report-draft-restored"
          message="已恢复您上次未保存的内容"
          description="内容只保存在本机浏览器，请核对后保存草稿或报送。"
          action={<Button size="small" onClick={edit.discardDraft} data-testid="report-draft-discard">放弃</Button>}
        />
      )}
      {issues.length > 0 && <IssueSummary issues={issues} onGo={goTo} />}
      <FiguresSection report={report} needsExplanation={needsExplanation} />
      {!isNoChange && <ProgressSection report={report} />}
      <MediaUploader report={report} queue={queue} issue={mediaIssue} isNoChange={isNoChange} />
      <PlansSection />
      <div className="report-action-bar" data-testid="report-action-bar">
        <Typography.Text type={edit.isDirty ? 'warning' : 'secondary'} className="report-action-state" data-testid="report-dirty-state">
          {edit.isDirty ? '有未保存的修改' : edit.base.isStarted ? '草稿已保存' : '尚未填写'}
        </Typography.Text>
        <Button size="large" icon={<SaveOutlined />} loading={edit.isSaving && !edit.isSubmitting} disabled={isBusy} onClick={edit.saveDraft} data-testid="report-save">
          保存草稿
        </Button>
        <Button type="primary" size="large" icon={<SendOutlined />} loading={edit.isSubmitting} disabled={isBusy} onClick={() => void confirmSubmit()} data-testid="report-submit">
          报送
        </Button>
      </div>
      <ReportConflictModal conflict={edit.conflict} onResolve={edit.resolveConflict} onCancel={edit.dismissConflict} />
    </Form>
  );
}
