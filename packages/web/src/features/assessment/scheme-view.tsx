import { useState } from 'react';
import { Alert, Button, Grid, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { periodText } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { MonthInput } from '../../components/date-input';
import { LoadError, PageSpin } from '../../components/page-state';
import { dateTime } from '../../components/format';
import { today } from '../../components/year-select';
import { useSchemes } from './api';
import { SchemeDocument } from './scheme-document';
import { SchemeEditor } from './scheme-editor';
import type { SchemeVersionView, SchemesView } from './types';

// 考核办法: the scheme in force for a chosen month, where it comes from (the county's own
// version, or a city's or the built-in one it follows), and the county's versions. The office
// revises it as a new version in force from a month on; months already published keep theirs.

function VersionsTable({ view, selected, onPick }: { view: SchemesView; selected: SchemeVersionView; onPick: (v: SchemeVersionView) => void }) {
  return (
    <Table<SchemeVersionView>
      size="small"
      bordered
      className="ledger-table nowrap-head"
      rowKey="version"
      pagination={false}
      dataSource={view.versions}
      data-testid="scheme-versions"
      scroll={{ x: 900 }}
      onRow={(v) => ({ onClick: () => onPick(v) })}
      locale={{ emptyText: `本地区尚未制定自己的考核办法，沿用${view.inheritedFrom ?? '系统默认'}` }}
      columns={[
        {
          title: '版本', dataIndex: 'version', width: 90,
          render: (n: number, v) => <Space size={4}><span className="num">第{n}版</span>{selected.id != null && v.id === selected.id && <Tag color="blue" bordered={false}>查看中</Tag>}</Space>,
        },
        { title: '名称', dataIndex: 'name', width: 220 },
        { title: '施行月份', dataIndex: 'effectiveFrom', width: 100, render: (p: string) => periodText(p) },
        { title: '修订说明', dataIndex: 'note', width: 300, render: (t: string | null) => <span style={{ whiteSpace: 'normal' }}>{t ?? '—'}</span> },
        { title: '修订人', dataIndex: 'createdByName', width: 100, render: (t: string | null) => t ?? '—' },
        { title: '修订时间', dataIndex: 'createdAt', width: 140, render: (t: string | null) => <span className="num">{dateTime(t)}</span> },
      ]}
    />
  );
}

export function SchemeView() {
  const me = useMe();
  const isNarrow = Grid.useBreakpoint().md === false;
  const [month, setMonth] = useState(today().slice(0, 7));
  const schemes = useSchemes(month);
  const [isEditing, setEditing] = useState(false);
  if (schemes.error) return <LoadError error={schemes.error} onRetry={() => void schemes.refetch()} />;
  if (!schemes.data) return <PageSpin />;
  const view = schemes.data;
  const shown = view.current;
  const inherited = view.inheritedFrom === '系统默认' ? '系统默认的考核办法' : `${view.inheritedFrom}的考核办法`;

  return (
    <div data-testid="scheme-view">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <div>
          <Space wrap size={8} style={{ fontSize: 15 }}>
            <MonthInput value={month} onChange={(m) => m && setMonth(m)} style={{ width: 130 }} data-testid="scheme-month" />
            <span data-testid="scheme-current">
              施行：<b>{shown.name}</b>{shown.id != null && ` 第${shown.version}版`}{shown.id != null && ` · 自${periodText(shown.effectiveFrom)}起施行`}
            </span>
          </Space>
          <Typography.Text type="secondary" data-testid="scheme-published-through" style={{ display: 'block', marginTop: 4 }}>
            {view.publishedThrough
              ? `考核结果已发布至${periodText(view.publishedThrough)}：修订的办法只能从此后的月份起施行`
              : '尚无已发布的考核结果'}
          </Typography.Text>
        </div>
        {me.can.manageAssessment && (isNarrow
          ? <Typography.Text type="secondary">修订考核办法请在电脑上操作</Typography.Text>
          : <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="scheme-revise">修订方案</Button>)}
      </div>
      {view.inheritedFrom && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="scheme-inherited"
          message={view.versions.length
            ? `${periodText(month)}早于${view.regionName}第一版考核办法的施行月份，该月沿用${inherited}。`
            : `${view.regionName}尚未制定自己的考核办法，沿用${inherited}。${me.can.manageAssessment ? '修订后保存为本地区的第1版。' : ''}`}
        />
      )}
      <SchemeDocument document={shown.document} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>版本记录</Typography.Title>
      <VersionsTable view={view} selected={shown} onPick={(v) => setMonth(v.effectiveFrom)} />
      {isEditing && <SchemeEditor view={view} from={view.versions[0] ?? shown} onClose={() => setEditing(false)} />}
    </div>
  );
}
