import { CATEGORIES, INDUSTRIES, KEY_LIST_LEVELS, type Category, type Industry, type KeyListLevel, type Nature } from '../catalog';
import type { Stage } from '../stages';
import { toHalfWidth } from './values';

// The words offices use for stages, natures, key-list levels, categories and industries.
// Lookups go through Maps so a cell reading "__proto__" or "toString" is simply unknown;
// an unknown word is returned as such for the caller to name in a warning, never guessed.

function key(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

function table<T>(entries: [T, string[]][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words) map.set(w, value);
  return map;
}

interface StageWord { stage: Stage; nature?: Nature }

// 新开工 and 续建 say both where the project stands (under construction) and its nature.
const STAGE_WORDS = table<StageWord>([
  [{ stage: 'planning' }, ['谋划', '策划']],
  [{ stage: 'reserve' }, ['储备']],
  [{ stage: 'signed' }, ['签约', '已签约', '签约未开工']],
  [{ stage: 'preparing' }, ['前期', '前期工作', '前期手续', '办理前期手续', '前期准备', '拟开工', '待开工', '未开工']],
  [{ stage: 'under_construction', nature: 'new' }, ['新开工', '新建', '新开']],
  [{ stage: 'under_construction', nature: 'continued' }, ['续建']],
  [{ stage: 'under_construction' }, ['在建', '施工', '施工中', '建设中', '正在建设', '开工', '已开工', '正在施工']],
  [{ stage: 'completed' }, ['竣工', '已竣工', '完工', '已完工', '建成', '已建成', '竣工验收']],
  [{ stage: 'operating' }, ['投产', '已投产', '试生产', '试运行', '部分投产', '投用', '投入使用', '运营', '竣工投产']],
  [{ stage: 'full_production' }, ['达产', '已达产', '全面达产', '达产达效']],
  [{ stage: 'suspended' }, ['停建', '缓建', '停缓建', '停工', '暂停', '停滞']],
  [{ stage: 'terminated' }, ['终止', '已终止', '取消', '退出', '撤销']],
]);

/** A stage word (阶段, 中, 项目 around it allowed): 续建 → under construction, continued. */
export function readStage(text: string): StageWord | null {
  const k = key(text);
  return STAGE_WORDS.get(k) ?? STAGE_WORDS.get(k.replace(/(阶段|项目|中)$/, '')) ?? null;
}

const NATURE_WORDS = table<Nature>([
  ['new', ['新建', '新开工', '新开', '新上']],
  ['continued', ['续建']],
  // 改扩建 enlarges what stands, so it counts as 扩建.
  ['expansion', ['扩建', '改扩建', '扩能', '扩产']],
  ['renovation', ['改建', '技改', '技术改造', '改造', '提升改造']],
]);

export function readNature(text: string): Nature | null {
  const k = key(text);
  return NATURE_WORDS.get(k) ?? NATURE_WORDS.get(k.replace(/项目$/, '')) ?? null;
}

const LEVEL_CHARS = new Map<string, KeyListLevel>([['县', 'county'], ['市', 'city'], ['省', 'province']]);
const LEVEL_ORDER = KEY_LIST_LEVELS.ids;

/**
 * Key-list levels, several at once: 市级；省级 / 县、市 / 省市重点 → each level named.
 * Returns the unknown pieces as written so the caller can name them.
 */
export function readLevels(text: string): { levels: KeyListLevel[]; unknown: string[] } {
  const found = new Set<KeyListLevel>();
  const unknown: string[] = [];
  for (const raw of key(text).split(/[;,、/|和及与+]+/)) {
    const piece = raw.replace(/(重点建设项目|重点项目|重点工程|重点|项目|级)+$/, '').replace(/级/g, '');
    if (!raw) continue;
    if (piece === '国家' || piece === '国') { found.add('national'); continue; }
    const chars = [...piece];
    if (chars.length > 0 && chars.every((ch) => LEVEL_CHARS.has(ch))) {
      for (const ch of chars) found.add(LEVEL_CHARS.get(ch)!);
      continue;
    }
    unknown.push(raw);
  }
  return { levels: LEVEL_ORDER.filter((l) => found.has(l)), unknown };
}

const CATEGORY_WORDS = table<Category>([
  ['industrial', ['工业', '制造业', '工业和信息化', '产业']],
  ['services', ['服务业', '现代服务业', '三产', '第三产业', '商贸服务业']],
  ['infrastructure', [
    '基础设施', '民生', '社会民生', '民生保障', '基础设施及社会民生', '基础设施和社会民生', '基础设施和民生', '基础设施及民生',
    '基础设施与民生', '城建', '城市建设', '社会事业', '公共服务', '基础设施及公共服务',
  ]],
]);
for (const [id, label] of Object.entries(CATEGORIES.label)) CATEGORY_WORDS.set(label, id as Category);

/** A group title's core: 一、工业项目（65个） → 工业项目, with its count when one is given. */
export function groupCore(text: string): { core: string; count: number | null } {
  let t = key(text)
    .replace(/^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]、?|\d+[、.](?!\d)|第[一二三四五六七八九十]+(?:部分|类|批)[:、]?)/, '');
  const count = /[(]?(?:共|计)?(\d+)(?:个|项)[)]?$/.exec(t);
  if (count) t = t.slice(0, count.index);
  return { core: t.replace(/[:]$/, ''), count: count ? Number(count[1]) : null };
}

