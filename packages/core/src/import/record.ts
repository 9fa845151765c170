import { CURRENCIES, type Currency } from '../catalog';
import { isValidUscc, normalizeUscc } from '../uscc';
import type { Cells } from './cells';
import { readPhones, splitContact } from './contact';
import { readDate, readDateRange, type DatePart } from './dates';
import type { CellValue, ColumnMapping, ImportField, ImportProblem, ParsedRecord, SumCheck } from './types';
import { foreignToYuan, readMoney, readPercent, readText, toHalfWidth, type PercentRead } from './values';
import { readCategory, readIndustry, readLevels, readNature, readStage } from './words';

// One project row → one ParsedRecord. A value that cannot be read is reported against its
// cell and left out: an amount is an error (it would distort every total), a date, a word or
// a code is a warning (the project is still right without it).

export type SumField = SumCheck['field'];

export interface RowContext {
  sheet: string;
  cells: Cells;
  columns: ColumnMapping[];
  rates: Partial<Record<Currency, string>>;
  problems: ImportProblem[];
  currencies: Set<Currency>;
}

export interface RowDefaults {
  category?: ParsedRecord['category'];
  stage?: ParsedRecord['stage'];
  nature?: ParsedRecord['nature'];
}

export interface RowResult {
  record: ParsedRecord;
  /** Amount fields whose cell could not be read (a sum over them is not checked). */
  unread: Set<SumField>;
  rate?: PercentRead;
}

type TextField = 'name' | 'ownerName' | 'township' | 'address' | 'contentScale' | 'progress' | 'nodes' | 'leaderName'
  | 'firstResponsibleName' | 'responsibleOrgName' | 'problems' | 'remarks';
const TEXT_FIELDS: ReadonlySet<ImportField> = new Set<TextField>([
  'name', 'ownerName', 'township', 'address', 'contentScale', 'progress', 'nodes', 'leaderName', 'firstResponsibleName',
  'responsibleOrgName', 'problems', 'remarks',
]);
type AmountField = 'totalInvestment' | 'plan' | 'target' | 'completed' | 'completedLastYear' | 'annualRevenue' | 'annualProfitTax';

export function cellPrefix(row: number, col: ColumnMapping): string {
  return `第 ${row} 行 ${col.letter} 列「${col.header}」：`;
}

