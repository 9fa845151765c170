import { Col, Divider, Form, Input, Row } from 'antd';
import { DateInput } from '../../components/date-input';
import { OrgSelect, PersonSelect } from '../../components/ref-selects';
import type { ProjectDetail } from './types';

const third = { xs: 24, md: 12, xl: 8 };
const half = { xs: 24, xl: 12 };

/** 五个一（一名县级领导、一名第一责任人、一套工作班子、一个实施方案）与四位一体（领导、责任单位、金融机构、联系人）. */
export function DutySection({ detail }: { detail?: ProjectDetail }) {
  return (
    <Row gutter={16}>
      <Col {...third}>
        <Form.Item name="leaderId" label="包保县级领导">
          <PersonSelect placeholder="选择县级领导" currentLabel={detail?.leaderName} data-testid="project-leader" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="firstResponsibleId" label="第一责任人">
          <PersonSelect placeholder="选择第一责任人" currentLabel={detail?.firstResponsibleName} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="responsibleOrgId" label="责任单位（牵头部门）">
          <OrgSelect kind="department" placeholder="选择责任单位" currentLabel={detail?.responsibleOrgName} data-testid="project-responsible-org" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="bankOrgId" label="金融机构">
          <OrgSelect kind="bank" placeholder="选择金融机构" currentLabel={detail?.bankOrgName} />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="contactId" label="联系人">
          <PersonSelect placeholder="选择项目联系人" currentLabel={detail?.contactName} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="team" label="工作班子" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder="工作班子成员及分工" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="implementationPlan" label="实施方案" rules={[{ max: 4000, message: '不能超过 4000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder="推进措施、时间安排、责任分工等" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 四定两保: 定时间、定目标、定责任、定奖惩，保按时开工、保按时竣工投产. */
export function CommitmentsSection() {
  return (
    <Row gutter={16}>
      <Col {...third}>
        <Form.Item name="commitStartDate" label="保开工日期">
          <DateInput placeholder="承诺开工日期" data-testid="project-commit-start" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item
          name="commitCompletionDate"
          label="保竣工日期"
          dependencies={['commitStartDate']}
          rules={[({ getFieldValue }) => ({
            validator: (_r, value: string | null | undefined) => {
              const start = getFieldValue('commitStartDate') as string | null | undefined;
              return !value || !start || start <= value ? Promise.resolve() : Promise.reject(new Error('保竣工日期不能早于保开工日期'));
            },
          })]}
        >
          <DateInput placeholder="承诺竣工日期" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="commitProductionDate" label="保投产日期">
          <DateInput placeholder="承诺投产日期" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="commitTarget" label="定目标" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="年度建设目标、形象进度目标" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="commitDuty" label="定责任" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="责任领导、责任单位、责任人" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="commitRewardPenalty" label="定奖惩" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="奖惩措施" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Divider orientation="left" plain style={{ margin: '0 0 12px' }}>实际完成</Divider>
      </Col>
      <Col {...third}>
        <Form.Item name="actualStartDate" label="实际开工日期">
          <DateInput />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="actualCompletionDate" label="实际竣工日期">
          <DateInput />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="actualProductionDate" label="实际投产日期">
          <DateInput />
        </Form.Item>
      </Col>
    </Row>
  );
}
