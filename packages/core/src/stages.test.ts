import { describe, expect, it } from 'vitest';
import { ACTIVE_STAGES, STAGES, STAGE_LABEL, STAGE_OPTIONS, canTransition, isMainLineAfter, nextStages, type Stage } from './stages';

describe('canTransition', () => {
  it.each<[Stage, Stage, boolean]>([
    // forward along the main line, skipping allowed
    ['planning', 'reserve', true],
    ['planning', 'signed', true],
    ['planning', 'full_production', true],
    ['reserve', 'under_construction', true],
    ['under_construction', 'completed', true],
    ['completed', 'full_production', true],
    ['operating', 'full_production', true],
    // one step back to correct a mistake
    ['reserve', 'planning', true],
    ['under_construction', 'preparing', true],
    ['full_production', 'operating', true],
    // two or more steps back refused
    ['signed', 'planning', false],
    ['under_construction', 'signed', false],
    ['full_production', 'completed', false],
    ['full_production', 'planning', false],
    // staying put is not a move
    ['planning', 'planning', false],
    ['under_construction', 'under_construction', false],
    ['suspended', 'suspended', false],
    ['terminated', 'terminated', false],
    // into 停缓建
    ['reserve', 'suspended', true],
    ['signed', 'suspended', true],
    ['under_construction', 'suspended', true],
    ['operating', 'suspended', true],
    ['planning', 'suspended', false],
    ['full_production', 'suspended', false],
    // 终止 from anywhere but the end
    ['planning', 'terminated', true],
    ['under_construction', 'terminated', true],
    ['operating', 'terminated', true],
    ['suspended', 'terminated', true],
    ['full_production', 'terminated', false],
    // terminated is final
    ['terminated', 'planning', false],
    ['terminated', 'under_construction', false],
    ['terminated', 'suspended', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  // Leaving 停缓建: back to where it was, one step before it, or forward.
  it.each<[Stage, Stage | null | undefined, boolean]>([
    ['under_construction', 'under_construction', true],
    ['preparing', 'under_construction', true],
    ['completed', 'under_construction', true],
    ['full_production', 'under_construction', true],
    ['signed', 'under_construction', false],
    ['planning', 'under_construction', false],
    ['signed', 'signed', true],
    ['reserve', 'signed', true],
    ['planning', 'signed', false],
    // without a remembered stage any main-line stage is allowed
    ['planning', null, true],
    ['under_construction', undefined, true],
  ])('suspended → %s with resumeTo %s: %s', (to, resumeTo, allowed) => {
    expect(canTransition('suspended', to, resumeTo)).toBe(allowed);
  });

  it('ignores resumeTo when not leaving 停缓建', () => {
    expect(canTransition('under_construction', 'signed', 'signed')).toBe(false);
    expect(canTransition('signed', 'preparing', 'full_production')).toBe(true);
  });
});

describe('nextStages', () => {
  it.each<[Stage, Stage | null, Stage[]]>([
    ['planning', null, ['reserve', 'signed', 'preparing', 'under_construction', 'completed', 'operating', 'full_production', 'terminated']],
    ['under_construction', null, ['preparing', 'completed', 'operating', 'full_production', 'suspended', 'terminated']],
    ['full_production', null, ['operating']],
    ['terminated', null, []],
    ['suspended', 'under_construction', ['preparing', 'under_construction', 'completed', 'operating', 'full_production', 'terminated']],
    ['suspended', 'signed', ['reserve', 'signed', 'preparing', 'under_construction', 'completed', 'operating', 'full_production', 'terminated']],
  ])('from %s (resumeTo %s) → %j', (from, resumeTo, expected) => {
    expect(nextStages(from, resumeTo)).toEqual(expected);
  });

  it('agrees with canTransition for every pair', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        expect(nextStages(from).includes(to)).toBe(canTransition(from, to));
      }
    }
  });
});

describe('isMainLineAfter', () => {
  it.each<[Stage, Stage, boolean]>([
    ['under_construction', 'signed', true],
    ['signed', 'under_construction', false],
    ['signed', 'signed', false],
    ['full_production', 'planning', true],
  ])('%s after %s: %s', (stage, than, expected) => {
    expect(isMainLineAfter(stage, than)).toBe(expected);
  });
});

describe('stage vocabulary', () => {
  it('has a Chinese label and an option for every stage, in order', () => {
    expect(STAGES).toEqual([
      'planning', 'reserve', 'signed', 'preparing', 'under_construction', 'completed', 'operating',
      'full_production', 'suspended', 'terminated',
    ]);
    expect(STAGE_OPTIONS.map((o) => o.label)).toEqual(['谋划', '储备', '签约', '前期', '在建', '竣工', '投产', '达产', '停缓建', '终止']);
    expect(STAGE_LABEL.under_construction).toBe('在建');
  });

  it('counts projects from signing onwards, including 停缓建, as active', () => {
    expect([...ACTIVE_STAGES].sort()).toEqual(
      ['completed', 'full_production', 'operating', 'preparing', 'signed', 'suspended', 'under_construction'],
    );
  });
});
