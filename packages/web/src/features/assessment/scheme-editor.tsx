import { useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Space, Typography, type FormInstance } from 'antd';
import { METRIC_FORMULAS, periodText } from '@tuijin/core';
import { errorMessage, isApiError } from '../../app/api-client';
import { MonthInput } from '../../components/date-input';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { useSaveScheme } from './api';
import {
  checkInput, defaultFormula, firstAllowedMonth, placeIssue, serverIssues, toFormValues, toInput,
  type ItemValues, type PathIssue, type SchemeFormValues,
} from './scheme-form';
import { SchemeItemsEditor } from './scheme-items-editor';
import { SchemeRulesEditor } from './scheme-rules-editor';
import type { SchemeVersionView, SchemesView } from './types';

// 修订方案: the office edits the scheme in force and saves it as the county's next version,
// in force from a month after the last published one (published months keep their scores).
// The document is checked here with the same schema the server uses; the server's own field
// messages land on the same inputs. A desk's screen: the items table needs the width.

/** Paths of inputs this form renders; an issue about anything else is shown above the form. */
function isRendered(path: (string | number)[], values: SchemeFormValues): boolean {
  const [root, group, index, field, sub] = path;
  if (root === 'name' || root === 'effectiveFrom' || root === 'note') return path.length === 1;
  if (root !== 'document') return false;
  if (group === 'subjects') return path.length === 2;
  if (group === 'flags') return index === 'red' || index === 'yellow';
  if (group === 'grades') return typeof index === 'number' && (field === 'atLeast' || field === 'label');
  if (group !== 'items' || typeof index !== 'number') return false;
  const item = values.document.items[index];
  if (!item) return false;
  if (field === 'label' || field === 'metric' || field === 'weight') return path.length === 4;
  if (field !== 'formula') return false;
  const kind = item.formula.kind;
  if (sub === 'kind') return true;
  if (sub === 'full') return kind === 'ratio';
  if (sub === 'per' || sub === 'max') return kind === 'deduction' || kind === 'bonus';
  return sub === 'bands' && kind === 'bands' && path.length === 7;
}