export function readRow(ctx: RowContext, r: number, defaults: RowDefaults): RowResult {
  const row = r + 1;
  const record: ParsedRecord = { sheet: ctx.sheet, row, name: '' };
  const unread = new Set<SumField>();
  const result: RowResult = { record, unread };
  const problem = (level: ImportProblem['level'], col: ColumnMapping, what: string) =>
    ctx.problems.push({ level, sheet: ctx.sheet, row, column: col.letter, field: col.field ?? undefined, message: cellPrefix(row, col) + what });
  let period: { col: ColumnMapping; start: DatePart | null; end: DatePart | null } | null = null;
  let contactFromName: string | undefined;

  for (const col of ctx.columns) {
    const field = col.field;
    if (!field || field === 'ignore' || field === 'seq') continue;
    // Text merged down over several projects (one unit for two rows) belongs to each of them;
    // an amount is read from its own cell only, or a merged total would be counted twice.
    const value = TEXT_FIELDS.has(field) || field === 'contactName' ? ctx.cells.down(r, col.index) : ctx.cells.raw(r, col.index);
    if (TEXT_FIELDS.has(field)) {
      const text = readText(value);
      if (text != null) record[field as TextField] = text;
      continue;
    }
    switch (field) {
      case 'totalInvestment': case 'plan': case 'target': case 'completed': case 'completedLastYear':
      case 'annualRevenue': case 'annualProfitTax': case 'foreignInvestment':
        readAmount(ctx, result, col, field, value, (level, what) => problem(level, col, what));
        break;
      case 'completionRate': {
        const rate = readPercent(value);
        if (rate.kind === 'invalid') problem('warning', col, `无法识别的百分比“${rate.text}”，未用于核对`);
        else result.rate = rate;
        break;
      }
      case 'startDate': case 'completionDate': {
        const date = readDate(value);
        if (date.kind === 'empty') break;
        if (date.kind === 'invalid') { problem('warning', col, `无法识别的日期“${date.text}”，未设置`); break; }
        setDate(record, field === 'startDate' ? 'start' : 'end', date, (w) => problem('warning', col, w));
        break;
      }
      case 'period': {
        const range = readDateRange(value);
        if (range.kind === 'invalid') problem('warning', col, `无法识别的建设年限“${range.text}”，未设置开工和竣工时间`);
        if (range.kind === 'range') period = { col, start: range.start, end: range.end };
        break;
      }
      case 'code': {
        const text = readText(value);
        if (text == null) break;
        const code = toHalfWidth(text).replace(/\s+/g, '');
        if (/^[0-9A-Za-z-]{1,40}$/.test(code)) record.code = code;
        else problem('warning', col, `项目代码“${text}”只能包含数字、字母和连字符，未导入`);
        break;
      }
      case 'uscc': {
        const text = readText(value);
        if (text == null) break;
        const code = normalizeUscc(toHalfWidth(text));
        if (isValidUscc(code)) record.uscc = code;
        else problem('warning', col, `统一社会信用代码“${text}”校验不通过，已忽略该代码，请核对`);
        break;
      }
      case 'category': case 'industry': case 'nature': case 'stage': case 'level':
        readWord(record, field, readText(value), (w) => problem('warning', col, w));
        break;
      case 'contactName': {
        const text = readText(value);
        if (text == null) break;
        const { name, phones } = splitContact(text);
        if (name) record.contactName = name;
        contactFromName = phones[0];
        break;
      }
      case 'contactPhone': {
        const text = readText(value);
        if (text == null) break;
        const { phones, invalid } = readPhones(text);
        if (phones[0]) record.contactPhone = phones[0];
        if (invalid.length) problem('warning', col, `无法识别的电话号码“${invalid.join('、')}”（手机 11 位，固定电话须带区号），未导入`);
        if (phones.length > 1) problem('warning', col, `有 ${phones.length} 个电话号码，只导入了第一个 ${phones[0]}`);
        break;
      }
    }
  }
  record.contactPhone ??= contactFromName;
  if (period) applyPeriod(record, period, (col, w) => problem('warning', col, w));
  record.category ??= defaults.category;
  record.stage ??= defaults.stage;
  record.nature ??= defaults.nature;
  return result;
}

const SUM_FIELDS: ReadonlySet<ImportField> = new Set<SumField>(['totalInvestment', 'plan', 'target', 'completed', 'completedLastYear']);

/**
 * An amount cell. Yuan go straight to the record; a foreign amount needs the user's rate, and
 * on 总投资 or 其中：外资 is also kept as written (amount, currency, rate) beside the yuan.
 */
