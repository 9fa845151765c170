import { Space, Tabs, Typography } from 'antd';
import { useMe } from '../../app/auth';
import { AnnualAssessment } from './annual-assessment';
import { MonthlyRanking } from './monthly-ranking';
import { SchemeView } from './scheme-view';
import { useAssessmentParams, type AssessmentTab } from './use-assessment-params';

// /assessment 「考核排名」: the month's rankings with every score explained, the year's
// assessment with its grades and 奖惩, and the 考核办法 they are computed by.

export function AssessmentPage() {
  const me = useMe();
  const [params, update, explain] = useAssessmentParams();
  return (
    <div className="page-card" data-testid="assessment-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>考核排名</h1>
          <Typography.Text type="secondary">{me.regionName} · 每月按考核办法计分排名，年终按各月平均分评定等次</Typography.Text>
        </Space>
      </div>
      <Tabs
        activeKey={params.tab}
        onChange={(key) => update({ tab: key as AssessmentTab, explain: null })}
        destroyOnHidden
        items={[
          { key: 'ranking', label: <span data-testid="tab-ranking">月度排名</span>, children: <MonthlyRanking params={params} update={update} explain={explain} /> },
          { key: 'year', label: <span data-testid="tab-year">年度考核</span>, children: <AnnualAssessment params={params} update={update} /> },
          { key: 'scheme', label: <span data-testid="tab-scheme">考核办法</span>, children: <SchemeView /> },
        ]}
      />
    </div>
  );
}
