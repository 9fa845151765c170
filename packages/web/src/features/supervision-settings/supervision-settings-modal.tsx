import { useState } from 'react';
import { App, Button, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SupervisionSettings } from '@tuijin/core';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { InheritedSettingsAlert, type InheritedSettings } from '../../components/inherited-settings';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';

// 督导设置: the ladder's timers (when an overdue obstacle is reminded, goes to 督办, then 约谈),
// the default time to solve one, where 序时进度 warnings turn yellow and red, and the days a
// month each 包保领导 commits to spend at the projects. A county without its own follows its
// city's (then province's) until it saves. Office only; everyone in scope can read them.

interface SupervisionSettingsView extends InheritedSettings {
  settings: SupervisionSettings;
  version: number | null;
}

const KEY = ['settings', 'supervision'];
const FIELDS: (keyof SupervisionSettings)[] = ['remindAfterDays', 'superviseAfterDays', 'interviewAfterDays', 'defaultDeadlineDays', 'behindYellow', 'behindRed', 'visitDaysPerMonth'];

export function useSupervisionSettings(enabled = true) {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<SupervisionSettingsView>('/settings/supervision'), enabled });
}

function Num({ name, label, min, max, unit, extra, step = 1 }: { name: keyof SupervisionSettings; label: string; min: number; max: number; unit: string; extra?: string; step?: number }) {
  const integer = step === 1;
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }, { type: 'number', min, max, message: `应为 ${min}–${max}${integer ? ' 的整数' : ''}` }]}>
      <InputNumber min={min} max={max} step={step} precision={integer ? 0 : 1} addonAfter={unit} style={{ width: '100%' }} data-testid={`supervision-${name}`} />
    </Form.Item>
  );
}

export function SupervisionSettingsModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<SupervisionSettings>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data, isPending } = useSupervisionSettings();
  const save = useMutation({
    mutationFn: (body: SupervisionSettings & { version: number | null }) => api.put<SupervisionSettingsView>('/settings/supervision', body),
    onSuccess: (view) => client.setQueryData(KEY, view),
  });
  const reload = () => {
    void client.invalidateQueries({ queryKey: KEY });
    onClose();
  };
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, reload);

  const submit = (values: SupervisionSettings) => run(async () => {
    if (!data) return;
    await save.mutateAsync({ ...values, version: data.inherited ? null : data.version });
    void client.invalidateQueries({ queryKey: ['obstacles'] });
    void client.invalidateQueries({ queryKey: ['site-visits'] });
    message.success('督导设置已保存：未销号问题的升级时间一小时内按新设置重排，预警下次计算时按新标准');
    onClose();
  });

  return (
    <SaveDialog title="督导设置" testId="supervision-settings" width={680} saving={save.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      {isPending || !data ? <Skeleton active /> : (
        <>
          <InheritedSettingsAlert view={data} testId="supervision-settings-inherited" />
          <Form<SupervisionSettings> form={form} layout="vertical" initialValues={data.settings} onFinish={(v) => void submit(v)}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>问题自动升级</Typography.Title>
            <Row gutter={16}>
              <Col xs={24} sm={12}><Num name="defaultDeadlineDays" label="默认办理期限" min={1} max={365} unit="天" extra="登记问题未填期限时，自登记起的办理天数" /></Col>
              <Col xs={24} sm={12}><Num name="remindAfterDays" label="逾期后提醒" min={0} max={90} unit="天" extra="超过办理期限多少天自动「提醒」，0 表示到期次日" /></Col>
              <Col xs={24} sm={12}><Num name="superviseAfterDays" label="提醒后转督办" min={0} max={180} unit="天" extra="「提醒」后仍未办结，多少天后升级为「督办」" /></Col>
              <Col xs={24} sm={12}><Num name="interviewAfterDays" label="督办后转约谈" min={0} max={180} unit="天" extra="「督办」后仍未办结，多少天后升级为「约谈」" /></Col>
            </Row>
            <Typography.Title level={5}>投资进度预警</Typography.Title>
            <Row gutter={16}>
              <Col xs={24} sm={12}><Num name="behindYellow" label="黄色预警" min={1} max={100} unit="个百分点" extra="年度投资完成率落后序时进度达到此值为黄色" /></Col>
              <Col xs={24} sm={12}><Num name="behindRed" label="红色预警" min={1} max={100} unit="个百分点" extra="落后超过此值为红色（须大于黄色）" /></Col>
            </Row>
            <Typography.Title level={5}>领导走访</Typography.Title>
            <Row gutter={16}>
              <Col xs={24} sm={12}><Num name="visitDaysPerMonth" label="每月到项目天数" min={0} max={31} step={0.5} unit="天" extra="每位包保领导每月承诺到项目现场的天数（可按半天计）" /></Col>
            </Row>
          </Form>
        </>
      )}
    </SaveDialog>
  );
}

/** The button that opens it, for the office (who may change the ladder). */
export function SupervisionSettingsButton() {
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (!me.can.manageObstacles) return null;
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="supervision-settings-open">督导设置</Button>
      {open && <SupervisionSettingsModal onClose={() => setOpen(false)} />}
    </>
  );
}
