import { describe, expect, it } from 'vitest';
import { parseHonours } from './people.import.js';

describe('parseHonours', () => {
  it('reads several honours with half- or full-width brackets and separators', () => {
    expect(parseHonours('劳动模范(省部级,2019); 技术能手（企业级，2021）、五一劳动奖章(全国,2020)')).toEqual([
      { kind: 'modelWorker', level: 'province', year: 2019 },
      { kind: 'technicalExpert', level: 'enterprise', year: 2021 },
      { kind: 'mayDayMedal', level: 'national', year: 2020 },
    ]);
    expect(parseHonours('Chief technician (Group, 2022)')).toEqual([
      { kind: 'chiefTechnician', level: 'group', year: 2022 },
    ]);
  });
  it('gives an empty list for a blank cell', () => {
    expect(parseHonours(null)).toEqual([]);
    expect(parseHonours('')).toEqual([]);
  });
  it('explains in Chinese what is wrong with a bad honour', () => {
    expect(parseHonours('劳动模范2019')).toMatch(/格式应为/);
    expect(parseHonours('优秀员工(企业级,2019)')).toMatch(/荣誉名称“优秀员工”/);
    expect(parseHonours('劳动模范(宇宙级,2019)')).toMatch(/荣誉级别“宇宙级”/);
    expect(parseHonours('劳动模范(省部级,1800)')).toMatch(/荣誉年份“1800”/);
    expect(parseHonours('技术能手(企业级,2021); 劳动模范')).toMatch(/“劳动模范”/);
  });
});
