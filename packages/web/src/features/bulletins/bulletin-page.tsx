import { Alert, Button, Grid } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { BulletinView } from '@tuijin/core';
import { LoadError, PageSpin } from '../../components/page-state';
import { useBulletin } from './api';
import { BulletinHeader, DownloadButton } from './bulletin-header';
import { BulletinPreview, COMPACT_WIDTH, PAGE_WIDTH } from './bulletin-preview';
import { BulletinWorkspace } from './bulletin-workspace';
import { FitPage } from './fit-page';
import './bulletins.css';

// /bulletins/:id: the month's bulletin. The office edits a draft on a desktop beside its live
// preview; a published one, a reader's view and any phone show the page as it prints, with the
// Word file to download.

/** The page as printed; on a wide screen a reader sees it up to its real size (A4 at 96 dpi). */
const REAL_SIZE = 794 / PAGE_WIDTH;

function ReadView({ view, isPhone }: { view: BulletinView; isPhone: boolean }) {
  const isDraft = view.status === 'draft';
  return (
    <div data-testid="bulletin-page">
      <BulletinHeader view={view} actions={<DownloadButton view={view} />} />
      {isPhone && view.canEdit && (
        <Alert type="info" showIcon icon={<DesktopOutlined />} style={{ marginBottom: 8 }} message="编辑通报请在电脑上操作；手机上可查看和下载。" data-testid="bulletin-phone-note" />
      )}
      {!isPhone && isDraft && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="这是尚未发布的草稿，内容可能还会修改。" />
      )}
      <div className={`bl-desk${isPhone ? ' bl-desk-phone' : ''}`}>
        <FitPage width={isPhone ? COMPACT_WIDTH : PAGE_WIDTH} maxScale={isPhone ? 1 : REAL_SIZE}>
          <BulletinPreview doc={view} isDraft={isDraft} isCompact={isPhone} />
        </FitPage>
      </div>
    </div>
  );
}

export function BulletinPage() {
  const id = Number(useParams().id);
  const { data: view, error, refetch, isLoading } = useBulletin(id);
  // Editing a long official text is a desktop task; the breakpoint has no answer on the first render.
  const isPhone = Grid.useBreakpoint().md === false;
  if (isLoading) return <PageSpin />;
  if (error || !view) return <LoadError error={error} onRetry={() => void refetch()} extra={<Link to="/bulletins"><Button>返回通报列表</Button></Link>} />;
  if (view.canEdit && view.status === 'draft' && !isPhone) return <BulletinWorkspace key={view.id} view={view} />;
  return <ReadView view={view} isPhone={isPhone} />;
}
