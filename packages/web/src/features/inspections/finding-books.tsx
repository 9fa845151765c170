import { Descriptions, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { formatAmountAuto, REPORT_STATUS_LABEL, STAGE_LABEL, type ReportStatus } from '@tuijin/core';
import { Link } from 'react-router-dom';
import { periodLabel } from '../periods/period-format';
import type { FindingSheet } from './api';

// 账面: what the books say before the inspector looks — the latest report sent (its 形象进度 and
// the money since the start) and the ledger (stage, key nodes with the day each was met).

export function BooksCard({ sheet }: { sheet: FindingSheet }) {
  const { report, nodes, stage } = sheet.books;
  return (
    <div data-testid="finding-books">
      {report ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          依据 <Link to={`/reports/${report.id}`} data-testid="finding-books-report">{periodLabel(report.period)}月报</Link>
          <Tag style={{ marginInlineStart: 6 }}>{REPORT_STATUS_LABEL[report.status as ReportStatus] ?? report.status}</Tag>
          {report.noChange && <Tag color="default">本月无变化</Tag>}
          {report.figuresFrom && <Typography.Text type="secondary" data-testid="finding-books-figures-from">形象进度和投资沿用{periodLabel(report.figuresFrom)}月报</Typography.Text>}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>该项目还没有报送过月报，只能与台账对照。</Typography.Paragraph>
      )}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="形象进度"><span data-testid="finding-books-progress">{report?.progress ?? '—'}</span></Descriptions.Item>
        <Descriptions.Item label="累计完成投资"><span className="num">{report?.cumulative != null ? formatAmountAuto(report.cumulative) : '—'}</span></Descriptions.Item>
        <Descriptions.Item label="台账阶段">{STAGE_LABEL[stage]}</Descriptions.Item>
        <Descriptions.Item label="关键节点">
          {nodes.length ? (
            <ul className="report-list" style={{ paddingLeft: 0, listStyle: 'none' }}>
              {nodes.map((n) => (
                <li key={n.id} data-testid="finding-books-node">
                  {n.reportedMetOn ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <ClockCircleOutlined style={{ color: '#8c8c8c' }} />}{' '}
                  {n.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.reportedMetOn ? `（已完成 ${n.reportedMetOn}）` : `（计划 ${n.plannedDate}）`}</Typography.Text>
                </li>
              ))}
            </ul>
          ) : '台账未设关键节点'}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
