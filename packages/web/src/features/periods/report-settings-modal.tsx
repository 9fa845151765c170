import { App, Col, Form, InputNumber, Row, Skeleton, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { InheritedSettingsAlert } from '../../components/inherited-settings';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import type { ReportSettingsView } from '../reports/types';
import { useReportSettings, useSaveReportSettings } from './api';
import { hashThresholdHint, HashThresholdInput } from './hash-threshold-input';

type Values = ReportSettingsView['settings'];
const FIELDS = ['deadlineDay', 'autoOpen', 'openDay', 'minPhotos', 'maxDistanceMetres', 'maxHashDistance', 'maxImageMb', 'maxVideoMb'];

function Num({ name, label, min, max, unit, extra, disabled }: { name: keyof Values; label: string; min: number; max: number; unit?: string; extra?: string; disabled?: boolean }) {
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }, { type: 'integer', min, max, message: `应为 ${min}–${max} 的整数` }]}>
      <InputNumber min={min} max={max} precision={0} addonAfter={unit} disabled={disabled} style={{ width: '100%' }} data-testid={`settings-${name}`} />
    </Form.Item>
  );
}

/**
 * 月报设置: when a month is due and opens, how many photos a report needs and how strictly they
 * are checked. A county without its own follows its city's (then province's) until it saves.
 */
export function ReportSettingsModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data, isPending } = useReportSettings();
  const save = useSaveReportSettings();
  const reload = () => {
    void client.invalidateQueries({ queryKey: ['settings', 'reports'] });
    onClose();
  };
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, reload);
  const autoOpen = Form.useWatch('autoOpen', form);
  const hashDistance = Form.useWatch('maxHashDistance', form);

  const submit = (values: Values) => run(async () => {
    if (!data) return;
    // A region's first settings of its own are created (version null) rather than updated.
    await save.mutateAsync({ ...values, version: data.inherited ? null : data.version });
    message.success('月报设置已保存，新开启的月份和新上传的照片按新设置执行');
    onClose();
  });

  return (
    <SaveDialog title="月报设置" testId="report-settings" width={640} saving={save.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      {isPending || !data ? <Skeleton active /> : (
        <>
          <InheritedSettingsAlert view={data} testId="settings-inherited" />
          <Form<Values> form={form} layout="vertical" initialValues={data.settings} onFinish={(v) => void submit(v)}>
            <Row gutter={16}>
              <Col xs={24} sm={12}><Num name="deadlineDay" label="报送截止日" min={1} max={28} unit="日" extra="次月的第几日截止，如 5 表示 11 月月报 12 月 5 日截止" /></Col>
              <Col xs={24} sm={12}><Num name="minPhotos" label="最少照片数" min={0} max={50} unit="张" extra="报送时至少上传的现场照片（本月无变化的除外）" /></Col>
              <Col xs={24} sm={12}>
                <Form.Item name="autoOpen" label="自动开启月报" valuePropName="checked" extra="到开启日由系统自动开启当月月报并通知项目单位">
                  <Switch checkedChildren="开" unCheckedChildren="关" data-testid="settings-autoOpen" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}><Num name="openDay" label="开启日" min={1} max={28} unit="日" extra="每月第几日自动开启" disabled={!autoOpen} /></Col>
              <Col xs={24} sm={12}><Num name="maxDistanceMetres" label="位置核验距离" min={50} max={50000} unit="米" extra="照片拍摄地点距项目位置超过此距离即核验不通过" /></Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="maxHashDistance"
                  label="相似照片阈值"
                  tooltip="新照片与已使用过的照片（本项目及本地区其他项目）比较“指纹”差异（0–20），差异不超过此值即判为重复照片，核验不通过。数值越大，越多相似照片被判为重复；0 只认完全相同。"
                  extra={hashThresholdHint(hashDistance)}
                  rules={[{ required: true, message: '请填写相似照片阈值' }, { type: 'integer', min: 0, max: 20, message: '应为 0–20 的整数' }]}
                >
                  <HashThresholdInput />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}><Num name="maxImageMb" label="照片大小上限" min={1} max={100} unit="MB" /></Col>
              <Col xs={24} sm={12}><Num name="maxVideoMb" label="视频大小上限" min={1} max={2000} unit="MB" /></Col>
            </Row>
          </Form>
        </>
      )}
    </SaveDialog>
  );
}
