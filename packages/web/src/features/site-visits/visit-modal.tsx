import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { addMonths } from '@tuijin/core';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { DateInput } from '../../components/date-input';
import { applyServerErrors } from '../../components/form-errors';
import { PersonSelect } from '../../components/ref-selects';
import { today } from '../../components/year-select';
import { filterByLabel, useProjectOptions } from '../meetings/project-options';
import { PhotoTile } from '../reports/photo-tile';
import { UploadRow } from '../reports/upload-row';
import { useUploadQueue } from '../reports/use-upload-queue';
import { useDeleteVisit, useSaveVisit, useVisit } from './api';

// 登记走访, made for a phone at the site: the project (the leader's own 包保 projects first), the
// day, half a day or a whole one, what was found and decided; saved, then photos are taken or
// picked and go up at once (checked against the day and the site like a report's).

interface Values { leaderId: number | null; projectId: number | null; visitedOn: string | null; days: number; found: string | null; decided: string | null }
const FIELDS = ['leaderId', 'projectId', 'visitedOn', 'days', 'found', 'decided'];
const DEFAULT_LIMITS = { maxImageMb: 30, maxVideoMb: 500 };

function VisitPhotos({ visitId, isFresh }: { visitId: number; isFresh: boolean }) {
  const client = useQueryClient();
  const { data } = useVisit(visitId);
  const section = useRef<HTMLDivElement>(null);
  // Just saved on a phone: the photo buttons are below the form, so bring them into view.
  useEffect(() => {
    if (isFresh) section.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [isFresh]);
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const queue = useUploadQueue(`/site-visits/${visitId}/uploads`, data?.limits ?? DEFAULT_LIMITS, () => {
    void client.invalidateQueries({ queryKey: ['site-visits'] });
  });
  const pick = (input: HTMLInputElement | null) => {
    if (!input?.files?.length) return;
    queue.add([...input.files], null);
    input.value = '';
  };
  const canEdit = data?.canEdit ?? true;
  return (
    <div ref={section} data-testid="visit-photos">
      <Typography.Text strong>现场照片</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
        请在现场用手机相机拍摄，选好后自动上传；系统核对拍摄日期是否为走访当天、地点是否在项目现场。
      </Typography.Paragraph>
      {canEdit && (
        <div className="media-pick">
          <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="visit-camera">拍照</Button>
          <Button size="large" icon={<PictureOutlined />} onClick={() => picker.current?.click()} data-testid="visit-pick">选择照片</Button>
          <input ref={camera} type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} />
          <input ref={picker} type="file" accept="image/*,video/*" multiple style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} data-testid="visit-photo-input" />
        </div>
      )}
      {queue.items.length > 0 && (
        <div className="upload-list">
          {queue.items.map((item) => <UploadRow key={item.key} item={item} pointName={null} onCancel={() => queue.cancel(item)} onRetry={() => queue.retry(item.key)} />)}
        </div>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }} data-testid="visit-photo-grid">
        {(data?.media ?? []).map((m) => <PhotoTile key={m.id} item={m} />)}
        {data && !data.media.length && !queue.items.length && <Typography.Text type="secondary">还没有照片</Typography.Text>}
      </div>
    </div>
  );
}

