import type { ScoringScheme, SubjectKind } from '@tuijin/core';

// The shapes the server answers for 考核 (server features/assessment): the scheme versions, a
// month's run and rankings, one score explained, the year's averages and the 奖惩 records.

export interface SchemeVersionView {
  /** null for the built-in scheme, which is no stored version. */
  id: number | null;
  version: number;
  name: string;
  effectiveFrom: string;
  document: ScoringScheme;
  note: string | null;
  createdAt: string | null;
  createdByName: string | null;
}

export interface SchemesView {
  regionCode: string;
  regionName: string;
  /** The month `current` is in force for. */
  period: string;
  /** Where the month's scheme comes from when it is not the county's own (a region's name, or 系统默认). */
  inheritedFrom: string | null;
  current: SchemeVersionView;
  /** The county's own versions, newest first. */
  versions: SchemeVersionView[];
  /** 0 when the county has none: the base a revision is saved against. */
  latestOwnVersion: number;
  /** The last month whose scores are frozen: a new version may only take effect after it. */
  publishedThrough: string | null;
}

export type RunStatus = 'draft' | 'published';

export interface ScoreRun {
  status: RunStatus;
  computedAt: string;
  publishedAt: string | null;
  version: number;
  /** How many projects were scored. */
  projects: number;
  scheme: { name: string; version: number; effectiveFrom: string };
}

/** The server keys subjects as text (an id, or a county's region code). */
export type SubjectId = number | string;

export interface RankingItem {
  subjectId: SubjectId;
  name: string;
  total: number;
  base: number;
  bonus: number;
  rank: number;
  previousRank: number | null;
  /** Places climbed since last month (negative: fell); null when not ranked last month. */
  movement: number | null;
  flag: 'red' | 'yellow' | null;
  /** For groups: how many projects their mean is taken over. */
  projects: number | null;
}

export interface ScoresView {
  period: string;
  kind: SubjectKind;
  /** The subjects the month's scheme ranks. */
  kinds: SubjectKind[];
  run: ScoreRun | null;
  items: RankingItem[];
  total: number;
}

export type RefKind = 'report' | 'finding' | 'obstacle' | 'node' | 'project';

export interface ExplainRef {
  kind: RefKind;
  id: number;
  label: string;
  date: string | null;
  link: string | null;
}

export interface ExplainItem {
  key: string;
  label: string;
  metric: string;
  metricLabel: string;
  formulaText: string;
  weight: number;
  max: number;
  score: number;
  /** false when the item does not apply to the subject this month (no node due…): full marks. */
  applicable: boolean;
  value: number | null;
  valueText: string;
  events: number;
  explain: string;
  refs: ExplainRef[];
}

export interface ScoreExplanation {
  period: string;
  kind: SubjectKind;
  subject: { id: SubjectId; name: string };
  total: number;
  base: number;
  bonus: number;
  rank: number;
  of: number;
  flag: 'red' | 'yellow' | null;
  /** The month's run, with the scheme it was scored under. */
  run: ScoreRun;
  /** A project's: the full marks of the items that applied, which its base is scaled from. */
  applicableWeight: number | null;
  items: ExplainItem[];
  /** For a group: the projects whose mean its score is. */
  projects: { projectId: number; name: string; total: number; rank: number }[] | null;
}

export interface YearItem {
  subjectId: SubjectId;
  name: string;
  average: number;
  /** Months scored. */
  months: number;
  rank: number;
  grade: string;
  monthly: { period: string; total: number }[];
}

export interface YearView {
  year: number;
  kind: SubjectKind;
  months: string[];
  items: YearItem[];
}

export type AwardSubjectKind = Exclude<SubjectKind, 'region'>;
export type AwardKind = 'reward' | 'penalty';

export interface Award {
  id: number;
  year: number;
  subjectKind: AwardSubjectKind;
  subjectId: string;
  subjectName: string;
  kind: AwardKind;
  title: string;
  detail: string | null;
  docNo: string | null;
  decidedOn: string;
  version: number;
  createdAt: string;
  createdByName: string | null;
}

/** What a record says; its year and subject are fixed once recorded. */
export interface AwardFields {
  kind: AwardKind;
  title: string;
  detail: string | null;
  docNo: string | null;
  decidedOn: string;
}

export interface AwardBody extends AwardFields {
  year: number;
  subjectKind: AwardSubjectKind;
  subjectId: number;
}
