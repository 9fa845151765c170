import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CATEGORIES, CURRENCIES, FUNDING_SOURCES, INDUSTRIES, NATURES, formatAmountAuto, parseCoordinateList, sumYuan, type Currency,
} from '@tuijin/core';

/** An outline is empty or at least three readable points. */
function checkOutline(text: string | undefined): Promise<void> {
  const parsed = parseCoordinateList(text ?? '');
  if ('badLine' in parsed) return Promise.reject(new Error(`第 ${parsed.badLine} 行不是“经度,纬度”`));
  if (parsed.points.length > 0 && parsed.points.length < 3) return Promise.reject(new Error('用地范围至少需要 3 个点'));
  return Promise.resolve();
}
import { MoneyInput, moneyRules } from '../../components/money-input';
import { OrgSelect, RegionSelect } from '../../components/ref-selects';
import { wan } from '../../components/format';
import type { FundingSourceRow, ProjectDetail } from './types';

const fundingOptions = Object.entries(FUNDING_SOURCES).map(([value, label]) => ({ value, label }));
const third = { xs: 24, md: 12, xl: 8 };

/** 资金来源: rows of source + amount, with their sum checked against the total investment. */
function FundingSources() {
  const form = Form.useFormInstance();
  const rows = Form.useWatch<FundingSourceRow[] | undefined>('fundingSources', form) ?? [];
  const total = Form.useWatch<number | null | undefined>('totalInvestment', form);
  const amounts = rows.map((r) => r?.amount).filter((a): a is number => typeof a === 'number' && !Number.isNaN(a));
  const sum = sumYuan(amounts);
  const isOver = total != null && !Number.isNaN(total) && sum > total;
  return (
    <Form.List name="fundingSources">
      {(fields, { add, remove }) => (
        <div data-testid="funding-sources">
          {fields.map((field) => (
            <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item name={[field.name, 'source']} rules={[{ required: true, message: '请选择资金来源' }]} style={{ marginBottom: 4 }}>
                <Select options={fundingOptions} placeholder="来源" style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'amount']} rules={moneyRules('资金来源金额', { required: true })} style={{ marginBottom: 4 }}>
                <MoneyInput style={{ width: 180 }} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除此行" />
            </Space>
          ))}
          <Space size={16} wrap>
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ source: fields.length ? undefined : 'enterprise' })}>
              添加资金来源
            </Button>
            {fields.length > 0 && (
              <Typography.Text type={isOver ? 'danger' : 'secondary'}>
                合计 {wan(sum)} 万元{total != null && !Number.isNaN(total) ? ` / 总投资 ${wan(total)} 万元` : ''}
                {isOver ? '，超过总投资' : ''}
              </Typography.Text>
            )}
          </Space>
        </div>
      )}
    </Form.List>
  );
}

function ForeignInvestment() {
  const form = Form.useFormInstance();
  const hasForeign = Form.useWatch<boolean | undefined>('hasForeign', form);
  const currency = Form.useWatch<Currency | undefined>(['foreign', 'currency'], form);
  return (
    <>
      <Form.Item name="hasForeign" label="外资项目" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      {hasForeign && (
        <Form.Item label="外币金额 / 汇率" required>
        <Space.Compact block>
          <Form.Item name={['foreign', 'currency']} rules={[{ required: true, message: '请选择币种' }]} noStyle>
            <Select options={CURRENCIES.options} placeholder="币种" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name={['foreign', 'amount']} rules={moneyRules('外币金额', { required: true })} noStyle>
            <MoneyInput suffix={`万${currency ? CURRENCIES.label[currency] : ''}`} placeholder="外币金额" />
          </Form.Item>
          <Form.Item
            name={['foreign', 'rate']}
            rules={[{ required: true, message: '请填写汇率' }, { pattern: /^\d{1,4}(\.\d{1,6})?$/, message: '汇率格式应为数字，如 7.1' }]}
            noStyle
          >
            <Input prefix="汇率" placeholder="7.1" style={{ width: 130 }} />
          </Form.Item>
        </Space.Compact>
        </Form.Item>
      )}
    </>
  );
}