function readAmount(
  ctx: RowContext,
  result: RowResult,
  col: ColumnMapping,
  field: AmountField | 'foreignInvestment',
  value: CellValue,
  report: (level: ImportProblem['level'], what: string) => void,
): void {
  const { record, unread } = result;
  const money = readMoney(value, col.unit ?? { kind: 'cny', unit: 'wan' });
  const fail = () => { if (SUM_FIELDS.has(field)) unread.add(field as SumField); };
  if (money.kind === 'empty') return;
  if (money.kind === 'invalid') {
    report('error', money.reason === 'negative' ? `金额不能为负数“${money.text}”` : money.reason === 'range' ? `金额“${money.text}”过大，无法导入` : `无法识别的金额“${money.text}”`);
    fail();
    return;
  }
  if (money.kind === 'cny') {
    if (field === 'foreignInvestment') report('warning', `外资金额“${readText(value) ?? ''}”未注明外币币种，未导入；请在表头或单元格中写明币种，如“万美元”`);
    else record[field] = money.yuan;
    return;
  }
  // Every currency met is listed, confirmed or not, so the preview keeps showing its rate.
  ctx.currencies.add(money.currency);
  const rate = ctx.rates[money.currency];
  if (rate == null) {
    report('error', `外币金额“${money.text}”需要确认${CURRENCIES.label[money.currency]}兑人民币汇率后才能导入`);
    fail();
    return;
  }
  const foreign = { amount: money.amount, currency: money.currency, rate };
  if (field === 'foreignInvestment') {
    if (record.foreign && record.foreign.amount !== foreign.amount) report('warning', `外资“${money.text}”与总投资中的外币金额不一致，以总投资为准`);
    record.foreign ??= foreign;
    return;
  }
  const yuan = foreignToYuan(money.amount, rate);
  if (yuan == null) {
    report('error', `外币金额“${money.text}”按汇率 ${rate} 折算后超出范围`);
    fail();
    return;
  }
  record[field] = yuan;
  if (field === 'totalInvestment') record.foreign = foreign;
}

function setDate(record: ParsedRecord, end: 'start' | 'end', part: DatePart, warn: (w: string) => void): void {
  if (part.kind === 'undecided') { warn(`日期写的是“${part.text}”，未设置${end === 'start' ? '开工' : '竣工'}时间`); return; }
  if (part.note) warn(part.note);
  if (end === 'start') record.commitStartDate = part.span.from;
  else record.commitCompletionDate = part.span.to;
}

/** 建设年限 fills what the own 开工/竣工 columns left empty. A lone year spans it; a lone month is a start. */
function applyPeriod(
  record: ParsedRecord,
  period: { col: ColumnMapping; start: DatePart | null; end: DatePart | null },
  warn: (col: ColumnMapping, w: string) => void,
): void {
  const { col, start, end } = period;
  if (start && record.commitStartDate == null) setDate(record, 'start', start, (w) => warn(col, w));
  if (!end || record.commitCompletionDate != null) return;
  if (end !== start) { setDate(record, 'end', end, (w) => warn(col, w)); return; }
  // One value in the cell: already read (and any warning given) as the start.
  if (end.kind !== 'date') return;
  const { from, to } = end.span;
  const wholeYear = from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4);
  if (wholeYear) record.commitCompletionDate = to;
  else warn(col, '建设年限只写了一个日期，已作为开工时间；竣工时间未设置');
}

function readWord(record: ParsedRecord, field: 'category' | 'industry' | 'nature' | 'stage' | 'level', text: string | undefined, warn: (w: string) => void): void {
  if (text == null) return;
  if (field === 'category') {
    const category = readCategory(text);
    if (category) record.category = category;
    else warn(`无法识别的项目类别“${text}”（可用：工业、服务业、基础设施和民生），未设置`);
  } else if (field === 'industry') {
    const industry = readIndustry(text);
    if (industry) record.industry = industry;
    else warn(`无法识别的行业“${text}”，未设置；请改为系统中的行业名称`);
  } else if (field === 'nature') {
    const nature = readNature(text);
    if (nature) record.nature = nature;
    else warn(`无法识别的建设性质“${text}”（可用：新建、续建、扩建、改建），未设置`);
  } else if (field === 'stage') {
    const stage = readStage(text);
    if (!stage) { warn(`无法识别的项目进展“${text}”（如：签约、前期、新开工、续建、在建、竣工、投产），未设置阶段`); return; }
    record.stage = stage.stage;
    // The nature column, when there is one, says it more directly than the stage word.
    if (stage.nature) record.nature ??= stage.nature;
  } else {
    const { levels, unknown } = readLevels(text);
    if (levels.length) record.levels = levels;
    if (unknown.length) warn(`无法识别的项目级别“${unknown.join('、')}”（可用：县级、市级、省级、国家级），${levels.length ? '其余级别已导入' : '未设置'}`);
  }
}
