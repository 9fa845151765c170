import { describe, expect, it } from 'vitest';
import { checkSummaryText } from './text-checks';

// The 2021 summary's own 「一、基本情况」 (half-width punctuation as it was typed) carries two
// slips a reader cannot see: its strategic industries (28 + 8 + 10 + 6 = 52 of 105) are 49.5%,
// not 57%, and its category totals (430 + 390 + 40) are 860亿元, not the 970亿元 it states.
const SUMMARY_2021 = [
  '一是数量多。今年以来全县共实施重点项目105个,其中,工业项目65个,总投资430亿元;服务业项目22个,总投资390亿元;基础设施和民生项目18个,总投资40亿元。',
  '二是规模大。从总体规模看,项目总投资达到970亿元;从单体规模看,52个项目过亿元,16个项目过10亿元,4个项目过百亿元。',
  '三是层次高。装备制造业项目28个,生物医药项目8个,新能源项目10个,新材料项目6个,占到项目总数57%。',
  '四是进展快。今年计划年度投资180亿元,力争200亿元,已完成投资162亿元,同比增长13%。竣工项目达到24个,占到项目总数的四分之一。',
  '今年,全县有8个项目被列入市级重点项目(其中投资4.2亿元的百多安冠状动脉药物涂层支架系统产业化项目被列为省级重点项目),总投资76.9亿元,年度计划投资39.6亿元,当年已完成投资38.3亿元,占年度计划的96.7%。',
].join('\n');

describe('checkSummaryText', () => {
  it('finds the two slips of the 2021 summary and nothing else', () => {
    expect(checkSummaryText(SUMMARY_2021)).toEqual([
      { code: 'text_amount_sum_mismatch', message: '文中各类项目总投资合计860亿元，与「项目总投资达到970亿元」相差110亿元。' },
      { code: 'text_share_mismatch', message: '文中「占到项目总数57%」与所列项目数不符：52÷105=49.52%。' },
    ]);
  });

  it('says when the text no longer has the ledger’s project count', () => {
    expect(checkSummaryText(SUMMARY_2021, { projects: 107 })[0]).toEqual({
      code: 'text_stale', message: '文中「共实施重点项目105个」与台账现有的107个实施项目不一致：保存后台账已有变化，或文字有误。',
    });
  });

  it.each<[string, string, string[]]>([
    ['counts that do not add up', '今年以来全县共实施重点项目10个，其中，工业项目5个，总投资10亿元；服务业项目4个，总投资5亿元。二是规模大。从总体规模看，项目总投资达到15亿元。', ['text_count_sum_mismatch']],
    ['a 合计 its parts do not make', '三是层次高。装备制造项目2个，新能源项目2个，战略性新兴产业项目合计5个，占到项目总数50%。', ['text_count_sum_mismatch']],
    ['a share of a 合计 that is right', '今年以来全县共实施重点项目10个。三是层次高。装备制造项目2个，新能源项目3个，战略性新兴产业项目合计5个，占到项目总数50%。', []],
    ['a completion share against its counts', '今年以来全县共实施重点项目8个。竣工项目达到3个，占到项目总数的40%。', ['text_share_mismatch']],
    ['a completion share rounded as written', '今年以来全县共实施重点项目3个。竣工项目达到1个，占到项目总数的33.3%。', []],
    ['a plan share within the rounding of its amounts', '总投资76.9亿元，年度计划投资39.6亿元，当年已完成投资38.3亿元，占年度计划的96.8%。', []],
    ['a plan share beyond it', '总投资76.9亿元，年度计划投资39.6亿元，当年已完成投资38.3亿元，占年度计划的90%。', ['text_share_mismatch']],
    ['amounts in 万元 and 亿元 that agree within rounding', '今年以来全县共实施重点项目2个，其中，工业项目1个，总投资1.5亿元；服务业项目1个，总投资5000万元。从总体规模看，项目总投资达到2亿元。', []],
    ['free text with no figures', '今年重点项目推进工作取得明显成效。', []],
  ])('%s', (_name, text, codes) => {
    expect(checkSummaryText(text).map((i) => i.code)).toEqual(codes);
  });
});
