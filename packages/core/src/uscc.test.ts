import { describe, expect, it } from 'vitest';
import { isValidUscc, normalizeUscc, usccCheckChar } from './uscc';

describe('usccCheckChar', () => {
  // Worked by hand with weights 3^i mod 31 and check = (31 − Σ mod 31) mod 31.
  it.each<[string, string]>([
    ['91350100M000100Y4', '3'], // the sample printed in GB 32100-2015 guidance
    ['91110000600037341', 'L'],
    ['91371425MA3C1234X', 'N'],
    ['12371425004512345', 'J'],
    ['52371425MA0000000', '1'],
    ['91370000163040123', 'Y'],
    ['00000000000000000', '0'], // Σ = 0 → 31 mod 31 = 0, not '31'
  ])('%s → %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it.each(['9135010', '91350100M000100Y43', '', '91350100I000100Y4', '91350100m000100Y4'])('refuses %j', (text) => {
    expect(usccCheckChar(text)).toBeNull();
  });
});

describe('isValidUscc', () => {
  it.each([
    '91350100M000100Y43',
    '91110000600037341L',
    '91371425MA3C1234XN',
    '12371425004512345J',
    '52371425MA00000001',
    '91370000163040123Y',
    '91350100m000100y43',
    ' 91350100M000100Y43 ',
  ])('accepts %j', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each<[string, string]>([
    ['wrong check character', '91350100M000100Y44'],
    ['check character off by one symbol', '91371425MA3C1234XP'],
    ['two characters swapped', '91350100M000100Y34'],
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y430'],
    ['empty', ''],
    ['letter in the region digits', '9135A100M000100Y43'],
    ['forbidden I', '91350100I000100Y43'],
    ['forbidden O', '91350100O000100Y43'],
    ['forbidden S', '91350100S000100Y43'],
    ['forbidden V', '91350100V000100Y43'],
    ['forbidden Z', '91350100Z000100Y43'],
    ['forbidden letter as check character', '9137142500451234ZI'],
    ['hyphen not normalised', '91350100-M000100Y43'],
  ])('refuses %s: %j', (_case, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  // Every position that takes letters refuses the five look-alikes (I/1, O/0, S/5, V/U, Z/2).
  it.each(['I', 'O', 'S', 'V', 'Z'])('refuses %s at every letter position', (letter) => {
    const valid = '91371425MA3C1234XN';
    const positions = [0, 1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
    const refused = positions.filter((i) => !isValidUscc(valid.slice(0, i) + letter + valid.slice(i + 1)));
    expect(refused).toEqual(positions);
  });
});

describe('normalizeUscc', () => {
  it.each<[string, string]>([
    ['91350100m000100y43', '91350100M000100Y43'],
    ['  91350100M000100Y43\n', '91350100M000100Y43'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['913501-00M000-100Y43', '91350100M000100Y43'],
  ])('%j → %s', (input, output) => {
    expect(normalizeUscc(input)).toBe(output);
    expect(isValidUscc(normalizeUscc(input))).toBe(true);
  });
});
