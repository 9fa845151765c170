import type { ReactNode } from 'react';
import { Alert, Button, Space, Tooltip } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { BulletinView } from '@tuijin/core';
import { dateTime } from '../../components/format';
import { dateLabel, periodLabel } from '../periods/period-format';
import { docxUrl } from './api';
import { BulletinStatusTag, ShortHash } from './bulletin-tags';

/** 下载Word: the file stored at publishing, or the saved draft drawn afresh. */
export function DownloadButton({ view, isDirty = false, block = false }: { view: BulletinView; isDirty?: boolean; block?: boolean }) {
  const button = <Button icon={<DownloadOutlined />} href={docxUrl(view.id)} download block={block} data-testid="bulletin-download">下载Word</Button>;
  return isDirty ? <Tooltip title="下载的是已保存的内容；本页尚未保存的修改不在其中">{button}</Tooltip> : button;
}

/** The page's head: which month, its state, the 文号 and date, who published it; the actions beside. */
export function BulletinHeader({ view, actions }: { view: BulletinView; actions: ReactNode }) {
  const isPublished = view.status === 'published';
  return (
    <div className="page-card" style={{ marginBottom: 12 }} data-testid="bulletin-header">
      <Link to="/bulletins" style={{ fontSize: 13 }}><ArrowLeftOutlined /> 月度通报</Link>
      <div className="page-title" style={{ marginTop: 8, marginBottom: 0 }}>
        <Space align="center" size={10} wrap>
          <h1 data-testid="bulletin-heading">{view.regionName} {periodLabel(view.period)}月度通报</h1>
          <BulletinStatusTag status={view.status} />
        </Space>
        <Space wrap>{actions}</Space>
      </div>
      <div className="meta-line" data-testid="bulletin-meta">
        <span>文号：{view.docNo || '未填写'}</span>
        <span>印发日期：{dateLabel(view.issuedOn)}</span>
        {isPublished
          ? <span>发布：{view.publishedByName ?? '—'} · {dateTime(view.publishedAt)}</span>
          : <span>最后保存：{dateTime(view.updatedAt)}</span>}
      </div>
      {isPublished && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          style={{ marginTop: 12 }}
          data-testid="bulletin-published"
          message={<span><strong>已发布 · 不可修改</strong></span>}
          description={(
            <span className="bulletin-published-line">
              <span className="bulletin-published-note">Word 文件已于发布时定稿存档，每次下载的都是同一份文件。</span>
              {view.docxSha256 && <ShortHash sha256={view.docxSha256} />}
            </span>
          )}
        />
      )}
    </div>
  );
}
