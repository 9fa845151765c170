import { Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import { FORMULA_LABEL, formulaText, METRIC_HINT, METRIC_LABEL, SUBJECT_LABEL, type SchemeItem, type ScoringScheme } from '@tuijin/core';

// A scheme document as a reader sees it: the items with what each measures and how it scores
// (the same words an explanation prints), who is ranked, the flags and the year-end grades.

export function gradesText(grades: ScoringScheme['grades']): string {
  return grades.map((g) => `${g.atLeast}分及以上为${g.label}`).join('；');
}

export function SchemeDocument({ document: doc }: { document: ScoringScheme }) {
  const full = doc.items.reduce((n, i) => n + i.weight, 0);
  return (
    <div data-testid="scheme-document">
      <Table<SchemeItem>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={doc.items}
        data-testid="scheme-items-view"
        scroll={{ x: 820 }}
        columns={[
          { title: '序号', key: 'n', width: 56, align: 'center', render: (_v, _i, n) => <span className="num">{n + 1}</span> },
          { title: '考核项', dataIndex: 'label', width: 150, render: (v: string) => <b>{v}</b> },
          {
            title: '考核指标', key: 'metric', width: 280,
            render: (_v, i) => (
              <>
                <div>{METRIC_LABEL[i.metric]}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{METRIC_HINT[i.metric]}</Typography.Text>
              </>
            ),
          },
          { title: '分值', dataIndex: 'weight', width: 64, align: 'right', render: (v: number, i) => <span className="num">{i.formula.kind === 'bonus' ? '加分' : v}</span> },
          {
            title: '计分方法', key: 'formula', width: 300,
            render: (_v, i) => <><Tag bordered={false}>{FORMULA_LABEL[i.formula.kind]}</Tag>{formulaText(i.formula, i.weight)}</>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3} align="right">合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><b className="num">{Math.round(full * 100) / 100}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={2}><Typography.Text type="secondary">加分项另计，总分可超过100分</Typography.Text></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'subjects', label: '考核对象', children: <span data-testid="scheme-subjects-view">{doc.subjects.map((s) => SUBJECT_LABEL[s]).join('、')}（单位、领导和地区的得分为其项目得分的平均数）</span> },
          {
            key: 'flags', label: '红黄旗',
            children: <Tooltip title="并列的一同授旗">{`每类排名前${doc.flags.red}名授红旗，后${doc.flags.yellow}名授黄旗`}{doc.flags.red === 0 && doc.flags.yellow === 0 ? '（不授旗）' : ''}</Tooltip>,
          },
          { key: 'grades', label: '年度等次', children: `${gradesText(doc.grades)}（按全年各月得分的平均数评定）` },
        ]}
      />
    </div>
  );
}
