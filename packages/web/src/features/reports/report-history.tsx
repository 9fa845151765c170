import { Timeline, Typography } from 'antd';
import { dateTime } from '../../components/format';
import { FormSection } from './form-section';
import type { ReportDetail } from './types';

const ACTION: Record<string, { label: string; color: string }> = {
  submit: { label: '报送', color: 'blue' },
  return: { label: '退回', color: 'red' },
  approve: { label: '审核通过', color: 'green' },
};

/** 办理记录: each submission, return and approval, who and when, with the reviewer's words. */
export function ReportHistory({ report }: { report: ReportDetail }) {
  if (!report.history.length) return null;
  return (
    <FormSection title="办理记录" testId="report-history">
      <Timeline
        style={{ marginTop: 8 }}
        items={[...report.history].reverse().map((h, i) => {
          const action = ACTION[h.action] ?? { label: h.action, color: 'gray' };
          return {
            key: i,
            color: action.color,
            children: (
              <>
                <div><strong>{action.label}</strong> <Typography.Text type="secondary">{h.userName ?? '—'} · {dateTime(h.at)}</Typography.Text></div>
                {h.comment && <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{h.action === 'return' ? '退回原因：' : '意见：'}{h.comment}</div>}
              </>
            ),
          };
        })}
      />
    </FormSection>
  );
}
