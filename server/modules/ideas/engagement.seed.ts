import { and, eq, isNull } from 'drizzle-orm';
import type { IdeaDetail } from '../../../common/schemas/ideas.js';
import { loadActor } from '../../core/auth.js';
import { loadConfig } from '../../core/config.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { createMailer } from '../../core/mailer.js';
import { users } from '../accounts/accounts.table.js';
import { createBid } from '../challenges/challenges.bids.js';
import { actOnChallenge, createChallenge } from '../challenges/challenges.service.js';
import { acceptAnswer, answerQuestion, askQuestion } from '../clinic/clinic.service.js';
import { orgs } from '../orgs/orgs.table.js';
import { createAward } from '../points/awards.service.js';
import { studioMembers, studios } from '../studios/studios.table.js';
import { addDays, chinaDate } from './engagement.js';
import { actOnIdea, getIdea } from './ideas.service.js';
import { submitIdea, submitPublicIdea } from './ideas.submit.js';

/**
 * Demo engagement data for the demo group, made through the services so routing, to-dos, notifications and
 * points are what real use produces: ideas in every state (one anonymous), a challenge taken by the demo
 * studio up to its project, another open for bids, a clinic question answered and accepted, and an award.
 */
export async function seedEngagementDemo(db: Db) {
  const config = loadConfig();
  const base = {
    db,
    dbKind: 'pglite' as const,
    config,
    clock: { now: () => new Date() },
    mailer: createMailer({ smtpUrl: undefined, from: '', log: () => {} }),
  };
  const ctxOf = async (username: string): Promise<Ctx | null> => {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    const actor = u ? await loadActor({ db }, u.id) : null;
    return actor ? { ...base, actor, ip: null, lang: 'zh' } : null;
  };
  const [worker, entAdmin, leader, member, admin] = await Promise.all(
    ['worker', 'ent_admin', 'leader', 'member', 'admin'].map(ctxOf),
  );
  if (!worker || !entAdmin || !leader || !member || !admin) return;
  const [ent] = await db.select().from(orgs).where(eq(orgs.code, 'SLHI-01'));
  const [studio] = await db
    .select({ id: studios.id })
    .from(studios)
    .innerJoin(studioMembers, eq(studioMembers.studioId, studios.id))
    .where(
      and(
        eq(studioMembers.personId, leader.actor.personId ?? -1),
        eq(studioMembers.role, 'leader'),
        isNull(studioMembers.leftOn),
      ),
    );
  if (!ent || !studio) return;

  const idea = async (title: string, content: string, category: IdeaDetail['category']) =>
    submitIdea({ ctx: worker, input: { title, content, category } });
  const answer = async (id: number, action: 'adopt' | 'implement' | 'reject' | 'evaluate', text?: string) => {
    const cur = await getIdea({ ctx: entAdmin, id });
    await actOnIdea({ ctx: entAdmin, id, action, body: { version: cur.version, answer: text } });
  };
  const a = await idea(
    '数控车床冷却液过滤回收',
    '数控车床冷却液直接排放浪费大，建议加装磁性过滤与纸带过滤两级回收装置，循环使用。',
    'cost',
  );
  await answer(a, 'implement', '已实施。车间加装两级过滤装置，年节约冷却液约 12 吨，折合 8.6 万元。');
  const b = await idea(
    '行车轨道末端加装双重限位',
    '行车轨道末端限位器老化，存在冲顶风险，建议更换为机械加电气双重限位。',
    'safety',
  );
  await answer(b, 'adopt', '采纳。由设备科本月内完成更换，感谢您的安全建议。');
  const c = await idea(
    '刀具寿命管理看板',
    '在数控车间设置刀具寿命看板，到寿命前预警换刀，减少断刀造成的工件报废。',
    'equipment',
  );
  await answer(c, 'evaluate');
  await idea('更衣室增加储物柜', '夜班人员多，更衣室储物柜不够用，建议增加二十个。', 'management');
  await answer(
    await idea('食堂增加夜宵窗口', '夜班职工下班晚，建议食堂增加夜宵窗口。', 'other'),
    'reject',
    '食堂已在 22:00 提供简餐，暂不增设窗口，已转后勤部研究延长供应时间。',
  );
  await submitPublicIdea({
    deps: base,
    input: {
      title: '焊接车间防护挡板加高',
      content: '焊接车间弧光外泄，建议把防护挡板加高到两米并增加遮光帘。',
      category: 'safety',
      orgCode: 'SLHI-01',
    },
  });

  const today = new Date();
  await createChallenge({
    ctx: entAdmin,
    input: {
      ownerOrgId: ent.id,
      title: '大型结构件焊缝气孔率高',
      field: '焊接技术',
      description:
        '大型结构件埋弧焊焊缝气孔率达 3%，返修工时大，需要降到 0.5% 以下，并形成可推广的工艺规程。',
      bountyFen: 5_000_000,
      deadline: chinaDate(addDays(today, 30)),
    },
  });
  const taken = await createChallenge({
    ctx: entAdmin,
    input: {
      ownerOrgId: ent.id,
      title: '薄壁壳体精铣振刀',
      field: '数控加工',
      description: '薄壁铝合金壳体精铣时振刀严重，表面粗糙度达不到 Ra1.6，需要工艺攻关。',
      bountyFen: 3_000_000,
      deadline: chinaDate(addDays(today, 20)),
    },
  });
  const bid = await createBid({
    ctx: leader,
    id: taken.id,
    input: {
      studioId: studio.id,
      proposal: '采用变齿距刀具与真空吸附夹具，配合切削参数优化，60 天内解决振刀。',
      expectedDays: 60,
    },
  });
  const sel = await actOnChallenge({
    ctx: entAdmin,
    id: taken.id,
    action: 'select',
    body: { version: bid.version, bidId: bid.bids[0]!.id },
  });
  await actOnChallenge({ ctx: leader, id: taken.id, action: 'start', body: { version: sel.version } });

  const q = await askQuestion({
    ctx: worker,
    input: {
      title: '不锈钢薄板焊接变形大',
      content: '2mm 不锈钢薄板 TIG 焊后变形超过 3mm，有什么办法控制？',
      field: '焊接技术',
    },
  });
  const ans = await answerQuestion({
    ctx: member,
    id: q.id,
    input: { content: '采用铜垫板强制冷却、分段退焊，并把线能量降到 6kJ/cm 以下，可把变形控制在 1mm 内。' },
  }).catch(() => null);
  if (ans?.answers[0])
    await acceptAnswer({ ctx: worker, id: q.id, answerId: ans.answers[0].id, version: ans.version });
  if (worker.actor.personId)
    await createAward({
      ctx: admin,
      input: {
        title: `${today.getFullYear()}年度金点子之星`,
        year: today.getFullYear(),
        personId: worker.actor.personId,
        citation: '全年提出合理化建议 5 条，其中 2 条被采纳实施，年创效 8.6 万元。',
        awardedOn: chinaDate(today),
      },
    });
}
