import { useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { KEY_LIST_LEVELS, type KeyListLevel } from '@tuijin/core';
import { errorMessage } from '../../app/api-client';
import { applyServerErrors } from '../../components/form-errors';
import { LEVEL_COLOR } from '../../components/tags';
import { text } from '../../components/format';
import { currentYear, yearOptions } from '../../components/year-select';
import { useAddKeyList, useRemoveKeyList } from './api';
import type { KeyListEntry, ProjectDetail } from './types';

interface Values {
  year: number;
  level: KeyListLevel;
  docNo?: string;
}

/** 重点级别: the key lists (县/市/省/国家) a project is on, year by year. */
export function KeyListsTab({ detail }: { detail: ProjectDetail }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const add = useAddKeyList(detail.id);
  const remove = useRemoveKeyList(detail.id);
  const [errors, setErrors] = useState<string[]>([]);
  const rows = [...detail.keyLists].sort((a, b) => b.year - a.year || KEY_LIST_LEVELS.ids.indexOf(b.level) - KEY_LIST_LEVELS.ids.indexOf(a.level));

  const submit = async (v: Values) => {
    setErrors([]);
    const isDuplicate = detail.keyLists.some((k) => k.year === v.year && k.level === v.level);
    if (isDuplicate) {
      setErrors([`该项目已列入 ${v.year} 年${KEY_LIST_LEVELS.label[v.level]}`]);
      return;
    }
    try {
      await add.mutateAsync({ year: v.year, level: v.level, docNo: v.docNo?.trim() || null });
      message.success('已添加');
      form.resetFields(['docNo']);
    } catch (e) {
      setErrors(applyServerErrors(form, e, { fields: ['year', 'level', 'docNo'] }));
    }
  };

  const handleRemove = async (entry: KeyListEntry) => {
    try {
      await remove.mutateAsync(entry.id);
      message.success('已移除');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      {detail.canEdit && (
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{ year: currentYear() }}
          onFinish={(v) => void submit(v)}
          style={{ marginBottom: 12, rowGap: 8 }}
          data-testid="key-list-form"
        >
          <Form.Item name="year" rules={[{ required: true, message: '请选择年度' }]}>
            <Select options={yearOptions()} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="level" rules={[{ required: true, message: '请选择重点级别' }]}>
            <Select options={KEY_LIST_LEVELS.options} placeholder="重点级别" style={{ width: 140 }} data-testid="key-list-level" />
          </Form.Item>
          <Form.Item name="docNo" rules={[{ max: 100, message: '不能超过 100 个字' }]}>
            <Input placeholder="文号（选填），如 ×发改〔2024〕12号" style={{ width: 280 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="key-list-add">添加</Button>
        </Form>
      )}
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Table<KeyListEntry>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={rows}
        data-testid="key-lists-table"
        locale={{ emptyText: <Empty description="尚未列入各级重点项目" /> }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y} 年` },
          { title: '重点级别', dataIndex: 'level', width: 160, render: (l: KeyListLevel) => <Tag color={LEVEL_COLOR[l]}>{KEY_LIST_LEVELS.label[l]}</Tag> },
          { title: '文号', dataIndex: 'docNo', render: (v: string | null) => text(v) },
          ...(detail.canEdit
            ? [{
                title: '操作', key: 'op', width: 80,
                render: (_v: unknown, entry: KeyListEntry) => (
                  <Popconfirm title="从该重点项目名单中移除？" okText="移除" cancelText="取消" onConfirm={() => void handleRemove(entry)}>
                    <Button type="link" size="small" danger>移除</Button>
                  </Popconfirm>
                ),
              }]
            : []),
        ]}
      />
    </>
  );
}
