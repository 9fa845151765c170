import { useState } from 'react';
import { App, Button, Input, Space, Tooltip, Typography } from 'antd';
import { BellOutlined, CopyOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { today } from '../../components/year-select';
import type { PeriodView, ReportSummary } from '../reports/types';
import { useRemind } from './api';
import { unsentCount } from './period-format';
import { buildRemindText, copyText } from './remind-text';
import type { BoardStatus } from './use-board-params';

/** Not sent yet: untouched, draft (both 'draft'), or returned and not sent again. */
const isUnsent = (r: Pick<ReportSummary, 'status'>) => r.status === 'draft' || r.status === 'returned';
/** Board filters under which every report has been sent: there is nobody to remind. */
const SENT_ONLY: readonly BoardStatus[] = ['submitted', 'approved', 'late'];

/**
 * The reports 复制催报名单 copies, as the board shows them: unsent ones of the filter (status and
 * search), or of the whole month; a county has a few dozen.
 */
async function fetchUnsent(periodId: number, filter: BoardFilter): Promise<ReportSummary[]> {
  const { items } = await api.get<{ items: ReportSummary[]; total: number }>('/reports', { periodId, status: filter.status ?? 'unsent', q: filter.q, pageSize: 500 });
  return items.filter(isUnsent);
}

export interface BoardFilter {
  status: BoardStatus | null;
  q: string;
}

/** What 复制催报名单 will copy: the rows ticked, else the filtered unsent, else all unsent. */
function copyScope(picked: number, filter: BoardFilter, unsent: number, statusLabel: string | null) {
  if (picked) return { label: `复制所选名单（${picked}）`, hint: `复制所选 ${picked} 个项目的催报名单`, isEmpty: false };
  const isFiltered = filter.status != null || filter.q !== '';
  if (!isFiltered) return { label: '复制催报名单', hint: `复制全部 ${unsent} 个未报送项目的催报名单`, isEmpty: unsent === 0 };
  const what = [statusLabel && `「${statusLabel}」`, filter.q && `搜索「${filter.q}」`].filter(Boolean).join('、');
  const isEmpty = unsent === 0 || (filter.status != null && SENT_ONLY.includes(filter.status));
  return { label: '复制筛选名单', hint: isEmpty ? `${what}的项目都已报送，无需催报` : `复制当前筛选（${what}）中未报送项目的催报名单`, isEmpty };
}

/** 一键催报 (all unsent, or the rows picked) and 复制催报名单 for the WeChat group (the rows picked, the filter, or all). */
export function RemindActions({ period, selected, filter, statusLabel, onReminded }: {
  period: PeriodView;
  selected: ReportSummary[];
  filter: BoardFilter;
  /** The status filter as the board names it (逾期未报…). */
  statusLabel: string | null;
  onReminded: () => void;
}) {
  const me = useMe();
  const { modal, message } = App.useApp();
  const remind = useRemind(period.id);
  const [isCopying, setCopying] = useState(false);
  const unsent = unsentCount(period);
  const isOpen = period.status === 'open';
  const picked = selected.filter(isUnsent);
  const scope = copyScope(picked.length, filter, unsent, statusLabel);

  const send = async () => {
    try {
      const result = await remind.mutateAsync(picked.length ? picked.map((r) => r.id) : undefined);
      const reached = result.companies;
      onReminded();
      const shown = result.projects.slice(0, 8).join('、') + (result.projects.length > 8 ? ` 等 ${result.projects.length} 个项目` : '');
      (result.users ? modal.success : modal.warning)({
        title: result.users ? '催报通知已发送' : '催报已记录，但没有送达任何人',
        okText: '知道了',
        content: (
          <div data-testid="remind-result">
            <p>已催报 {result.reports} 个项目，涉及 {reached} 家项目单位，通知送达 {result.users} 位填报员。</p>
            {result.projects.length > 0 && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{shown}</Typography.Paragraph>}
            {result.users === 0 && result.reports > 0 && <p style={{ color: '#d46b08' }}>这些项目单位还没有填报员账号，请在「用户管理」中开通，或电话联系。</p>}
          </div>
        ),
      });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const confirmSend = () => {
    const count = picked.length || unsent;
    modal.confirm({
      title: picked.length ? `向所选 ${count} 个项目催报？` : `向全部 ${count} 个未报送项目催报？`,
      content: picked.length
        ? '将向这些项目单位的填报员发送站内通知。'
        : `未填报 ${period.counts.notStarted}、草稿 ${period.counts.draft}、已退回 ${period.counts.returned}。将向这些项目单位的填报员发送站内通知。`,
      okText: '发送催报',
      cancelText: '取消',
      onOk: send,
    });
  };

  const copy = async () => {
    setCopying(true);
    try {
      const items = picked.length ? picked : await fetchUnsent(period.id, filter);
      if (!items.length) {
        message.info(filter.status || filter.q ? '筛选出的项目都已报送，无需催报' : '本月月报已全部报送，无需催报');
        return;
      }
      const text = buildRemindText({ period: period.period, deadline: period.deadline, today: today(), regionName: me.regionName, reports: items });
      const isCopied = await copyText(text);
      modal[isCopied ? 'success' : 'info']({
        title: isCopied ? `已复制 ${items.length} 个项目的催报名单，可直接粘贴到微信群` : '请复制下面的催报名单',
        width: 560,
        okText: '知道了',
        content: <Input.TextArea value={text} readOnly autoSize={{ minRows: 6, maxRows: 14 }} data-testid="remind-text" onFocus={(e) => e.target.select()} />,
      });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setCopying(false);
    }
  };

  return (
    <Space wrap>
      <Tooltip title={scope.hint}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} loading={isCopying} disabled={scope.isEmpty} data-testid="board-copy-list" data-scope={picked.length ? 'selected' : filter.status || filter.q ? 'filtered' : 'all'}>
          {scope.label}
        </Button>
      </Tooltip>
      <Button
        type="primary"
        icon={<BellOutlined />}
        onClick={confirmSend}
        loading={remind.isPending}
        disabled={!isOpen || (!picked.length && !unsent)}
        title={isOpen ? undefined : '月报已关闭，不能催报'}
        data-testid="board-remind"
      >
        {picked.length ? `催报所选（${picked.length}）` : '一键催报'}
      </Button>
    </Space>
  );
}
