import { sectionNumeral } from './numerals';
import { draftCategories, draftCounties, draftDepartments, draftOverview, type Drafted } from './compose-progress';
import { draftRankings } from './compose-rankings';
import { draftInspections, draftObstacles, draftPhotos, draftRequirements, draftWarnings } from './compose-supervision';
import { composeFigures } from './figures';
import type { BulletinInput } from './input';
import type { BulletinFigures, BulletinSection, BulletinSectionKey } from './types';

// A month's bulletin drafted from its facts: the figures and, section by section in printed
// order, the default paragraphs (as the office writes them) and the tables. The office edits
// the paragraphs; 重新生成 drafts everything again from the data.

export const SECTION_HEADING: Record<BulletinSectionKey, string> = {
  overview: '总体情况',
  categories: '分类推进情况',
  departments: '责任单位推进情况',
  counties: '各县（市、区）推进情况',
  warnings: '红黄预警项目情况',
  obstacles: '问题协调解决情况',
  inspections: '督导检查情况',
  rankings: '考核排名情况',
  photos: '影像资料对比',
  requirements: '下步工作要求',
};

type Drafter = (input: BulletinInput, f: BulletinFigures) => Drafted;
const DRAFTERS: [BulletinSectionKey, Drafter][] = [
  ['overview', draftOverview],
  ['categories', draftCategories],
  ['departments', draftDepartments],
  ['counties', draftCounties],
  ['warnings', draftWarnings],
  ['obstacles', draftObstacles],
  ['inspections', draftInspections],
  ['rankings', draftRankings],
  ['photos', draftPhotos],
  ['requirements', draftRequirements],
];

/** The sections a region's bulletin has: a county has no counties to rank. */
export function sectionKeys(level: BulletinInput['regionLevel']): BulletinSectionKey[] {
  return DRAFTERS.map(([key]) => key).filter((key) => key !== 'counties' || level !== 'county');
}

export function composeBulletin(input: BulletinInput): { figures: BulletinFigures; sections: BulletinSection[] } {
  const figures = composeFigures(input);
  const keys = sectionKeys(input.regionLevel);
  const sections = DRAFTERS.filter(([key]) => keys.includes(key)).map(([key, draft], i) => {
    const { text, tables } = draft(input, figures);
    return { key, heading: `${sectionNumeral(i + 1)}、${SECTION_HEADING[key]}`, text, tables };
  });
  return { figures, sections };
}
