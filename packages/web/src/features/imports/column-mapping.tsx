import { Select, Table, Tag, Typography } from 'antd';
import type { ImportField } from '@tuijin/core';
import { choiceOf, FIELD_OPTIONS, fieldOf, SOURCE_TAG, sheetColumns, unitText, type FieldChoice, type SheetColumn } from './mapping';
import { SumChecks } from './sum-checks';
import type { ImportSheet, SkippedKind } from './types';

const SKIPPED_LABEL: Record<SkippedKind, string> = {
  group: '分组行', subtotal: '小计行', total: '合计行', blank: '空行', note: '说明行', signoff: '落款行',
};

const filterByLabel = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());

function skippedText(sheet: ImportSheet): string | null {
  if (!sheet.skipped.length) return null;
  const counts = new Map<SkippedKind, number>();
  for (const s of sheet.skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return `未作为项目读取的行：${[...counts].map(([kind, n]) => `${SKIPPED_LABEL[kind] ?? kind} ${n} 行`).join('、')}`;
}

interface SheetMappingProps {
  sheet: ImportSheet;
  /** The field each column is set to while a correction is on its way. */
  pending: Record<string, ImportField | null>;
  disabled: boolean;
  onChange: (index: number, field: ImportField | null) => void;
}

/** One worksheet's 「列对应关系」: what each column was read as, correctable column by column. */
export function SheetMapping({ sheet, pending, disabled, onChange }: SheetMappingProps) {
  const rows = sheetColumns(sheet);
  const unused = rows.filter((r) => !r.used);
  const skipped = skippedText(sheet);
  const [headerFrom, headerTo] = sheet.headerRows;
  return (
    <div data-testid={`import-sheet-${sheet.sheet}`} style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        列对应关系 · 工作表「{sheet.sheet}」
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {sheet.title ? `${sheet.title} · ` : ''}表头在第 {headerFrom === headerTo ? headerFrom : `${headerFrom}–${headerTo}`} 行
        {skipped ? ` · ${skipped}` : ''}。如某列识别有误，请在“导入为”中改正，预览会随之更新。
      </Typography.Paragraph>
      <Table<SheetColumn>
        size="small"
        bordered
        pagination={false}
        rowKey={(r) => r.column.index}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.used ? '' : 'import-unused-row')}
        data-testid={`import-mapping-${sheet.sheet}`}
        columns={[
          { title: '列', key: 'letter', width: 56, align: 'center', render: (_v, r) => <b>{r.column.letter}</b> },
          { title: '表中列名', key: 'header', render: (_v, r) => r.column.header || <Typography.Text type="secondary">（无列名）</Typography.Text> },
          {
            title: '导入为', key: 'field', width: 230,
            render: (_v, r) => {
              const key = String(r.column.index);
              const field = key in pending ? pending[key] : r.column.field;
              return (
                <Select<FieldChoice>
                  showSearch
                  size="small"
                  style={{ width: 210 }}
                  value={choiceOf(field)}
                  options={FIELD_OPTIONS}
                  filterOption={filterByLabel}
                  disabled={disabled}
                  onChange={(choice) => onChange(r.column.index, fieldOf(choice))}
                  data-testid={`import-map-${r.column.letter}`}
                />
              );
            },
          },
          { title: '单位', key: 'unit', width: 80, render: (_v, r) => unitText(r.column.unit) ?? '—' },
          {
            title: '识别方式', key: 'source', width: 96,
            render: (_v, r) => <Tag color={SOURCE_TAG[r.column.source].color} bordered={false}>{SOURCE_TAG[r.column.source].text}</Tag>,
          },
        ]}
      />
      {unused.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid={`import-unused-${sheet.sheet}`}>
          以下 {unused.length} 列不会导入（灰色行）：
          {unused.map((r) => `${r.column.letter}「${r.column.header || '无列名'}」`).join('、')}。如需导入，请为其选择对应的字段。
        </Typography.Paragraph>
      )}
      <SumChecks checks={sheet.checks} />
    </div>
  );
}
