import { usccCheckChar, type Category, type Industry, type KeyListLevel, type Nature, type Stage } from '@tuijin/core';

// Plausible project records for the demo county and for benchmarks: deterministic for a
// seed, so a demo always looks the same and a benchmark always measures the same data.

export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x1_0000_0000;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/** `maxYi`: the largest plausible total investment of such a project, in 亿元. */
interface Template { category: Category; industry: Industry; names: string[]; maxYi: number }

const TEMPLATES: Template[] = [
  { category: 'industrial', industry: 'equipment', names: ['地源热泵装备制造', '高端液压件生产线', '智能农机装备产业园', '风电塔筒制造', '精密铸造'] , maxYi: 130 },
  { category: 'industrial', industry: 'biomedicine', names: ['心脏支架产业化', '生物医药产业园', '原料药绿色生产', '医用敷料扩产'] , maxYi: 30 },
  { category: 'industrial', industry: 'new_energy', names: ['光伏组件生产', '储能电池PACK', '氢能装备制造', '分布式光伏'] , maxYi: 120 },
  { category: 'industrial', industry: 'new_materials', names: ['高性能轨道焊接钢', '特种纤维新材料', '碳纤维复合材料'] , maxYi: 60 },
  { category: 'industrial', industry: 'food', names: ['饮料生产基地', '休闲食品工业园', '面粉深加工', '肉制品加工'] , maxYi: 25 },
  { category: 'industrial', industry: 'auto', names: ['新能源汽车整车', '汽车零部件产业园'] , maxYi: 60 },
  { category: 'services', industry: 'logistics', names: ['现代物流园', '冷链物流中心', '电商快递分拨中心'] , maxYi: 40 },
  { category: 'services', industry: 'tourism', names: ['黄河文化旅游综合体', '温泉康养度假区', '欢乐世界主题乐园'] , maxYi: 120 },
  { category: 'services', industry: 'commerce', names: ['城市商业综合体', '农产品批发市场'] , maxYi: 30 },
  { category: 'services', industry: 'real_estate', names: ['人才公寓', '城市更新片区'] , maxYi: 20 },
  { category: 'infrastructure', industry: 'transport', names: ['国道改线工程', '城区道路提升', '农村公路网化'] , maxYi: 25 },
  { category: 'infrastructure', industry: 'water', names: ['引黄灌区节水改造', '城乡供水一体化'] , maxYi: 15 },
  { category: 'infrastructure', industry: 'municipal', names: ['污水处理厂提标改造', '集中供热管网', '智慧停车场'] , maxYi: 8 },
  { category: 'infrastructure', industry: 'education', names: ['第二实验中学', '职业教育实训基地'] , maxYi: 4 },
  { category: 'infrastructure', industry: 'health', names: ['县人民医院新院区', '中医院康复楼'] , maxYi: 12 },
];

const COMPANY_WORDS = ['鼎盛', '亚泰', '华能', '远大', '宝鼎', '金能', '永锋', '百诺', '瀚能', '中集', '美达', '普瑞', '恒信', '泰和', '东方', '天成'];

export interface GeneratedProject {
  name: string;
  category: Category;
  industry: Industry;
  nature: Nature;
  stage: Stage;
  totalInvestment: number;
  plan: number;
  target: number;
  completed: number;
  completedLastYear: number;
  levels: KeyListLevel[];
  commitStartDate: string;
  commitCompletionDate: string;
  contentScale: string;
  companyWord: string;
}

const WAN = 10_000;

/** One project of a county's year: size, stage and progress drawn to look like a real ledger. */
export function generateProject(r: Rng, index: number, year: number, monthsElapsed: number): GeneratedProject {
  const t = r.pick(TEMPLATES);
  const base = r.pick(t.names);
  // Sizes spread over three orders of magnitude, as in the summary (52 过亿, 16 过10亿, 4 过百亿 of 105).
  const roll = r.next();
  const drawn = roll < 0.04 ? r.int(100, 130) : roll < 0.16 ? r.int(10, 60) : roll < 0.55 ? r.int(1, 9) : r.int(1, 9) / 10;
  const yi = Math.min(drawn, t.maxYi * (0.6 + r.next() * 0.4));
  const totalInvestment = Math.round(yi * 10_000) * WAN + r.int(0, 999) * WAN;
  const stage: Stage = r.pick(['signed', 'preparing', 'under_construction', 'under_construction', 'under_construction', 'completed', 'operating']);
  const plan = stage === 'signed' ? 0 : Math.round((totalInvestment * (0.2 + r.next() * 0.3)) / WAN) * WAN;
  const target = Math.round((plan * (1 + r.next() * 0.15)) / WAN) * WAN;
  // Most projects keep to 序时进度 (measured at last month's end); a fifth lag 10–30 points, one in ten more.
  const lag = r.next();
  const factor = lag < 0.1 ? 0.4 + r.next() * 0.2 : lag < 0.3 ? 0.68 + r.next() * 0.2 : 0.9 + r.next() * 0.2;
  const completed = stage === 'signed' ? 0 : Math.min(plan, Math.round((plan * (monthsElapsed / 12) * factor) / WAN) * WAN);
  // The same period last year grew by -5%…+30%.
  const completedLastYear = Math.round(completed / (1 + (r.next() * 0.35 - 0.05)) / WAN) * WAN;
  const levels: KeyListLevel[] = ['county'];
  if (totalInvestment >= 10 * 100_000_000 && r.chance(0.6)) levels.push('city');
  if (totalInvestment >= 30 * 100_000_000 && r.chance(0.3)) levels.push('province');
  // 四定两保 dates around this month: projects not yet started are due to start in the months
  // ahead (one in five is already late); projects being built finish in the next years (one in
  // eight is already past its date); finished ones finished on time.
  const thisMonth = year * 12 + monthsElapsed;
  const monthDate = (offset: number, d: number) => {
    const i = thisMonth + offset;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const late = r.next();
  const notStarted = stage === 'signed' || stage === 'preparing';
  const done = stage === 'completed' || stage === 'operating';
  const commitStartDate = notStarted ? monthDate(late < 0.2 ? -r.int(1, 3) : r.int(1, 7), 15) : monthDate(-r.int(done ? 14 : 3, done ? 30 : 20), 15);
  const commitCompletionDate = done ? monthDate(-r.int(1, 10), 28) : monthDate(stage === 'under_construction' && late < 0.12 ? -r.int(1, 5) : r.int(notStarted ? 12 : 2, 30), 28);
  return {
    name: `${t.category === 'industrial' ? r.pick(['年产', '', '', '新建', '']) : ''}${base}项目${index > 0 ? `（${['一', '二', '三', '四', '五'][index % 5]}期）` : ''}`,
    category: t.category,
    industry: t.industry,
    nature: r.pick(['new', 'new', 'continued', 'expansion']),
    stage,
    totalInvestment,
    plan,
    target,
    completed,
    completedLastYear,
    levels,
    commitStartDate,
    commitCompletionDate,
    contentScale: `总建筑面积约${r.int(2, 30)}万平方米，建设生产车间、仓储及配套设施，购置主要设备${r.int(50, 600)}台（套）。`,
    companyWord: r.pick(COMPANY_WORDS),
  };
}

/** A valid 统一社会信用代码 for a made-up company registered in a given county. */
export function makeUscc(r: Rng, regionCode: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 9; i++) org += alphabet[r.int(0, alphabet.length - 1)];
  const first17 = `91${regionCode}${org}`;
  return first17 + usccCheckChar(first17);
}
