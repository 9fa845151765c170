import { describe, expect, it } from 'vitest';
import type { Category, Industry, KeyListLevel, Nature } from '../catalog';
import type { Stage } from '../stages';
import { groupCore, readCategory, readIndustry, readLevels, readNature, readStage } from './words';

describe('readStage', () => {
  it.each<[string, Stage, Nature | undefined]>([
    ['谋划', 'planning', undefined],
    ['储备', 'reserve', undefined],
    ['签约', 'signed', undefined],
    ['前期', 'preparing', undefined],
    ['前期阶段', 'preparing', undefined],
    ['新开工', 'under_construction', 'new'],
    ['续建', 'under_construction', 'continued'],
    ['在建', 'under_construction', undefined],
    ['竣工', 'completed', undefined],
    ['投产', 'operating', undefined],
    ['达产', 'full_production', undefined],
    ['停建', 'suspended', undefined],
    ['缓建', 'suspended', undefined],
    ['终止', 'terminated', undefined],
    [' 续 建 ', 'under_construction', 'continued'],
  ])('%j → %s', (word, stage, nature) => {
    expect(readStage(word)).toEqual(nature ? { stage, nature } : { stage });
  });

  it.each<[string]>([['拿地'], ['主体施工完成80%'], ['__proto__'], ['constructor'], ['toString'], ['']])('%j is unknown', (word) => {
    expect(readStage(word)).toBeNull();
  });
});

describe('readNature', () => {
  it.each<[string, Nature | null]>([
    ['新建', 'new'], ['新开工', 'new'], ['续建', 'continued'], ['扩建', 'expansion'], ['改扩建', 'expansion'], ['技改', 'renovation'],
    ['改建项目', 'renovation'], ['迁建', null], ['hasOwnProperty', null],
  ])('%j → %s', (word, nature) => {
    expect(readNature(word)).toBe(nature);
  });
});

describe('readLevels', () => {
  it.each<[string, KeyListLevel[], string[]]>([
    ['县级', ['county'], []],
    ['县重点', ['county'], []],
    ['市级', ['city'], []],
    ['市重点', ['city'], []],
    ['省级', ['province'], []],
    ['省重点', ['province'], []],
    ['国家级', ['national'], []],
    ['国家重点', ['national'], []],
    ['市级；省级', ['city', 'province'], []],
    ['省级,市级', ['city', 'province'], []],
    ['县、市', ['county', 'city'], []],
    ['省市重点', ['city', 'province'], []],
    ['县级重点项目', ['county'], []],
    ['市级、区级', ['city'], ['区级']],
    ['重点', [], ['重点']],
    ['__proto__', [], ['__proto__']],
  ])('%j → %j (unknown %j)', (text, levels, unknown) => {
    expect(readLevels(text)).toEqual({ levels, unknown });
  });
});

describe('readCategory', () => {
  it.each<[string, Category | null]>([
    ['工业', 'industrial'],
    ['工业项目', 'industrial'],
    ['一、工业项目（65个）', 'industrial'],
    ['服务业', 'services'],
    ['现代服务业', 'services'],
    ['二、服务业项目', 'services'],
    ['基础设施', 'infrastructure'],
    ['民生', 'infrastructure'],
    ['社会民生', 'infrastructure'],
    ['基础设施及社会民生', 'infrastructure'],
    ['基础设施和民生', 'infrastructure'],
    ['三、基础设施及社会民生项目', 'infrastructure'],
    ['（一）基础设施类项目', 'infrastructure'],
    ['农业', null],
    ['valueOf', null],
  ])('%j → %s', (text, category) => {
    expect(readCategory(text)).toBe(category);
  });

  it.each<[string, string, number | null]>([
    ['一、工业项目（65个）', '工业项目', 65],
    ['（二）续建项目(12项)', '续建项目', 12],
    ['三、基础设施', '基础设施', null],
  ])('groupCore(%j) → %j, %s', (text, core, count) => {
    expect(groupCore(text)).toEqual({ core, count });
  });
});

describe('readIndustry', () => {
  it.each<[string, Industry | null]>([
    ['装备制造', 'equipment'],
    ['装备', 'equipment'],
    ['高端装备', 'equipment'],
    ['生物医药', 'biomedicine'],
    ['新能源', 'new_energy'],
    ['新材料', 'new_materials'],
    ['食品', 'food'],
    ['食品加工', 'food'],
    ['食品产业', 'food'],
    ['物流', 'logistics'],
    ['现代物流', 'logistics'],
    ['文旅', 'tourism'],
    ['旅游', 'tourism'],
    ['文化旅游', 'tourism'],
    ['商贸服务', 'commerce'],
    ['市政道路', 'municipal'],
    ['医疗卫生', 'health'],
    ['教育', 'education'],
    ['水利', 'water'],
    ['其他', 'other'],
    ['区块链', null],
    ['toString', null],
    ['__proto__', null],
  ])('%j → %s', (text, industry) => {
    expect(readIndustry(text)).toBe(industry);
  });
});
