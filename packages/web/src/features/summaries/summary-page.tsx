import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Collapse, Form, Input, Row, Space, Tooltip, Typography } from 'antd';
import { DownloadOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../app/api-client';
import { applyServerErrors } from '../../components/form-errors';
import { dateTime } from '../../components/format';
import { LoadError, PageSpin } from '../../components/page-state';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { currentYear, YearSelect } from '../../components/year-select';
import { editorText, useBasicSummary, useResetSummary, useSaveSummary, type BasicSummary } from './api';
import { SummaryChecks } from './summary-checks';
import { CategoryTable, FigureList } from './summary-figures';

// /summaries 「年度总结」: the year's 「一、基本情况」 drafted from the ledger in the office's own
// words; the office edits and saves it (versioned: a stale save is refused and explained),
// resets it to the draft, and downloads it as Word. Readers see the text as it stands. Every
// number is listed beside it, with the data checks that make one doubtful.

function Paragraphs({ paragraphs, testId }: { paragraphs: string[]; testId: string }) {
  return (
    <div data-testid={testId} className="summary-text">
      {paragraphs.map((p, i) => <Typography.Paragraph key={i} style={{ textIndent: '2em', lineHeight: 1.9, marginBottom: 8 }}>{p}</Typography.Paragraph>)}
    </div>
  );
}

function status(s: BasicSummary): string {
  if (!s.saved) return '系统按台账生成的草稿（尚未保存修改稿）';
  return `已保存的修改稿 · 第 ${s.saved.version} 版 · ${s.saved.updatedByName ?? '—'} 于 ${dateTime(s.saved.updatedAt)} 保存`;
}

export function SummaryPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const { data, error, isLoading, refetch } = useBasicSummary(year);
  const save = useSaveSummary(year);
  const reset = useResetSummary(year);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const text = Form.useWatch('text', form) ?? '';
  // The text the editor was last filled with: edits are what differs from it.
  const [baseline, setBaseline] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [lost, setLost] = useState<string | null>(null);
  const isDirty = baseline != null && text !== baseline;
  useLeaveGuard(isDirty, '年度总结的修改尚未保存，离开后将会丢失。');

  // A fresh answer (first load, a save, a reset, another year) refills the editor, unless the
  // office is in the middle of an edit.
  const incoming = data ? editorText(data) : null;
  useEffect(() => {
    if (incoming == null || isDirty) return;
    form.setFieldsValue({ text: incoming });
    setBaseline(incoming);
    // isDirty is read, not followed: finishing an edit must not refill the editor.
  }, [incoming, form]);

  if (isLoading) return <PageSpin />;
  if (error || !data) return <LoadError error={error} onRetry={() => void refetch()} />;

  const fill = (value: string) => {
    form.setFieldsValue({ text: value });
    setBaseline(value);
  };
  const changeYear = (next: number) => {
    const go = () => {
      setBaseline(null);
      setLost(null);
      setParams({ year: String(next) }, { replace: true });
    };
    if (!isDirty) return go();
    modal.confirm({ title: '切换年度？', content: '本年度的修改尚未保存，切换后将会丢失。', okText: '切换', cancelText: '留在本年度', onOk: go });
  };

  const onSave = async () => {
    setErrors([]);
    try {
      const { text: value } = await form.validateFields();
      const saved = await save.mutateAsync({ text: value, version: data.saved?.version ?? 0 });
      fill(editorText(saved));
      setLost(null);
      message.success('年度总结已保存');
    } catch (e) {
      if (isApiError(e, 'version_conflict')) {
        setLost(text);
        const latest = await refetch();
        if (latest.data) fill(editorText(latest.data));
        modal.warning({ title: '年度总结已被他人修改', content: '编辑框已换成最新保存的文字；您刚才的修改没有保存，列在编辑框下方，可复制后重新修改。', okText: '知道了' });
      } else if (e instanceof Error || isApiError(e)) {
        setErrors(applyServerErrors(form, e, { fields: ['text'] }));
      }
    }
  };

  const onReset = () => modal.confirm({
    title: '恢复为系统生成的文字？',
    content: data.saved ? '已保存的修改稿将被删除，文字恢复为按当前台账生成的草稿。' : '编辑框中未保存的修改将被丢弃。',
    okText: '恢复', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      if (!data.saved) return fill(editorText(data));
      try {
        fill(editorText(await reset.mutateAsync({ version: data.saved.version })));
        message.success('已恢复为系统生成的文字');
      } catch (e) {
        if (isApiError(e, 'version_conflict')) {
          await refetch();
          modal.warning({ title: '年度总结已被他人修改', content: '页面已刷新为最新内容，请查看后再操作。', okText: '知道了' });
        } else message.error(errorMessage(e));
      }
    },
  });

  const checks = { data: data.generated.inconsistencies, text: data.saved?.inconsistencies ?? [] };
  return (
    <div data-testid="summary-page">
      <div className="page-card" style={{ marginBottom: 12 }}>
        <div className="page-title">
          <Space align="baseline" size={12}>
            <h1>年度总结</h1>
            <Typography.Text type="secondary">{data.regionName} · 一、基本情况 · 由台账数据生成，可修改后下载 Word</Typography.Text>
          </Space>
          <Space>
            <YearSelect value={year} onChange={changeYear} testId="summary-year" />
            <Tooltip title={isDirty ? 'Word 文件按已保存的文字生成，未保存的修改不在其中' : undefined}>
              <Button icon={<DownloadOutlined />} href={data.docxUrl} download data-testid="summary-download">下载Word</Button>
            </Tooltip>
          </Space>
        </div>
        <div className="meta-line" data-testid="summary-status"><span>{year} 年</span><span>{status(data)}</span></div>
        {data.saved?.isDraftChanged && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon data-testid="summary-draft-changed"
            message="保存修改稿后台账数据已有变化：系统按当前台账生成的文字与保存时不同，请核对下方「系统按当前台账生成的文字」，或恢复为系统生成。" />
        )}
      </div>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <div className="page-card">
            <div className="page-title">
              <h1>一、基本情况</h1>
              {data.canEdit && (
                <Space>
                  {(data.saved || isDirty) && <Button icon={<RollbackOutlined />} onClick={onReset} loading={reset.isPending} data-testid="summary-reset">恢复为系统生成</Button>}
                  <Button type="primary" icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending} disabled={!isDirty && !!data.saved} data-testid="summary-save">保存</Button>
                </Space>
              )}
            </div>
            {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
            {data.canEdit ? (
              <Form form={form} layout="vertical" requiredMark={false}>
                <Form.Item name="text" rules={[{ required: true, whitespace: true, message: '总结内容不能为空' }]} extra="每段一行（段与段之间的空行只为看得清楚）；保存后下载的 Word 文件即为此处文字。" style={{ marginBottom: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 14 }} style={{ lineHeight: 1.9, fontSize: 15 }} data-testid="summary-text-input" />
                </Form.Item>
              </Form>
            ) : (
              <Paragraphs paragraphs={data.saved ? data.saved.text.split('\n').filter((p) => p.trim()) : data.generated.paragraphs} testId="summary-text" />
            )}
            {lost != null && (
              <Alert style={{ marginTop: 12 }} type="warning" showIcon closable onClose={() => setLost(null)} data-testid="summary-lost"
                message="您未保存的修改（他人已先保存）：" description={<Typography.Paragraph copyable style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{lost}</Typography.Paragraph>} />
            )}
            {data.saved && (
              <Collapse style={{ marginTop: 12 }} size="small" items={[{ key: 'draft', label: '系统按当前台账生成的文字', children: <Paragraphs paragraphs={data.generated.paragraphs} testId="summary-generated" /> }]} />
            )}
          </div>
        </Col>
        <Col xs={24} xl={9}>
          {data.hasChecks && <div style={{ marginBottom: 12 }}><SummaryChecks data={checks.data} text={checks.text} /></div>}
          <div className="page-card">
            <div className="page-title">
              <h1>基本情况统计表</h1>
              <Typography.Text type="secondary">金额单位：亿元</Typography.Text>
            </div>
            <CategoryTable rows={data.generated.byCategory} />
          </div>
        </Col>
      </Row>
      <div className="page-card" style={{ marginTop: 12 }}>
        <div className="page-title">
          <Space align="baseline" size={12}>
            <h1>各项数字</h1>
            <Typography.Text type="secondary">文中每个数字都由台账计算，可逐项核对</Typography.Text>
          </Space>
        </div>
        <FigureList figures={data.generated.figures} />
      </div>
    </div>
  );
}
