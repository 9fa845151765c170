import { z } from 'zod';
import type { RegionLevel } from '../catalog';
import { date, id, optionalText, pageParam, pageSizeParam, period, requiredText, text, version, yearParam } from '../schemas/fields';

// The monthly bulletin (月度通报): one per region and month, drafted from the data (figures,
// tables, the red and yellow projects, obstacles, inspections, rankings, photo comparisons),
// its paragraphs edited by the office, then published once — the .docx rendered at publishing
// is stored and handed out byte for byte ever after.

export type BulletinStatus = 'draft' | 'published';
export const BULLETIN_STATUS_LABEL: Record<BulletinStatus, string> = { draft: '草稿', published: '已发布' };

/** The sections of a bulletin, in their printed order. */
export const BULLETIN_SECTION_KEYS = ['overview', 'categories', 'departments', 'counties', 'warnings', 'obstacles', 'inspections', 'rankings', 'photos', 'requirements'] as const;
export type BulletinSectionKey = (typeof BULLETIN_SECTION_KEYS)[number];

export interface BulletinTable {
  title: string | null;
  columns: string[];
  /** Cells as printed (money already in 万元/亿元, rates with %). */
  rows: string[][];
  /** Per column: right-aligned numbers. */
  numeric: boolean[];
}

export interface BulletinSection {
  key: BulletinSectionKey;
  /** 「一、总体情况」: numbered in printed order. */
  heading: string;
  /** The office-editable paragraphs: plain text, paragraphs separated by a blank line. */
  text: string;
  /** From the data; refreshed only by 重新生成. */
  tables: BulletinTable[];
}

export interface BulletinShot {
  mediaId: number;
  period: string;
  /** UTC ISO, or null when the photo carried no capture time. */
  capturedAt: string | null;
}

/** A same-angle comparison: the same shooting point (or project) in an earlier month and this one. */
export interface BulletinPhoto {
  projectId: number;
  projectName: string;
  pointName: string | null;
  caption: string;
  before: BulletinShot;
  after: BulletinShot;
}

/** One line of a ranking as the bulletin prints it. */
export interface BulletinRankingLine {
  name: string;
  rank: number;
  total: number;
  /** Positive: rose since last month (↑); negative: fell (↓); null: not ranked last month. */
  movement: number | null;
  flag: 'red' | 'yellow' | null;
}

/** The summary numbers, as of the month's end. Money in integer yuan; rates as fractions (0.83). */
export interface BulletinFigures {
  period: string;
  /** 'YYYY-MM-DD', the month's last day. */
  asOf: string;
  regionLevel: RegionLevel;
  projects: number;
  byCategory: { industrial: number; services: number; infrastructure: number };
  totalInvestment: number;
  annualPlan: number;
  /** This year's investment completed through the month (approved reports; plan figures where none). */
  completedYtd: number;
  completionRate: number | null;
  /** 序时进度 at the month's end (10月 → 10/12). */
  pace: number;
  /** Percentage points above (positive) or below 序时进度, one decimal; null without a plan. */
  paceGap: number | null;
  /** Last year's figure for the same months, or null when some project lacks it (上年同期数据不全). */
  lastYearYtd: number | null;
  growth: number | null;
  thisMonthInvestment: number;
  started: { count: number; names: string[] };
  completed: { count: number; names: string[] };
  warnings: { red: number; yellow: number };
  obstacles: { opened: number; closed: number; open: number; overdue: number };
  inspections: { count: number; findings: number; booksAhead: number; poor: number };
  /** Whether the month's scores existed when the draft was (re)generated. */
  scored: boolean;
  /** For a city or province: the counties by completed investment, first first. */
  counties: { code: string; name: string; projects: number; annualPlan: number; completedYtd: number; rate: number | null }[];
  generatedAt: string;
}

export interface BulletinView {
  id: number;
  regionCode: string;
  regionName: string;
  period: string;
  status: BulletinStatus;
  title: string;
  /** 文号, e.g. 〔2026〕11号 (may be empty while drafting). */
  docNo: string;
  /** 发文机关, by default 「XX县重点项目推进办公室」. */
  issuer: string;
  /** 'YYYY-MM-DD' */
  issuedOn: string;
  sections: BulletinSection[];
  photos: BulletinPhoto[];
  /** The comparisons the office may pick from (a draft only; empty once published). */
  candidates: BulletinPhoto[];
  figures: BulletinFigures;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedByName: string | null;
  docxSha256: string | null;
  docxSize: number | null;
  canEdit: boolean;
}

export interface BulletinListItem {
  id: number;
  regionCode: string;
  regionName: string;
  period: string;
  status: BulletinStatus;
  title: string;
  docNo: string;
  issuedOn: string;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  publishedByName: string | null;
  docxSha256: string | null;
}

export const MAX_BULLETIN_PHOTOS = 8;

/** Field names of these forms, for the Chinese messages. */
export const BULLETIN_LABELS: Record<string, string> = {
  period: '通报月份', title: '标题', docNo: '文号', issuer: '发文机关', issuedOn: '印发日期', sections: '正文段落',
  key: '段落', text: '段落文字', photos: '照片对比', beforeMediaId: '前期照片', afterMediaId: '本期照片', caption: '图片说明',
};

export const bulletinCreate = z.strictObject({ period });
export type BulletinCreateInput = z.infer<typeof bulletinCreate>;

const sectionKey = z.enum(BULLETIN_SECTION_KEYS, { error: '段落不存在' });

export const bulletinUpdate = z.strictObject({
  version,
  title: requiredText(120).optional(),
  docNo: text(40).optional(),
  issuer: requiredText(60).optional(),
  issuedOn: date.optional(),
  sections: z.array(z.strictObject({ key: sectionKey, text: text(6000) }), { error: '必须是段落列表' }).max(BULLETIN_SECTION_KEYS.length, '段落过多').optional(),
  photos: z.array(z.strictObject({ beforeMediaId: id, afterMediaId: id, caption: optionalText(100) }), { error: '必须是照片对比列表' })
    .max(MAX_BULLETIN_PHOTOS, `照片对比最多 ${MAX_BULLETIN_PHOTOS} 组`).optional(),
}).superRefine((input, ctx) => {
  const keys = new Set<string>();
  input.sections?.forEach((s, i) => {
    if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'key'], message: '同一段落出现了两次' });
    keys.add(s.key);
  });
  input.photos?.forEach((p, i) => {
    if (p.beforeMediaId === p.afterMediaId) ctx.addIssue({ code: 'custom', path: ['photos', i, 'afterMediaId'], message: '前后两张照片不能是同一张' });
  });
});
export type BulletinUpdateInput = z.infer<typeof bulletinUpdate>;

export const bulletinAction = z.strictObject({ version });
export type BulletinActionInput = z.infer<typeof bulletinAction>;

export const bulletinDeleteQuery = z.strictObject({ version: z.coerce.number({ error: '缺少版本号' }).pipe(version) });

export const bulletinListQuery = z.strictObject({ year: yearParam.optional(), page: pageParam, pageSize: pageSizeParam(200).default(50) });
export type BulletinListQuery = z.infer<typeof bulletinListQuery>;
