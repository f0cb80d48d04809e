import { sql } from 'drizzle-orm';
import type { StatsOverview, StatTable } from '../../../common/schemas/stats.js';
import type { Db } from '../../core/db.js';
import { rowsOf } from '../stats/stats.sql.js';

/** A report independent of its format: headed sections of paragraphs, bullet lists and tables. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; caption: string; headers: string[]; rows: string[][] };
export interface ReportModel {
  title: string;
  subtitle: string;
  sections: { heading: string; blocks: Block[] }[];
}

const num = (o: StatsOverview, key: string): number | null =>
  o.figures.find((f) => f.key === key)?.value ?? null;
/** A figure for the text; "—" when its module is not installed (never a made-up zero). */
const n = (o: StatsOverview, key: string) => {
  const v = num(o, key);
  return v === null ? '—' : v.toLocaleString('zh-CN');
};
const wan = (fen: number | null) =>
  fen === null
    ? '—'
    : (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function tableBlock(t: StatTable): Block {
  const money = t.unit === 'fen';
  return {
    kind: 'table',
    caption: t.title,
    headers: ['项目', ...t.series.map((s) => s.label)],
    rows: t.rows.map((r) => [r.label, ...r.values.map((v) => (money ? wan(v) : v.toLocaleString('zh-CN')))]),
  };
}

/** The year's recognised results of the subtree, best grade first (the report's highlights). */
async function highlights(db: Db, path: string, year: number) {
  return rowsOf<{ title: string; studio: string; grade: string | null; kind: string }>(
    db,
    sql`SELECT r.title, s.name AS studio, r.grade, r.kind FROM results r JOIN studios s ON s.id = r.studio_id
        JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${`${path}%`} AND r.archived_at IS NULL AND r.status = 'recognised' AND r.year = ${year}
        ORDER BY array_position(ARRAY['special','first','second','third','merit'], r.grade), r.recognised_on, r.id LIMIT 10`,
  );
}

/**
 * The annual report of an org (年度工作报告) built from the dashboard's own overview, so every number in the
 * document equals the dashboard's: the situation in the essay's words, highlights, tables and problems.
 */
export async function buildAnnualReport(
  db: Db,
  o: StatsOverview,
  sourcesMissing: string[],
): Promise<ReportModel> {
  const year = o.year;
  const builtCount = (num(o, 'studios.named') ?? 0) + (num(o, 'studios.rectifying') ?? 0);
  // The overview's lists stop at a cap (a nation's studios): name those, and say there are more.
  const names = (list: { name: string }[], total: number) =>
    list.length ? `（${list.map((s) => s.name).join('、')}${total > list.length ? '等' : ''}）` : '';
  const situation =
    `截至${year}年，${o.org.name}已经建设成形劳模创新工作室等各类创新工作室${num(o, 'studios.named') === null ? '—' : builtCount}个${names(o.namedStudios, builtCount)}，` +
    `正在培育建设${n(o, 'studios.cultivating')}个${names(o.cultivatingStudios, num(o, 'studios.cultivating') ?? 0)}。` +
    `${year}年立项攻关课题${n(o, 'projects.approvedInYear')}项，认定创新成果${n(o, 'results.recognised')}项；` +
    `申报专利${n(o, 'patents.total')}项，其中发明专利${n(o, 'patents.invention')}项，实用新型专利${n(o, 'patents.utilityModel')}项；` +
    `经核定创造经济效益${wan(num(o, 'benefit.verified'))}万元；` +
    `开展培训${n(o, 'training.sessions')}场次、${n(o, 'training.hours')}学时，培训职工${n(o, 'training.people')}人。`;
  const coverage =
    `全${o.org.kind === 'group' ? '集团' : '单位'}共有企业${n(o, 'coverage.enterprises')}家，其中${n(o, 'coverage.enterprisesWithStudio')}家已建有工作室；` +
    `车间${n(o, 'coverage.workshops')}个，其中${n(o, 'coverage.workshopsWithStudio')}个已建有工作室；` +
    `工作室成员${n(o, 'coverage.members')}人，每千名职工拥有工作室${n(o, 'coverage.studiosPerThousand')}个。`;
  const top = await highlights(db, o.org.path, year);
  const highlightBlocks: Block[] = top.length
    ? [{ kind: 'bullets', items: top.map((r) => `${r.studio}：${r.title}`) }]
    : [{ kind: 'paragraph', text: '本年度暂无认定成果。' }];
  const problems: string[] = [];
  const more = (shown: number, total: number) => (total > shown ? '等' : '');
  if (o.atRisk?.length)
    problems.push(
      `${o.atRiskTotal}个工作室连续12个月无成果、活动或效益记录：${o.atRisk.map((s) => s.name).join('、')}${more(o.atRisk.length, o.atRiskTotal)}。`,
    );
  if (o.gaps.enterprises.length)
    problems.push(
      `${o.gaps.enterprisesTotal}家企业尚未建立工作室：${o.gaps.enterprises.map((x) => x.name).join('、')}${more(o.gaps.enterprises.length, o.gaps.enterprisesTotal)}。`,
    );
  if (o.gaps.workshops.length)
    problems.push(`${o.gaps.workshopsTotal}个车间尚未建立工作室，普及面有待拓宽。`);
  const trades = o.tables.find((t) => t.key === 'tradesWithout');
  if (trades?.rows.length)
    problems.push(
      `${trades.rows.length}个工种尚无工作室覆盖：${trades.rows
        .slice(0, 10)
        .map((r) => r.label)
        .join('、')}${trades.rows.length > 10 ? '等' : ''}。`,
    );
  if (problems.length === 0) problems.push('暂未发现突出问题。');
  if (sourcesMissing.length)
    problems.push(`以下数据模块尚未启用，相关数字以“—”表示：${sourcesMissing.join('、')}。`);
  const tableKeys = [
    'studiosByType',
    'studiosByLevel',
    'resultsByKind',
    'patentsByType',
    'projectsByStatus',
    'activitiesByKind',
  ];
  return {
    title: `${o.org.name}${year}年度创新工作室工作报告`,
    subtitle: `数据截至 ${o.asOf.slice(0, 10)}，由匠心平台根据业务记录生成`,
    sections: [
      {
        heading: '一、基本情况',
        blocks: [
          { kind: 'paragraph', text: situation },
          { kind: 'paragraph', text: coverage },
        ],
      },
      { heading: '二、工作亮点', blocks: highlightBlocks },
      {
        heading: '三、统计表',
        blocks: o.tables.filter((t) => tableKeys.includes(t.key) && t.rows.length > 0).map(tableBlock),
      },
      { heading: '四、存在的问题', blocks: [{ kind: 'bullets', items: problems }] },
    ],
  };
}
