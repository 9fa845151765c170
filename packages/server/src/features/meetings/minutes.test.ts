import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { MEETING_DAY, meetingCounty, type MeetingCounty } from '../../test/meeting-fixtures';
import { readDocx } from '../../test/read-docx';
import { chineseNumber } from './minutes-docx';

// The minutes as Word opens them (会议纪要): read back from the .docx — time, place, chair,
// attendees, per item 汇报情况/会议议定, the action items as a table — and each download audited.

describe.each(DIALECTS)('the minutes (.docx) on %s', (dialect) => {
  let h: Harness;
  let c: MeetingCounty;
  let meetingId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-11-18T02:00:00Z');
    c = await meetingCounty(h);
    const office = c.office.cookie;
    const m = (await h.request('POST', '/api/v1/meetings', { cookie: office, body: { title: '2026年11月重点项目联席会议', heldOn: MEETING_DAY, place: '县政府第一会议室', chair: '李明' } })).json();
    meetingId = m.id;
    const held = (await h.request('POST', `/api/v1/meetings/${m.id}/status`, { cookie: office, body: { version: m.version, status: 'held' } })).json();
    const first = held.items[0];
    await h.request('PATCH', `/api/v1/meetings/${m.id}/items/${first.id}`, { cookie: office, body: { version: first.version, reporter: '县自然资源局 赵磊', reported: '二期用地已完成组卷，待省厅批复', decided: '由县自然资源局牵头，12月15日前取得用地批复' } });
    await h.request('POST', `/api/v1/meetings/${m.id}/actions`, { cookie: office, body: { meetingItemId: first.id, description: '取得二期用地批复', ownerOrgId: c.land.id, ownerPersonId: c.leader.id, deadline: '2026-12-15' } });
    await h.request('POST', `/api/v1/meetings/${m.id}/actions`, { cookie: office, body: { description: '完成供水管网线路迁改', ownerOrgId: c.power.id, deadline: '2026-12-31', projectId: c.p.twiceRed.id } });
    await h.request('PATCH', `/api/v1/meetings/${m.id}`, { cookie: office, body: { version: held.version, attendees: [{ name: '李明', unit: '常务副县长' }, { name: '赵磊', unit: '县自然资源局局长' }] } });
  });
  afterAll(() => h.close());

  const download = (cookie: string) => h.request('GET', `/api/v1/meetings/${meetingId}/minutes.docx`, { cookie });

  it('writes 会议纪要 with the meeting’s facts, each item’s report and decision, and audits the export', async () => {
    const { result: res, rows } = await c.f.audited(() => download(c.viewer.cookie));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('2026年11月重点项目联席会议纪要.docx'));
    expect(rows.map((r) => [r.action, r.objectType, r.objectId, r.userId])).toEqual([['export', 'meeting_minutes', String(meetingId), c.viewer.id]]);
    const { paragraphs, text } = await readDocx(res.rawPayload);
    expect(paragraphs.slice(0, 2)).toEqual(['会议纪要', '2026年11月重点项目联席会议']);
    for (const line of ['时间：2026年11月20日', '地点：县政府第一会议室', '主持：李明', '参会人员：李明（常务副县长）、赵磊（县自然资源局局长）']) expect(paragraphs).toContain(line);
    expect(text).toContain('2026年11月20日，李明在县政府第一会议室主持召开2026年11月重点项目联席会议');
    expect(paragraphs).toContain('一、议定事项');
    expect(paragraphs).toContain('（一）年产10万吨新型建材项目：用地问题');
    expect(paragraphs).toContain('汇报情况：县自然资源局 赵磊汇报：二期用地已完成组卷，待省厅批复');
    expect(paragraphs).toContain('会议议定：由县自然资源局牵头，12月15日前取得用地批复');
    // Items the meeting did not reach are not printed as empty forms: they are named once, for the next meeting.
    expect(paragraphs).not.toContain('（二）智能装备产业园：资金问题');
    expect(paragraphs.filter((p) => p === '会议议定：（未记录）')).toHaveLength(0);
    const carried = paragraphs.find((p) => p.startsWith('以下议题本次会议未及研究，转下次会议：'));
    expect(carried).toContain('智能装备产业园：资金问题');
    expect(carried!.split('；')).toHaveLength(2);
    expect(paragraphs).toContain('二、督办事项');
    expect(text).toContain('会议共交办督办事项 2 项');
    expect(paragraphs.slice(-2)).toEqual([`${'测试县'}重点项目推进办公室`, '2026年11月20日']);
  });

  it('puts the action items in a table with 责任单位, 责任人 and 完成时限', async () => {
    const { tables, xml } = await readDocx((await download(c.office.cookie)).rawPayload);
    expect(tables).toEqual([[
      ['序号', '督办事项', '项目', '责任单位', '责任人', '完成时限'],
      ['1', '取得二期用地批复', '年产10万吨新型建材项目', '县自然资源局', '王建国', '2026年12月15日'],
      ['2', '完成供水管网线路迁改', '城区供水管网改造', '县供电公司', '—', '2026年12月31日'],
    ]]);
    // 公文 fonts: the body in 仿宋_GB2312 三号 (16 pt = 32 half-points), headings in 黑体.
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('<w:sz w:val="32"/>');
  });

  it('is refused outside the region and to a department', async () => {
    expect((await download(c.landDept.cookie)).statusCode).toBe(403);
    const other = await c.f.county('外县');
    expect((await download((await c.f.session('viewer', other.county)).cookie)).statusCode).toBe(404);
    expect((await h.request('GET', '/api/v1/meetings/0/minutes.docx', { cookie: c.office.cookie })).statusCode).toBe(400);
  });

  it.each([[1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [23, '二十三']])('numbers item %i as %s', (n, words) => {
    expect(chineseNumber(n)).toBe(words);
  });
});