export function SchemeEditor({ view, from, onClose }: { view: SchemesView; from: SchemeVersionView; onClose: () => void }) {
  const [form] = Form.useForm<SchemeFormValues>();
  // Paths built at run time (an item's row, a path an issue names) go through the untyped form.
  const byPath: FormInstance = form;
  const { message, modal } = App.useApp();
  const save = useSaveScheme();
  const [errors, setErrors] = useState<string[]>([]);
  const [isDirty, setDirty] = useState(false);
  useLeaveGuard(isDirty, '考核办法的修订尚未保存，离开后将会丢失。');
  const minMonth = firstAllowedMonth(view.publishedThrough);
  const nextVersion = view.latestOwnVersion + 1;

  const show = (issues: PathIssue[]) => {
    const values = form.getFieldsValue(true) as SchemeFormValues;
    const texts: string[] = [];
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const issue of issues) {
      const place = placeIssue(issue);
      if ('text' in place || !isRendered(place.field, values)) {
        texts.push('text' in place ? place.text : issue.message);
        continue;
      }
      const id = place.field.join('.');
      const entry = byField.get(id) ?? { name: place.field, errors: [] };
      entry.errors.push(issue.message);
      byField.set(id, entry);
    }
    byPath.setFields([...byField.values()]);
    setErrors(texts.length ? texts : [`还有 ${byField.size} 处需要修改，见标红的输入框`]);
    const first = byField.values().next();
    if (!texts.length && !first.done) byPath.scrollToField(first.value.name, { block: 'center' });
  };

  const submit = async () => {
    setErrors([]);
    try {
      await form.validateFields();
    } catch {
      setErrors(['有必填项未填写，见标红的输入框']);
      return;
    }
    const values = form.getFieldsValue(true) as SchemeFormValues;
    const checked = checkInput(toInput(values, view.latestOwnVersion));
    if (!checked.ok) return show(checked.issues);
    try {
      const saved = await save.mutateAsync(checked.value);
      setDirty(false);
      message.success(`已保存为第${saved.latestOwnVersion}版，自${periodText(checked.value.effectiveFrom)}起施行`);
      onClose();
    } catch (e) {
      if (isApiError(e, 'version_conflict')) {
        modal.warning({ title: '考核办法已被他人修订', content: `${e.message}。已载入最新版本，请在其基础上重新修订。`, okText: '知道了' });
        setDirty(false);
        onClose();
        return;
      }
      const issues = serverIssues(e);
      if (issues.length) show(issues);
      else setErrors([errorMessage(e)]);
    }
  };

  const close = () => {
    if (!isDirty) return onClose();
    modal.confirm({ title: '放弃本次修订？', content: '修改尚未保存，关闭后将会丢失。', okText: '放弃', okButtonProps: { danger: true }, cancelText: '继续修改', onOk: onClose });
  };

  /** A new metric keeps the formula if it allows it; a new formula starts from its defaults; a bonus item weighs 0. */
  const onValuesChange = (changed: Partial<SchemeFormValues>) => {
    setDirty(true);
    const rows = changed.document?.items;
    if (!rows) return;
    rows.forEach((row: Partial<ItemValues> | undefined, i: number) => {
      if (!row) return;
      const path = ['document', 'items', i];
      const item = byPath.getFieldValue(path) as ItemValues;
      if (row.metric) {
        const allowed = METRIC_FORMULAS[row.metric];
        if (!allowed.includes(item.formula.kind)) byPath.setFieldValue([...path, 'formula'], defaultFormula(allowed[0]!));
      }
      const kind = row.formula?.kind;
      if (kind && Object.keys(row.formula ?? {}).length === 1) byPath.setFieldValue([...path, 'formula'], defaultFormula(kind));
      const now = byPath.getFieldValue([...path, 'formula', 'kind']);
      if (now === 'bonus') byPath.setFieldValue([...path, 'weight'], 0);
      else if ((row.metric || kind) && item.weight === 0) byPath.setFieldValue([...path, 'weight'], null);
    });
  };

  return (
    <Drawer
      open
      width={Math.min(1280, window.innerWidth - 40)}
      title={`修订考核办法（将保存为第${nextVersion}版）`}
      onClose={close}
      maskClosable={false}
      destroyOnHidden
      data-testid="scheme-editor"
      extra={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="scheme-save">保存为新版本</Button>
        </Space>
      }
    >
      {errors.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="scheme-errors"
          message={errors.length === 1 ? errors[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{errors.map((e) => <li key={e}>{e}</li>)}</ul>} />
      )}
      <Typography.Paragraph type="secondary">
        以「{from.name}」{from.id != null ? `第${from.version}版` : ''}为底稿修订。保存后成为新版本，从施行月份起的月度计分使用新版本；之前各月仍按当时施行的版本计分。
      </Typography.Paragraph>
      <Form<SchemeFormValues> form={form} layout="vertical" initialValues={toFormValues(view, from)} onValuesChange={onValuesChange}>
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(240px, 2fr) minmax(200px, 1fr)', gap: '0 16px' }}>
          <Form.Item name="name" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
            <Input maxLength={60} data-testid="scheme-name" />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label="施行月份"
            rules={[{ required: true, message: '请选择施行月份' }]}
            extra={view.publishedThrough
              ? `须晚于已发布考核结果的最后一个月（${periodText(view.publishedThrough)}），已发布月份的得分不再改变`
              : '自该月起的月度计分使用新版本'}
          >
            <MonthInput minDate={minMonth ? `${minMonth}-01` : undefined} data-testid="scheme-effective-from" />
          </Form.Item>
        </div>
        <Form.Item name="note" label="修订说明" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
          <Input.TextArea rows={2} placeholder="改了什么、为什么改，如：提高投资完成情况分值，增加问题解决分档" data-testid="scheme-note" />
        </Form.Item>
        <Typography.Title level={5}>考核项</Typography.Title>
        <SchemeItemsEditor form={form} />
        <Typography.Title level={5} style={{ marginTop: 24 }}>考核对象、红黄旗和等次</Typography.Title>
        <SchemeRulesEditor />
      </Form>
    </Drawer>
  );
}
