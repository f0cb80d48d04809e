import { useI18n } from '../../shared/i18n';

const texts = {
  title: { zh: '评审规则', en: 'Rulebooks' },
  purpose: { zh: '用途', en: 'Purpose' },
  level: { zh: '命名级别', en: 'Level' },
  allLevels: { zh: '通用', en: 'All levels' },
  name: { zh: '名称', en: 'Name' },
  version: { zh: '版本', en: 'Version' },
  current: { zh: '现行', en: 'Current' },
  old: { zh: '历史版本', en: 'Superseded' },
  createdBy: { zh: '发布人', en: 'By' },
  createdAt: { zh: '发布时间', en: 'Published' },
  note: { zh: '修订说明', en: 'Note' },
  conditions: { zh: '申报条件', en: 'Entry conditions' },
  noConditions: { zh: '无申报条件', en: 'No entry conditions' },
  sheet: { zh: '评分表', en: 'Score sheet' },
  indicators: { zh: '评分指标', en: 'Indicators' },
  bonus: { zh: '加分项', en: 'Bonus items' },
  bonusCap: { zh: '加分上限', en: 'Bonus cap' },
  grades: { zh: '等级划分', en: 'Grade bands' },
  grade: { zh: '等级', en: 'Grade' },
  minScore: { zh: '最低分', en: 'From' },
  key: { zh: '编码', en: 'Key' },
  indicator: { zh: '指标', en: 'Indicator' },
  maxPoints: { zh: '分值', en: 'Max' },
  guidance: { zh: '评分要点', en: 'Guidance' },
  kind: { zh: '类型', en: 'Kind' },
  label: { zh: '条件表述', en: 'Wording' },
  param: { zh: '要求', en: 'Requirement' },
  versions: { zh: '版本记录', en: 'Versions' },
  newVersion: { zh: '修订（生成新版本）', en: 'Revise (new version)' },
  editorTitle: { zh: '修订评审规则', en: 'Revise rulebook' },
  editorHint: {
    zh: '保存后生成新版本并立即生效；已按旧版本评审的申报和评分不受影响。',
    en: 'Saving publishes a new version; scores keep the version they used.',
  },
  add: { zh: '添加', en: 'Add' },
  publish: { zh: '发布新版本', en: 'Publish version' },
  published: { zh: '新版本已发布', en: 'New version published' },
  stale: {
    zh: '该规则已被他人修订，请基于最新版本重新修改',
    en: 'Someone published a newer version; revise that one',
  },
  anyHonour: { zh: '任意级别荣誉', en: 'Any honour' },
  minMembers: { zh: '不少于 {n} 人', en: 'At least {n} members' },
  years: { zh: '满 {n} 年', en: '{n} years' },
  perYear: { zh: '近 {y} 年每年不少于 {n} 项', en: '{n} a year over {y} years' },
  sqm: { zh: '不少于 {n} 平方米', en: 'At least {n} m²' },
  prior: { zh: '已获{level}命名', en: 'Holds {level}' },
  honourMin: { zh: '{level}及以上', en: '{level} or higher' },
  manual: { zh: '由审核人员人工核实', en: 'Checked by reviewers' },
  totalPoints: { zh: '满分 {n} 分（含加分上限）', en: 'Full marks {n} (with bonus cap)' },
} satisfies Record<string, { zh: string; en: string }>;

export function useRulebookTexts() {
  const { lang } = useI18n();
  return (key: keyof typeof texts, vars?: Record<string, string | number>) => {
    const s: string = texts[key][lang];
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
  };
}
