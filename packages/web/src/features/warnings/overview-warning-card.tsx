import { Card, Space, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useWarningSummary } from './api';
import { LEVEL_TEXT_COLOR } from './warning-tags';

// The overview's 预警 card: projects at red, yellow and green, each a link into the list.

export function OverviewWarningCard() {
  const { data } = useWarningSummary();
  if (!data) return null;
  const item = (level: 'red' | 'yellow' | 'green', label: string) => {
    const body = (
      <span style={{ display: 'inline-flex', alignItems: 'baseline', gap: 4 }}>
        <span style={{ color: '#595959' }}>{label}</span>
        <span className="num" style={{ fontSize: 22, fontWeight: 600, color: LEVEL_TEXT_COLOR[level] }}>{data.levels[level]}</span>
        <span style={{ color: '#8c8c8c', fontSize: 12 }}>个</span>
      </span>
    );
    return level === 'green' ? body : <Link to={`/warnings?level=${level}`} data-testid={`overview-warning-${level}`}>{body}</Link>;
  };
  return (
    <Card size="small" data-testid="overview-warnings">
      <Space size={24} wrap align="center">
        <Link to="/warnings"><Typography.Text strong><AlertOutlined style={{ color: LEVEL_TEXT_COLOR.red }} /> 项目预警</Typography.Text></Link>
        {item('red', '红色')}
        {item('yellow', '黄色')}
        {item('green', '绿色')}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.byRule.filter((r) => r.red + r.yellow > 0).sort((a, b) => b.red + b.yellow - (a.red + a.yellow)).slice(0, 3).map((r) => `${r.label} ${r.red + r.yellow}`).join(' · ')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
