import { App, Col, Form, Input, Row } from 'antd';
import { useMe } from '../../app/auth';
import { blankToNull, changedValues } from '../../components/changed-values';
import { OrgSelect, RegionSelect } from '../../components/ref-selects';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useSavePerson, type Person, type PersonInputValues } from './api';

const FIELDS = ['name', 'title', 'phone', 'orgId', 'regionCode'];

export function PersonFormModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<PersonInputValues>();
  const { message } = App.useApp();
  const save = useSavePerson();
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);

  const submit = (raw: PersonInputValues) => run(async () => {
    const values = blankToNull(raw);
    const body = person ? changedValues<PersonInputValues>(blankToNull({ ...person }), values) : values;
    if (person && !Object.keys(body).length) return onClose();
    await save.mutateAsync({ id: person?.id, version: person?.version, values: body });
    message.success(person ? '已保存' : `已新增「${values.name}」`);
    onClose();
  });

  return (
    <SaveDialog
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      testId="person"
      width={640}
      saving={save.isPending}
      errors={errors}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<PersonInputValues>
        form={form}
        layout="vertical"
        initialValues={person ?? { regionCode: me.regionCode }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不能超过 50 个字' }]}>
              <Input data-testid="person-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label="职务" rules={[{ max: 100, message: '不能超过 100 个字' }]}>
              <Input placeholder="如：县委常委、副县长" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="电话" extra={person?.phone?.includes('*') ? '号码已脱敏显示；不修改则保持原号码' : undefined}>
              <Input placeholder="手机或固定电话" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgId" label="所属单位">
              <OrgSelect currentLabel={person?.orgName} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="regionCode" label="所属地区" rules={[{ required: true, message: '请选择所属地区' }]}>
              <RegionSelect />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveDialog>
  );
}
