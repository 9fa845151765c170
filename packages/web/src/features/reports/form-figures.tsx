import { Alert, Button, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { CalculatorOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { checkFigures, proposeFigures, sumYuan, type FigureProblem } from '@tuijin/core';
import { MoneyInput, moneyRules } from '../../components/money-input';
import { wan } from '../../components/format';
import { FormSection } from './form-section';
import { FUNDING_OPTIONS, type ReportFormValues } from './report-values';
import { periodLabel } from '../periods/period-format';
import type { ReportDetail } from './types';

const isAmount = (v: number | null | undefined): v is number => typeof v === 'number' && !Number.isNaN(v);

/**
 * What core's checkFigures would say of the figures as typed: shown live, while the server
 * decides at 报送. Empty until all three figures are there.
 */
export function useFigureProblems(report: ReportDetail): FigureProblem[] {
  const form = Form.useFormInstance<ReportFormValues>();
  const thisMonth = Form.useWatch('thisMonth', form);
  const ytd = Form.useWatch('ytd', form);
  const cumulative = Form.useWatch('cumulative', form);
  if (!isAmount(thisMonth) || !isAmount(ytd) || !isAmount(cumulative)) return [];
  return checkFigures({ thisMonth, ytd, cumulative }, report.previous, report.project.totalInvestment);
}

function Proposal({ report }: { report: ReportDetail }) {
  const form = Form.useFormInstance<ReportFormValues>();
  const typed = Form.useWatch('thisMonth', form);
  const thisMonth = isAmount(typed) ? typed : 0;
  const { previous } = report;
  const proposal = proposeFigures(thisMonth, previous);
  const from = previous.period ? `${periodLabel(previous.period)}月报` : '项目台账';
  const canFill = isAmount(typed) && (proposal.ytd != null || proposal.cumulative != null);
  const fill = () => {
    if (proposal.ytd != null) form.setFieldValue('ytd', proposal.ytd);
    if (proposal.cumulative != null) form.setFieldValue('cumulative', proposal.cumulative);
    void form.validateFields(['ytd', 'cumulative']).catch(() => undefined);
  };
  return (
    <div className="report-proposal" data-testid="report-proposal">
      <div style={{ flex: 1, minWidth: 0 }}>
        <div>
          本年累计：{proposal.ytd == null
            ? '上月累计未知，请按实际填写'
            : <>截至上月累计 <span className="num">{wan(previous.ytd)}</span> + 本月 <span className="num">{wan(thisMonth)}</span> = <strong className="num">{wan(proposal.ytd)}</strong> 万元</>}
        </div>
        <div>
          开工以来累计：{proposal.cumulative == null
            ? '首次填报，请按实际填写（含以前年度）'
            : <>截至上月累计 <span className="num">{wan(previous.cumulative)}</span> + 本月 <span className="num">{wan(thisMonth)}</span> = <strong className="num">{wan(proposal.cumulative)}</strong> 万元</>}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>上月累计取自{from}{report.plan ? `；本年计划投资 ${wan(report.plan.plan)} 万元` : ''}</Typography.Text>
      </div>
      <Button icon={<CalculatorOutlined />} disabled={!canFill} onClick={fill} data-testid="report-fill-proposal">按上月累计计算</Button>
    </div>
  );
}

function Funds() {
  const form = Form.useFormInstance<ReportFormValues>();
  const funds = Form.useWatch('funds', form) ?? [];
  const total = sumYuan(funds.map((f) => f?.amount).filter(isAmount));
  const used = new Set(funds.map((f) => f?.source));
  return (
    <Form.List name="funds">
      {(fields, { add, remove }) => (
        <div data-testid="report-funds">
          {fields.map((field) => (
            <div key={field.key} className="report-row">
              <Form.Item name={[field.name, 'source']} rules={[{ required: true, message: '请选择资金来源' }]} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                <Select
                  placeholder="资金来源"
                  options={FUNDING_OPTIONS.map((o) => ({ ...o, disabled: used.has(o.value) && funds[field.name]?.source !== o.value }))}
                  data-testid="report-fund-source"
                />
              </Form.Item>
              <Form.Item name={[field.name, 'amount']} rules={[...moneyRules('到位金额', { required: true })]} style={{ flex: '1 1 130px', marginBottom: 8 }}>
                <MoneyInput placeholder="金额" data-testid="report-fund-amount" />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该项资金" onClick={() => remove(field.name)} className="report-row-remove" />
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ source: FUNDING_OPTIONS.find((o) => !used.has(o.value))?.value ?? null, amount: null })} disabled={fields.length >= FUNDING_OPTIONS.length} data-testid="report-fund-add">
            添加资金来源
          </Button>
          {fields.length > 0 && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>本月到位资金合计 <span className="num">{wan(total)}</span> 万元</Typography.Text>}
        </div>
      )}
    </Form.List>
  );
}

/** 本月投资: the 无变化 switch, the three figures with the proposed sums, 情况说明, funds received. */
export function FiguresSection({ report, needsExplanation }: { report: ReportDetail; needsExplanation: boolean }) {
  const form = Form.useFormInstance<ReportFormValues>();
  const isNoChange = Form.useWatch('noChange', form) ?? false;
  const explanation = Form.useWatch('explanation', form);
  const problems = useFigureProblems(report);
  const showExplanation = needsExplanation || problems.some((p) => p.needsExplanation) || Boolean(explanation?.trim());
  return (
    <FormSection title="本月投资" testId="report-section-figures">
      {/* The whole row is the switch's label: a wide target for a thumb. */}
      <label className="report-switch-row" htmlFor="noChange">
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontWeight: 500 }}>本月无变化</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>本月没有新的投资和进展（如停工、冬歇期）时打开</Typography.Text>
        </div>
        <Form.Item name="noChange" valuePropName="checked" noStyle>
          <Switch checkedChildren="是" unCheckedChildren="否" data-testid="report-no-change" />
        </Form.Item>
      </label>
      {isNoChange ? (
        <>
          <Form.Item name="noChangeReason" label="无变化原因" required rules={[{ max: 500, message: '不能超过 500 个字' }]} style={{ marginTop: 12 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：冬季停工，预计 3 月复工" data-testid="report-no-change-reason" />
          </Form.Item>
          <Alert type="info" showIcon message="报送后本月完成投资按 0 计，累计数沿用上月；无需填写形象进度，照片可不上传。" />
        </>
      ) : (
        <div style={{ marginTop: 12 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="thisMonth" label="本月完成投资" rules={moneyRules('本月完成投资')}>
                <MoneyInput data-testid="report-this-month" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="ytd" label={`本年累计完成（1–${Number(report.period.slice(5, 7))}月）`} rules={moneyRules('本年累计完成投资')}>
                <MoneyInput data-testid="report-ytd" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="cumulative" label="开工以来累计完成" rules={moneyRules('开工以来累计完成投资')}>
                <MoneyInput data-testid="report-cumulative" />
              </Form.Item>
            </Col>
          </Row>
          <Proposal report={report} />
          {problems.length > 0 && (
            <Alert
              type={problems.some((p) => !p.needsExplanation) ? 'error' : 'warning'}
              showIcon
              style={{ marginTop: 12 }}
              data-testid="report-figure-warnings"
              message="请核对投资数据"
              description={<ul className="report-list">{problems.map((p) => <li key={p.code}>{p.message}{p.needsExplanation ? '；如情况属实，请在「情况说明」中说明原因' : ''}</li>)}</ul>}
            />
          )}
          {showExplanation && (
            <Form.Item name="explanation" label="情况说明" required={problems.some((p) => p.needsExplanation)} rules={[{ max: 1000, message: '不能超过 1000 个字' }]} style={{ marginTop: 12 }}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="如：经审计核减前期投资 200 万元；项目总投资已调整为…" data-testid="report-explanation" />
            </Form.Item>
          )}
          <Form.Item label="本月到位资金" style={{ marginTop: 12, marginBottom: 0 }}>
            <Funds />
          </Form.Item>
        </div>
      )}
    </FormSection>
  );
}
