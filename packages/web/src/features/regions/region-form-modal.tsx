import { App, Form, Input } from 'antd';
import { REGION_LEVELS, isRegionCode, isWithinRegion, levelOfCode, parentCode as parentOf } from '@tuijin/core';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useCreateRegion, useRenameRegion, type Region } from './api';

interface Values {
  code: string;
  name: string;
}

/** Adds a region under `parent`, or renames `region`. Codes follow GB/T 2260 (6 digits). */
export function RegionFormModal({ region, parent, onClose }: { region: Region | null; parent: Region | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateRegion();
  const rename = useRenameRegion();
  const { errors, run } = useDialogSave(form, { fields: ['code', 'name'] }, onClose);
  const code = Form.useWatch('code', form);
  const level = code && isRegionCode(code) ? levelOfCode(code) : null;

  const submit = (v: Values) => run(async () => {
    if (region) {
      await rename.mutateAsync({ code: region.code, name: v.name.trim(), version: region.version });
    } else {
      const c = v.code.trim();
      await create.mutateAsync({ code: c, name: v.name.trim(), level: levelOfCode(c), parentCode: parent?.code ?? parentOf(c) });
    }
    message.success('已保存');
    onClose();
  });

  const codeRule = {
    validator: (_r: unknown, value: string | undefined) => {
      const c = value?.trim() ?? '';
      if (!isRegionCode(c)) return Promise.reject(new Error('请填写 6 位行政区划代码'));
      if (parent && (c === parent.code || !isWithinRegion(c, parent.code, parent.level))) {
        return Promise.reject(new Error(`该代码不属于「${parent.name}」（${parent.code}）`));
      }
      return Promise.resolve();
    },
  };

  return (
    <SaveDialog
      title={region ? `重命名：${region.name}` : parent ? `在「${parent.name}」下添加地区` : '添加地区'}
      testId="region"
      saving={create.isPending || rename.isPending}
      errors={errors}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={region ?? { code: '', name: '' }} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="code"
          label="行政区划代码"
          rules={region ? [] : [codeRule]}
          extra={level ? `级别：${REGION_LEVELS.label[level]}` : '6 位数字（GB/T 2260），如 370124'}
        >
          <Input disabled={region != null} maxLength={6} data-testid="region-code" />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 50, message: '不能超过 50 个字' }]}>
          <Input placeholder="如：平阴县" data-testid="region-name" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
