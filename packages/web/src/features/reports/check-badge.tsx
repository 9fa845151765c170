import type { CSSProperties } from 'react';
import { Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { CHECK_LABEL, CHECK_STATUS_LABEL, type CheckResult, type CheckStatus } from '@tuijin/core';

// A photo's checks (taken this month, at the site, not a copy): green 核验通过, orange 待核实
// when something could not be checked, red 核验未通过.

const COLOR: Record<CheckStatus, string> = { passed: 'success', flagged: 'warning', failed: 'error' };
const HEX = { passed: '#389e0d', flagged: '#d46b08', failed: '#cf1322' } as const;

function Icon({ status }: { status: CheckStatus }) {
  if (status === 'passed') return <CheckCircleFilled style={{ color: HEX.passed }} />;
  if (status === 'flagged') return <ExclamationCircleFilled style={{ color: HEX.flagged }} />;
  return <CloseCircleFilled style={{ color: HEX.failed }} />;
}

export function CheckBadge({ status, style }: { status: CheckStatus; style?: CSSProperties }) {
  return (
    <Tag color={COLOR[status]} icon={<Icon status={status} />} style={{ marginInlineEnd: 0, ...style }} data-testid="media-check-badge" data-status={status}>
      {CHECK_STATUS_LABEL[status]}
    </Tag>
  );
}

const statusOf = (r: CheckResult): CheckStatus => (r.passed === true ? 'passed' : r.passed === false ? 'failed' : 'flagged');

/** Every check with its reason, failures first. */
export function CheckList({ checks }: { checks: CheckResult[] }) {
  const order = { failed: 0, flagged: 1, passed: 2 };
  const sorted = [...checks].sort((a, b) => order[statusOf(a)] - order[statusOf(b)]);
  return (
    <ul className="check-list" data-testid="media-checks">
      {sorted.map((r) => (
        <li key={r.code}>
          <Icon status={statusOf(r)} />
          <span><strong>{CHECK_LABEL[r.code] ?? r.code}</strong>：{r.message}</span>
        </li>
      ))}
    </ul>
  );
}