/** 总投资 read back in 亿元 beside the label, a check against a misplaced decimal point. */
function TotalLabel() {
  const form = Form.useFormInstance();
  const total = Form.useWatch<number | null | undefined>('totalInvestment', form);
  const isLarge = total != null && !Number.isNaN(total) && total >= 100_000_000;
  return (
    <span>
      总投资{isLarge && <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>（即 {formatAmountAuto(total)}）</Typography.Text>}
    </span>
  );
}

export function BasicSection({ detail }: { detail?: ProjectDetail }) {
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { max: 200, message: '不能超过 200 个字' }]}>
          <Input placeholder="如：××新能源装备制造产业园项目" data-testid="project-name" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="code" label="项目代码" rules={[{ pattern: /^[0-9A-Za-z-]*$/, message: '项目代码只能包含数字、字母和连字符' }, { max: 40, message: '不能超过 40 个字符' }]}>
          <Input placeholder="投资项目在线审批监管平台代码" data-testid="project-code" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="regionCode" label="所属地区" rules={[{ required: true, message: '请选择所属地区' }]}>
          <RegionSelect selectable={['county']} placeholder="选择县（市、区）" data-testid="project-region" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="category" label="项目类别" rules={[{ required: true, message: '请选择项目类别' }]}>
          <Select options={CATEGORIES.options} placeholder="选择类别" data-testid="project-category" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="industry" label="所属行业" rules={[{ required: true, message: '请选择所属行业' }]}>
          <Select options={INDUSTRIES.options} showSearch optionFilterProp="label" placeholder="选择行业" data-testid="project-industry" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="nature" label="建设性质" rules={[{ required: true, message: '请选择建设性质' }]}>
          <Select options={NATURES.options} placeholder="选择性质" data-testid="project-nature" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="townshipId" label="所在乡镇（园区）">
          <OrgSelect kind="township" placeholder="选择乡镇或园区" currentLabel={detail?.townshipName} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="ownerOrgId" label="项目单位">
          <OrgSelect kind="company" placeholder="选择项目单位（企业）" currentLabel={detail?.ownerOrgName} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="address" label="建设地点" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
          <Input placeholder="如：经济开发区纬二路北侧" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6} xl={4}>
        <Form.Item name="datum" label="坐标系" tooltip="从高德、腾讯地图拾取的坐标是 GCJ-02，保存时换算为 WGS-84（手机 GPS 所用）">
          <Select options={[{ value: 'wgs84', label: 'WGS-84（GPS）' }, { value: 'gcj02', label: 'GCJ-02（高德/腾讯）' }]} data-testid="project-datum" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="lng" label="经度">
          <InputNumber min={73} max={136} precision={6} style={{ width: '100%' }} placeholder="如 116.98" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item name="lat" label="纬度">
          <InputNumber min={3} max={54} precision={6} style={{ width: '100%' }} placeholder="如 36.65" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="totalInvestment" label={<TotalLabel />} required rules={moneyRules('总投资', { required: true })}>
          <MoneyInput placeholder="如 12000" data-testid="project-total-investment" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="annualRevenue" label="达产后年销售收入" rules={moneyRules('年销售收入')}>
          <MoneyInput />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="annualProfitTax" label="达产后年利税" rules={moneyRules('年利税')}>
          <MoneyInput />
        </Form.Item>
      </Col>
      <Col xs={24} xl={16}>
        <Form.Item label="资金来源">
          <FundingSources />
        </Form.Item>
      </Col>
      <Col {...third}>
        <ForeignInvestment />
      </Col>
      <Col xs={24}>
        <Form.Item name="tags" label="标签">
          <Select mode="tags" placeholder="输入后回车，如：招商引资、世界500强" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="contentScale" label="建设内容及规模" rules={[{ max: 4000, message: '不能超过 4000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder="主要建设内容、建筑面积、产能等" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="sitePolygonText"
          label="用地范围"
          tooltip="项目用地的边界点，每行一个“经度,纬度”，按上方坐标系换算；照片位置核验时使用"
          rules={[{ validator: (_rule, value: string | undefined) => checkOutline(value) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={'每行一个点，如：\n116.801,36.612\n116.806,36.612\n116.806,36.607'} data-testid="project-site-polygon" />
        </Form.Item>
      </Col>
    </Row>
  );
}
