import type { HonourLevel, NamingLevel } from '../../../common/enums.js';
import type { Condition, RulebookPurpose, ScoreSheet } from '../../../common/schemas/rulebooks.js';

/**
 * The rulebooks shipped with the product, modelled on real union documents. Migration 0004 inserts
 * them as version 1 (rulebooks.defaults.int.test.ts checks the two never drift apart); the group
 * admin edits them into new versions.
 */
export interface DefaultRulebook {
  purpose: RulebookPurpose;
  level: NamingLevel | null;
  name: string;
  note: string;
  conditions: Condition[];
  sheet: ScoreSheet;
}

const gradeBands = [
  { name: '优秀', minScore: 90 },
  { name: '良好', minScore: 75 },
  { name: '合格', minScore: 60 },
  { name: '不合格', minScore: 0 },
];

const fiveIndicators = [
  {
    key: 'basics',
    name: '基础保障',
    maxPoints: 35,
    guidance:
      '有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。',
  },
  {
    key: 'management',
    name: '日常管理',
    maxPoints: 15,
    guidance: '工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。',
  },
  {
    key: 'breakthrough',
    name: '技术攻关',
    maxPoints: 15,
    guidance: '承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。',
  },
  {
    key: 'exchange',
    name: '技术交流',
    maxPoints: 15,
    guidance: '开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。',
  },
  {
    key: 'mentoring',
    name: '带徒传艺',
    maxPoints: 20,
    guidance: '签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。',
  },
];

const bonusItems = [
  { key: 'patents', name: '专利授权', maxPoints: 4, guidance: '每项发明专利 2 分、实用新型 1 分。' },
  {
    key: 'awards',
    name: '省部级及以上奖项',
    maxPoints: 4,
    guidance: '成果或个人获省部级及以上奖励，每项 2 分。',
  },
  {
    key: 'adoption',
    name: '成果推广应用',
    maxPoints: 2,
    guidance: '成果在本企业以外单位推广应用，每项 1 分。',
  },
];

export const defaultNamingSheet: ScoreSheet = {
  indicators: fiveIndicators,
  bonus: bonusItems,
  bonusCap: 10,
  grades: gradeBands,
};

/** Lowest honour level the leader must hold for each naming level (null: any honour will do). */
const honourFor: Record<NamingLevel, HonourLevel | null> = {
  enterprise: null,
  group: 'group',
  city: 'city',
  province: 'province',
  provinceDemo: 'province',
  national: 'national',
};
/** The naming a studio must already hold before applying (higher levels build on lower ones). */
const priorFor: Partial<Record<NamingLevel, NamingLevel>> = {
  city: 'group',
  province: 'city',
  provinceDemo: 'province',
  national: 'province',
};
const levelNames: Record<NamingLevel, string> = {
  enterprise: '企业级',
  group: '集团级',
  city: '市级',
  province: '省级',
  provinceDemo: '省级示范',
  national: '全国级',
};
const honourNames: Record<HonourLevel, string> = {
  enterprise: '企业级',
  group: '集团级',
  city: '市级',
  province: '省部级',
  national: '全国',
};

function namingConditions(level: NamingLevel): Condition[] {
  const minLevel = honourFor[level];
  const prior = priorFor[level];
  const list: Condition[] = [
    {
      key: 'leaderHonour',
      kind: 'leaderHonour',
      label: minLevel
        ? `领衔人获得${honourNames[minLevel]}及以上荣誉称号`
        : '领衔人获得过荣誉称号（劳动模范、技术能手、首席技师等）',
      minLevel,
    },
    { key: 'members', kind: 'minMembers', label: '工作室在册成员不少于 3 人', min: 3 },
    { key: 'years', kind: 'minYearsRunning', label: '工作室创建并运行满 3 年', years: 3 },
    {
      key: 'results',
      kind: 'minResultsPerYear',
      label: '近 3 年每年取得创新成果不少于 2 项',
      perYear: 2,
      years: 3,
    },
    { key: 'site', kind: 'minSiteArea', label: '有固定活动场所，面积不少于 50 平方米', sqm: 50 },
  ];
  if (prior)
    list.push({
      key: 'prior',
      kind: 'priorNaming',
      label: `已被命名为${levelNames[prior]}创新工作室`,
      level: prior,
    });
  list.push({ key: 'rules', kind: 'manual', label: '工作制度健全，有年度计划、总结和活动记录' });
  return list;
}

const resultSheet: ScoreSheet = {
  indicators: [
    { key: 'advanced', name: '先进程度', maxPoints: 10, guidance: '与国内外同类技术相比的先进性。' },
    { key: 'innovation', name: '创新程度', maxPoints: 10, guidance: '原理、结构或方法上的创新点。' },
    { key: 'difficulty', name: '难易复杂', maxPoints: 10, guidance: '解决问题的技术难度和复杂程度。' },
    {
      key: 'economic',
      name: '经济效益',
      maxPoints: 40,
      guidance: '经财务确认的年创效（实际收益减实施成本），不重复计算。',
    },
    { key: 'social', name: '社会效益', maxPoints: 10, guidance: '安全、环保、节能、质量等方面的效益。' },
    { key: 'promotion', name: '推广', maxPoints: 10, guidance: '已在其他单位推广应用的范围和效果。' },
    { key: 'value', name: '应用价值', maxPoints: 10, guidance: '推广应用前景和对生产经营的长远价值。' },
  ],
  bonus: [],
  bonusCap: 0,
  grades: [
    { name: '一等', minScore: 90 },
    { name: '二等', minScore: 80 },
    { name: '三等', minScore: 70 },
    { name: '不予认定', minScore: 0 },
  ],
};

const namingLevelsInOrder: NamingLevel[] = [
  'enterprise',
  'group',
  'city',
  'province',
  'provinceDemo',
  'national',
];

export const defaultRulebooks: DefaultRulebook[] = [
  ...namingLevelsInOrder.map(
    (level): DefaultRulebook => ({
      purpose: 'naming',
      level,
      name: `${levelNames[level]}创新工作室命名评审规则`,
      note: '系统预置规则',
      conditions: namingConditions(level),
      sheet: defaultNamingSheet,
    }),
  ),
  {
    purpose: 'assessment',
    level: null,
    name: '创新工作室年度考核评分表',
    note: '系统预置规则',
    conditions: [],
    sheet: { ...defaultNamingSheet },
  },
  {
    purpose: 'result',
    level: null,
    name: '创新成果评审评分表',
    note: '系统预置规则',
    conditions: [],
    sheet: resultSheet,
  },
];

/** The SQL that inserts the defaults (used to write migration 0004; kept here so the two can be compared). */
export function defaultRulebooksSql(): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const rows = defaultRulebooks.map(
    (r) =>
      `  (${q(r.purpose)}, ${r.level ? q(r.level) : 'NULL'}, 1, ${q(r.name)}, ${q(r.note)}, ${q(JSON.stringify(r.conditions))}::jsonb, ${q(JSON.stringify(r.sheet))}::jsonb)`,
  );
  return `INSERT INTO rulebooks (purpose, level, version_no, name, note, conditions, sheet) VALUES\n${rows.join(',\n')};\n`;
}