export function VisitModal({ visitId: initialId, onClose }: { visitId: number | null; onClose: () => void }) {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [visitId, setVisitId] = useState<number | null>(initialId);
  const [errors, setErrors] = useState<string[]>([]);
  const { data: visit } = useVisit(visitId);
  const save = useSaveVisit();
  const remove = useDeleteVisit();
  const isLeader = me.role === 'leader';
  const { options, isLoading } = useProjectOptions(isLeader ? me.personId : null);
  const now = today();
  const isNew = visitId == null;
  const canEdit = isNew || (visit?.canEdit ?? false);

  const submit = async (v: Values) => {
    setErrors([]);
    try {
      const body = { visitedOn: v.visitedOn!, days: v.days, found: v.found?.trim() || null, decided: v.decided?.trim() || null };
      if (isNew) {
        const created = await save.mutateAsync({ ...body, projectId: v.projectId!, ...(isLeader ? {} : { leaderId: v.leaderId! }) });
        setVisitId(created.id);
        message.success('走访已登记，可继续添加现场照片');
      } else if (visit) {
        await save.mutateAsync({ id: visit.id, version: visit.version, ...body });
        message.success('走访记录已保存');
      }
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        modal.warning({ title: '走访记录已被他人修改', content: '请关闭后重新打开再修改。', okText: '知道了' });
        onClose();
        return;
      }
      setErrors(applyServerErrors(form, error, { fields: FIELDS }));
    }
  };
  const del = () => visit && modal.confirm({
    title: '删除这条走访记录？', content: '记录和照片将一并删除。', okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      try { await remove.mutateAsync({ id: visit.id, version: visit.version }); message.success('已删除'); onClose(); } catch (e) { message.error(errorMessage(e)); }
    },
  });

  const initial: Values = { leaderId: null, projectId: null, visitedOn: now, days: 1, found: null, decided: null };
  const ready = isNew || visit;
  return (
    <Modal
      open
      title={isNew ? '登记走访' : '走访记录'}
      onCancel={onClose}
      maskClosable={false}
      width={620}
      style={{ top: 16 }}
      data-testid="visit-modal"
      footer={
        <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
          {!isNew && visit?.canEdit && <Button danger onClick={del}>删除</Button>}
          <Button onClick={onClose} data-testid="visit-done">{isNew ? '取消' : '完成'}</Button>
          {canEdit && <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="visit-save">{isNew ? '保存，继续添加照片' : '保存'}</Button>}
        </Space>
      }
    >
      {isLeader && me.personId == null && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="您的账号未关联人员信息，无法登记走访；请联系管理员在「用户管理」中设置对应人员。" />}
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      {ready && (
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!canEdit}
          initialValues={visit ? { leaderId: visit.leaderId, projectId: visit.projectId, visitedOn: visit.visitedOn, days: visit.days, found: visit.found, decided: visit.decided } : initial}
          onFinish={(v) => void submit(v)}
        >
          {isLeader ? (
            <Typography.Paragraph>走访领导：<Typography.Text strong>{visit?.leaderName ?? me.displayName}</Typography.Text></Typography.Paragraph>
          ) : (
            <Form.Item name="leaderId" label="走访领导" rules={[{ required: true, message: '请选择走访领导' }]}>
              <PersonSelect disabled={!isNew} currentLabel={visit?.leaderName} data-testid="visit-leader" />
            </Form.Item>
          )}
          <Form.Item name="projectId" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
            <Select showSearch disabled={!isNew} loading={isLoading} options={isNew ? options : [{ value: visit!.projectId, label: visit!.projectName }]} filterOption={filterByLabel} placeholder="选择走访的项目" data-testid="visit-project" />
          </Form.Item>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', columnGap: 12 }}>
            <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
              <DateInput maxDate={now} minDate={`${addMonths(now.slice(0, 7), -1)}-01`} data-testid="visit-date" />
            </Form.Item>
            <Form.Item name="days" label="在项目时间">
              <Radio.Group optionType="button" buttonStyle="solid" size="large" options={[{ value: 0.5, label: '半天' }, { value: 1, label: '一天' }]} data-testid="visit-days" />
            </Form.Item>
          </div>
          <Form.Item name="found" label="现场发现" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
            <Input.TextArea rows={3} placeholder="进度、存在的困难和问题" data-testid="visit-found" />
          </Form.Item>
          <Form.Item name="decided" label="协调决定" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
            <Input.TextArea rows={3} placeholder="现场协调解决的事项、交办的单位和时限" data-testid="visit-decided" />
          </Form.Item>
        </Form>
      )}
      {visitId != null && <VisitPhotos visitId={visitId} isFresh={initialId == null} />}
    </Modal>
  );
}
