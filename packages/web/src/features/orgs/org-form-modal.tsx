import { App, Col, Form, Input, Row, Select } from 'antd';
import { ORG_KINDS, isValidUscc, normalizeUscc, type OrgKind } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { blankToNull, changedValues } from '../../components/changed-values';
import { RegionSelect } from '../../components/ref-selects';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useSaveOrg, type Org, type OrgInputValues } from './api';

const FIELDS = ['kind', 'name', 'shortName', 'regionCode', 'uscc', 'address', 'contactName', 'contactPhone'];

/** 统一社会信用代码: checked here for an instant answer; the server checks again. */
const usccRule = {
  validator: (_r: unknown, value: string | null | undefined) => {
    if (!value || !value.trim()) return Promise.resolve();
    const code = normalizeUscc(value);
    if (code.length !== 18) return Promise.reject(new Error(`统一社会信用代码应为 18 位，当前 ${code.length} 位`));
    return isValidUscc(code) ? Promise.resolve() : Promise.reject(new Error('统一社会信用代码校验位不正确，请核对'));
  },
};

export function OrgFormModal({ org, defaultKind, onClose }: { org: Org | null; defaultKind?: OrgKind; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<OrgInputValues>();
  const { message } = App.useApp();
  const save = useSaveOrg();
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);
  const kind = Form.useWatch('kind', form);

  const initialValues: Partial<OrgInputValues> = org ?? { kind: defaultKind ?? 'company', regionCode: me.regionCode };

  const submit = (raw: OrgInputValues) => run(async () => {
    const values = blankToNull({ ...raw, uscc: raw.uscc ? normalizeUscc(raw.uscc) : null });
    const body = org ? changedValues<OrgInputValues>(blankToNull({ ...org }), values) : values;
    if (org && !Object.keys(body).length) return onClose();
    await save.mutateAsync({ id: org?.id, version: org?.version, values: body });
    message.success(org ? '已保存' : `已新增「${values.name}」`);
    onClose();
  });

  return (
    <SaveDialog
      title={org ? `编辑单位：${org.name}` : '新增单位'}
      testId="org"
      width={760}
      saving={save.isPending}
      errors={errors}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<OrgInputValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
              <Select options={ORG_KINDS.options} data-testid="org-kind" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 100, message: '不能超过 100 个字' }]}>
              <Input data-testid="org-name" placeholder="全称，与营业执照或机构名称一致" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="shortName" label="简称" rules={[{ max: 50, message: '不能超过 50 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="regionCode" label="所属地区" rules={[{ required: true, message: '请选择所属地区' }]}>
              <RegionSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="uscc"
              label="统一社会信用代码"
              rules={[usccRule]}
              extra={kind === 'company' ? '企业请填写，保存时校验校验位' : undefined}
            >
              <Input maxLength={20} placeholder="18 位，如 91370100MA3C5XXXXX" style={{ textTransform: 'uppercase' }} data-testid="org-uscc" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label="地址" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactName" label="联系人" rules={[{ max: 50, message: '不能超过 50 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label="联系电话" extra={org?.contactPhone?.includes('*') ? '号码已脱敏显示；不修改则保持原号码' : undefined}>
              <Input placeholder="手机或固定电话，如 0531-88888888" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </SaveDialog>
  );
}
