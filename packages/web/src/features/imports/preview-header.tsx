import { Button, Descriptions, Select, Space, Tag, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { yearOptions } from '../../components/year-select';
import type { ImportCounts, ImportPreview } from './types';

const COUNT_TAGS: { key: keyof ImportCounts; label: string; color: string; unit: string }[] = [
  { key: 'create', label: '新增', color: 'green', unit: '个' },
  { key: 'update', label: '更新', color: 'blue', unit: '个' },
  { key: 'unchanged', label: '无变化', color: 'default', unit: '个' },
  { key: 'errors', label: '错误', color: 'red', unit: '处' },
  { key: 'warnings', label: '提示', color: 'orange', unit: '处' },
];

export function CountTags({ counts }: { counts: ImportCounts }) {
  return (
    <Space size={4} wrap data-testid="import-counts">
      {COUNT_TAGS.map(({ key, label, color, unit }) => (
        <Tag key={key} color={counts[key] > 0 ? color : 'default'} bordered={false} data-testid={`import-count-${key}`}>
          {label} <b className="num">{counts[key]}</b> {unit}
        </Tag>
      ))}
    </Space>
  );
}

/** 截至 N 月 as the sheets say it (several sheets may differ). */
function throughText(preview: ImportPreview): string {
  const months = [...new Set(preview.sheets.map((s) => s.throughMonth).filter((m): m is number => m != null))];
  const dates = [...new Set(preview.sheets.map((s) => s.asOf).filter((d): d is string => Boolean(d)))];
  if (months.length) return months.map((m) => `${m} 月`).join('、') + (dates.length ? `（${dates.join('、')}）` : '');
  return dates.length ? dates.join('、') : '表中未注明';
}

function commitBlocker(counts: ImportCounts): string | null {
  if (counts.errors > 0) return `还有 ${counts.errors} 处错误（红色标出），请改正文件后重新上传，或调整列对应关系后再导入`;
  return null;
}

interface PreviewHeaderProps {
  preview: ImportPreview;
  isBusy: boolean;
  isCommitting: boolean;
  isDiscarding: boolean;
  onYear: (year: number) => void;
  onCommit: () => void;
  onDiscard: () => void;
}

export function PreviewHeader({ preview, isBusy, isCommitting, isDiscarding, onYear, onCommit, onDiscard }: PreviewHeaderProps) {
  const blocker = commitBlocker(preview.counts);
  const titles = [...new Set(preview.sheets.map((s) => s.title).filter(Boolean))];
  return (
    <>
      <div className="page-title">
        <h1>导入预览</h1>
        <Space>
          <Button icon={<CloseOutlined />} onClick={onDiscard} loading={isDiscarding} disabled={isCommitting} data-testid="import-discard">
            放弃
          </Button>
          <Tooltip title={blocker}>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={onCommit}
              loading={isCommitting}
              disabled={blocker != null || isBusy}
              data-testid="import-commit"
            >
              确认导入
            </Button>
          </Tooltip>
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 8 }} data-testid="import-summary">
        <Descriptions.Item label="文件">{preview.filename}</Descriptions.Item>
        <Descriptions.Item label="年度">
          {/* The sheet's own year wins; this one files the figures when the sheet does not say (0: not known). */}
          <Tooltip title="表格标题或表头注明年度的，以表中为准；未注明的按此年度导入">
            <Select<number>
              size="small"
              style={{ width: 110 }}
              value={preview.year || undefined}
              placeholder="请选择"
              status={preview.year ? undefined : 'error'}
              options={yearOptions()}
              disabled={isBusy}
              onChange={onYear}
              data-testid="import-preview-year"
            />
          </Tooltip>
        </Descriptions.Item>
        <Descriptions.Item label="数据截至">{throughText(preview)}</Descriptions.Item>
        <Descriptions.Item label="工作表">{preview.sheets.map((s) => s.sheet).join('、')}</Descriptions.Item>
        {titles.length > 0 && <Descriptions.Item label="表格标题" span="filled">{titles.join('；')}</Descriptions.Item>}
      </Descriptions>
      <Space wrap size={8}>
        <span>预计结果</span>
        <CountTags counts={preview.counts} />
      </Space>
    </>
  );
}
