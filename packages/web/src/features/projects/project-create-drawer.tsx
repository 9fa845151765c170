import { useState } from 'react';
import { App, Button, Col, Drawer, Form, Row, Select, Space } from 'antd';
import { STAGE_OPTIONS } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { applyServerErrors } from '../../components/form-errors';
import { DateInput } from '../../components/date-input';
import { today } from '../../components/year-select';
import { useCreateProject } from './api';
import { ALL_SECTIONS, fieldsOf, fromFormValues, type ProjectFormValues } from './form-values';
import { ProjectForm } from './project-form';

// A project enters the ledger when it is signed (签约); leads still being pursued may be
// entered as 谋划/储备, and projects taken over from an older ledger at a later stage.
const ENTRY_STAGES = STAGE_OPTIONS.filter((o) => o.value !== 'terminated' && o.value !== 'suspended');

export function ProjectCreateDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const create = useCreateProject();
  const [errors, setErrors] = useState<string[]>([]);
  const fields = fieldsOf(ALL_SECTIONS);

  const initialValues: ProjectFormValues = {
    regionCode: me.regionLevel === 'county' ? me.regionCode : undefined,
    nature: 'new',
    stage: 'signed',
    stageDate: today(),
    hasForeign: false,
    fundingSources: [],
    tags: [],
  };

  const submit = async (values: ProjectFormValues) => {
    setErrors([]);
    try {
      const detail = await create.mutateAsync({
        ...fromFormValues(values, fields),
        stage: values.stage,
        stageDate: values.stageDate ?? null,
      });
      message.success(`已新增项目「${detail.name}」`);
      onClose();
      onCreated(detail.id);
    } catch (error) {
      setErrors(applyServerErrors(form, error, { fields: [...fields, 'stage', 'stageDate'], lists: ['fundingSources'] }));
    }
  };

  return (
    <Drawer
      open
      title="新增项目"
      width={Math.min(1080, window.innerWidth - 40)}
      onClose={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="project-create-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="project-form-save">保存</Button>
        </Space>
      }
    >
      <ProjectForm form={form} sections={ALL_SECTIONS} initialValues={initialValues} onFinish={(v) => void submit(v)} errors={errors}>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="stage" label="当前阶段" rules={[{ required: true, message: '请选择当前阶段' }]}>
              <Select options={ENTRY_STAGES} data-testid="project-stage" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="stageDate" label="进入该阶段日期" extra="如签约日期">
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      </ProjectForm>
    </Drawer>
  );
}
