import type { PrefillFact } from '../../../common/schemas/assessments.js';
import { registerIndicatorSource } from '../assessments/assessments.indicators.js';
import { studioLifeIndicators } from './activities.indicators.js';

/**
 * Studio life's part of the annual assessment pre-fill: activities and training, contests, mentoring and
 * funds of the campaign year, counted by `studioLifeIndicators`.
 */
registerIndicatorSource('studioLife', async (db, studioIds, { year, from, to }) => {
  const all = await studioLifeIndicators({ db, studioIds, from, to });
  const out = new Map<number, PrefillFact[]>();
  const acts = `活动台账：${year} 年内开展`;
  const ment = `师带徒协议：${year} 年内`;
  const funds = `经费台账：${year} 年`;
  for (const id of studioIds) {
    const s = all[id]!;
    const f = (
      key: string,
      label: string,
      value: number,
      unit: string,
      source: string,
      indicatorKey: string,
    ): PrefillFact => ({ key, label, value, unit, source, indicatorKey });
    out.set(id, [
      f('activities.total', '开展活动', s.activities, '次', acts, 'exchange'),
      f('activities.training', '其中培训', s.trainingSessions, '次', acts, 'exchange'),
      f('activities.trainingHours', '培训课时', s.trainingHours, '学时', acts, 'exchange'),
      f('activities.traineeHours', '受训人员学时', s.traineeHours, '人·学时', acts, 'exchange'),
      f('activities.participants', '参与人次', s.participantTimes, '人次', acts, 'exchange'),
      f('contests.entries', '技能比武参赛', s.contestEntries, '人次', `技能比武：${year} 年内`, 'mentoring'),
      f('contests.awards', '比武获奖', s.contestAwards, '人次', `技能比武：${year} 年内`, 'mentoring'),
      f('mentorships.active', '师带徒在期协议', s.mentorshipsActive, '对', ment, 'mentoring'),
      f('mentorships.completed', '徒弟出师', s.mentorshipsCompleted, '人', ment, 'mentoring'),
      f('mentorships.promotions', '技能等级晋升', s.promotions, '人', ment, 'mentoring'),
      f('funds.allocated', '到位经费', s.fundAllocatedFen / 100, '元', `${funds}下拨`, 'basics'),
      f('funds.spent', '经费支出', s.fundSpentFen / 100, '元', `${funds}已批准支出`, 'basics'),
    ]);
  }
  return out;
});
