import { describe, expect, it } from 'vitest';
import type { BulletinPhoto, BulletinView } from '@tuijin/core';
import { paragraphsOf } from './bulletin-text';
import { changesOf, documentOf, mergeMine, toValues } from './bulletin-values';

const photo = (before: number, after: number, caption = `对比${before}`): BulletinPhoto => ({
  projectId: 1, projectName: '项目甲', pointName: '1号点位', caption,
  before: { mediaId: before, period: '2026-09', capturedAt: null }, after: { mediaId: after, period: '2026-10', capturedAt: null },
});

function bulletin(fields: Partial<BulletinView> = {}): BulletinView {
  return {
    id: 1, regionCode: '371499', regionName: '示范县', period: '2026-10', status: 'draft',
    title: '关于2026年10月份全县重点项目建设情况的通报', docNo: '', issuer: '示范县重点项目推进办公室', issuedOn: '2026-11-05',
    sections: [
      { key: 'overview', heading: '一、总体情况', text: '第一段。\n\n第二段。', tables: [] },
      { key: 'requirements', heading: '二、下步工作要求', text: '要求。', tables: [] },
    ],
    photos: [photo(1, 2)], candidates: [photo(1, 2), photo(3, 4)], figures: {} as BulletinView['figures'],
    version: 3, createdAt: '', updatedAt: '', publishedAt: null, publishedByName: null, docxSha256: null, docxSize: null, canEdit: true,
    ...fields,
  };
}

describe('what a save sends', () => {
  const base = bulletin();
  it.each([
    ['nothing changed', {}, [photo(1, 2)], null],
    ['only blanks around the words', { title: ` ${base.title} ` }, [photo(1, 2)], null],
    ['the 文号', { docNo: '示重点办〔2026〕11号' }, [photo(1, 2)], { docNo: '示重点办〔2026〕11号' }],
    ['one paragraph: every section goes, in order', { sections: [{ key: 'overview' as const, text: '改写。' }, { key: 'requirements' as const, text: '要求。' }] }, [photo(1, 2)],
      { sections: [{ key: 'overview', text: '改写。' }, { key: 'requirements', text: '要求。' }] }],
    ['a caption', {}, [photo(1, 2, '新说明')], { photos: [{ beforeMediaId: 1, afterMediaId: 2, caption: '新说明' }] }],
    ['a pair added', {}, [photo(1, 2), photo(3, 4)], { photos: [{ beforeMediaId: 1, afterMediaId: 2, caption: '对比1' }, { beforeMediaId: 3, afterMediaId: 4, caption: '对比3' }] }],
    ['the pairs reordered', {}, [photo(3, 4), photo(1, 2)], { photos: [{ beforeMediaId: 3, afterMediaId: 4, caption: '对比3' }, { beforeMediaId: 1, afterMediaId: 2, caption: '对比1' }] }],
    ['all pairs removed', {}, [], { photos: [] }],
  ])('%s', (_name, typed, photos, expected) => {
    expect(changesOf(base, { ...toValues(base), ...typed }, photos)).toEqual(expected);
  });
});

describe('the preview while typing', () => {
  it('lays the typed words over the saved bulletin and keeps its tables', () => {
    const base = bulletin({ sections: [{ key: 'overview', heading: '一、总体情况', text: '旧。', tables: [{ title: '表', columns: ['a'], rows: [['1']], numeric: [true] }] }] });
    const doc = documentOf(base, { ...toValues(base), docNo: '11号', sections: [{ key: 'overview', text: '新。' }] }, []);
    expect(doc).toMatchObject({ docNo: '11号', sections: [{ key: 'overview', text: '新。', tables: [{ title: '表' }] }], photos: [] });
  });

  it.each([
    ['第一段。\n\n第二段。', ['第一段。', '第二段。']],
    ['一句话\n接着说。', ['一句话接着说。']],
    ['\n\n  甲。 \n \n\n乙。\n', ['甲。', '乙。']],
    ['', []],
  ])('%j prints as %j, as the Word file joins it', (text, paragraphs) => expect(paragraphsOf(text)).toEqual(paragraphs));
});

describe('after a stale save', () => {
  it('takes the latest and lays over it only what this person changed', () => {
    const base = bulletin();
    const latest = bulletin({ version: 4, title: '他人改的标题', sections: [{ ...base.sections[0]!, text: '他人改的第一段。' }, { ...base.sections[1]!, text: '他人改的要求。' }] });
    const mine = { ...toValues(base), docNo: '11号', sections: [{ key: 'overview' as const, text: base.sections[0]!.text }, { key: 'requirements' as const, text: '我改的要求。' }] };
    const merged = mergeMine(latest, base, mine, base.photos);
    expect(merged.values).toMatchObject({ title: '他人改的标题', docNo: '11号' });
    expect(merged.values.sections).toEqual([{ key: 'overview', text: '他人改的第一段。' }, { key: 'requirements', text: '我改的要求。' }]);
    expect(merged.photos).toEqual(latest.photos);
  });
});