/** 工业 / 工业项目 / 二、服务业项目 / 基础设施及社会民生 → the category, or null. */
export function readCategory(text: string): Category | null {
  const { core } = groupCore(text);
  return CATEGORY_WORDS.get(core) ?? CATEGORY_WORDS.get(core.replace(/(类)?(建设)?(项目|工程)$/, '').replace(/类$/, '')) ?? null;
}

const INDUSTRY_WORDS = table<Industry>([
  ['equipment', ['装备', '高端装备', '高端装备制造', '装备制造业', '机械', '机械制造', '智能制造', '智能装备', '机械装备']],
  ['biomedicine', ['生物医药', '医药', '生物', '医疗器械', '生物医药及医疗器械']],
  ['new_energy', ['新能源', '光伏', '风电', '储能', '氢能', '清洁能源']],
  ['new_materials', ['新材料', '材料']],
  ['electronics', ['电子信息', '电子', '信息技术', '半导体', '集成电路', '电子元器件', '新一代信息技术']],
  ['auto', ['汽车', '汽车零部件', '汽车及零部件', '新能源汽车']],
  ['chemicals', ['化工', '化学工业', '精细化工', '石化', '石油化工']],
  ['metallurgy', ['冶金', '建材', '钢铁', '有色金属', '冶金建材', '新型建材']],
  ['food', ['食品', '食品加工', '农副产品加工', '农产品加工', '食品饮料', '绿色食品']],
  ['textiles', ['纺织', '服装', '纺织服装', '纺织服饰', '鞋服']],
  ['agriculture', ['农业', '现代农业', '种植', '养殖', '畜牧', '种养殖', '高效农业']],
  ['logistics', ['物流', '现代物流', '仓储物流', '物流仓储']],
  ['tourism', ['文旅', '旅游', '文化旅游', '文化', '文化和旅游', '全域旅游']],
  ['commerce', ['商贸', '商业', '商贸服务', '商务', '批发零售', '商贸流通']],
  ['real_estate', ['房地产', '房地产开发', '地产']],
  ['transport', ['交通', '交通运输', '道路交通', '公路', '铁路', '交通设施']],
  ['water', ['水利', '水务', '水利工程', '水利设施']],
  ['energy', ['能源', '电力', '电网', '能源电力']],
  ['municipal', ['市政', '市政公用', '市政道路', '市政设施', '市政基础设施', '公用设施', '城市基础设施']],
  ['education', ['教育', '学校', '教育事业']],
  ['health', ['医疗', '卫生', '医疗卫生', '卫生健康', '医院', '医疗健康']],
  ['social', ['社会事业', '民生', '社会民生', '养老', '文体']],
  ['other', ['其他', '其它']],
]);
for (const [id, label] of Object.entries(INDUSTRIES.label)) INDUSTRY_WORDS.set(label, id as Industry);

/** An industry label or synonym (食品 → food, 市政道路 → municipal), allowing 产业/行业/类 after it. */
export function readIndustry(text: string): Industry | null {
  const k = key(text);
  return INDUSTRY_WORDS.get(k) ?? INDUSTRY_WORDS.get(k.replace(/(产业|行业|类|项目)$/, '')) ?? null;
}
