import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  honourKindLabels,
  honourLevelLabels,
  namingLevelLabels,
  skillGradeLabels,
  skillGrades,
  studioTypeLabels,
} from '../../../common/enums.js';
import { fundSourceLabels, fundSources } from '../../../common/schemas/funds.js';
import type { Honour } from '../../../common/schemas/people.js';
import type { UpwardForm } from '../../../common/schemas/reports.js';
import { patentTypeLabels, patentTypes, resultGradeLabels } from '../../../common/schemas/results.js';
import { resultStatusLabels } from '../../../common/workflows/result.js';
import { enterpriseNameOf } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { rowsOf } from '../stats/stats.sql.js';

type Label = Record<string, { zh: string; en: string }>;
const zh = (labels: Label, v: string | null | undefined) => (v ? (labels[v]?.zh ?? v) : '');
const bold = { bold: true } as const;
const thin = { style: 'thin' } as const;
const box = { top: thin, left: thin, bottom: thin, right: thin } as const;

/** Title row, then a two-level header (groups merged over their sub-columns), frozen below the header. */
function header(
  ws: ExcelJS.Worksheet,
  title: string,
  groups: { title: string; subs?: string[]; width?: number }[],
) {
  const cols = groups.reduce((n, g) => n + (g.subs?.length ?? 1), 0);
  ws.mergeCells(1, 1, 1, cols);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  let c = 1;
  for (const g of groups) {
    const span = g.subs?.length ?? 1;
    if (g.subs) {
      if (span > 1) ws.mergeCells(2, c, 2, c + span - 1);
      ws.getCell(2, c).value = g.title;
      g.subs.forEach((s, i) => {
        ws.getCell(3, c + i).value = s;
        ws.getColumn(c + i).width = g.width ?? 12;
      });
    } else {
      ws.mergeCells(2, c, 3, c);
      ws.getCell(2, c).value = g.title;
      ws.getColumn(c).width = g.width ?? 12;
    }
    c += span;
  }
  for (const r of [2, 3])
    for (let i = 1; i <= cols; i++) {
      const cell = ws.getCell(r, i);
      cell.font = bold;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = box;
    }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return cols;
}

function addRows(ws: ExcelJS.Worksheet, rows: ExcelJS.CellValue[][], cols: number, money: number[] = []) {
  for (const r of rows) {
    const row = ws.addRow(r);
    for (let i = 1; i <= cols; i++) row.getCell(i).border = box;
    for (const m of money) row.getCell(m).numFmt = '#,##0.00';
  }
}

/**
 * 省级劳模和工匠人才创新工作室信息表: one row per active studio of the subtree — leader and honours, naming level,
 * three years of funding by source, patents by type, people trained by skill grade, and members' honours.
 */
async function provincial(db: Db, path: string, year: number, orgName: string) {
  const years = [year - 2, year - 1, year];
  const studios = await rowsOf<{
    id: number;
    name: string;
    type: string;
    host: string;
    leader: string | null;
    honours: Honour[] | null;
    level: string | null;
    founded: string | null;
    members: number;
  }>(
    db,
    sql`SELECT s.id, s.name, s.type, ho.name AS host, p.name AS leader, p.honours, s.current_level AS level, s.founded_on::text AS founded,
               (SELECT count(*)::int FROM studio_members m WHERE m.studio_id = s.id AND m.left_on IS NULL) AS members
        FROM studios s JOIN orgs ho ON ho.id = s.host_org_id LEFT JOIN people p ON p.id = s.leader_person_id
        WHERE ho.path LIKE ${`${path}%`} AND s.archived_at IS NULL AND s.status IN ('named', 'rectifying', 'cultivating') ORDER BY s.code`,
  );
  const ids = studios.map((s) => s.id);
  const inIds = ids.length
    ? sql`(${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`
    : sql`(NULL)`;
  const funds = await rowsOf<{ studioId: number; year: number; source: string; fen: number }>(
    db,
    sql`SELECT studio_id AS "studioId", year, source, sum(amount_fen)::float8 AS fen FROM fund_allocations
        WHERE studio_id IN ${inIds} AND archived_at IS NULL AND year BETWEEN ${years[0]} AND ${year} GROUP BY 1, 2, 3`,
  );
  const patents = await rowsOf<{ studioId: number; type: string; n: number }>(
    db,
    sql`SELECT studio_id AS "studioId", patent_type AS type, count(*)::int AS n FROM results
        WHERE studio_id IN ${inIds} AND archived_at IS NULL AND patent_type IS NOT NULL AND year BETWEEN ${years[0]} AND ${year} GROUP BY 1, 2`,
  );
  const trained = await rowsOf<{ studioId: number; grade: string | null; n: number }>(
    db,
    sql`SELECT a.studio_id AS "studioId", p.skill_grade AS grade, count(DISTINCT ap.person_id)::int AS n
        FROM activity_participants ap JOIN activities a ON a.id = ap.activity_id JOIN people p ON p.id = ap.person_id
        WHERE a.studio_id IN ${inIds} AND a.archived_at IS NULL AND a.kind = 'training' AND ap.attended_at IS NOT NULL
          AND a.held_on BETWEEN ${`${years[0]}-01-01`} AND ${`${year}-12-31`} GROUP BY 1, 2`,
  );
  const honours = await rowsOf<{ studioId: number; name: string; honours: Honour[] }>(
    db,
    sql`SELECT m.studio_id AS "studioId", p.name, p.honours FROM studio_members m JOIN people p ON p.id = m.person_id
        WHERE m.studio_id IN ${inIds} AND m.left_on IS NULL AND jsonb_array_length(p.honours) > 0 ORDER BY m.studio_id, m.id`,
  );
  const honourText = (h: Honour[] | null) =>
    (h ?? [])
      .map(
        (x) =>
          `${zh(honourKindLabels, x.kind)}（${zh(honourLevelLabels, x.level)}${x.year ? `，${x.year}` : ''}）`,
      )
      .join('；');

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工作室信息表');
  const cols = header(ws, `${orgName}劳模和工匠人才创新工作室信息表（${years[0]}—${year}年）`, [
    { title: '序号', width: 6 },
    { title: '工作室名称', width: 30 },
    { title: '类型', width: 16 },
    { title: '依托单位', width: 16 },
    { title: '领衔人', width: 10 },
    { title: '领衔人荣誉', width: 28 },
    { title: '命名级别', width: 10 },
    { title: '成立时间', width: 12 },
    { title: '成员数', width: 8 },
    ...years.map((y) => ({
      title: `${y}年经费（元）`,
      subs: fundSources.map((s) => fundSourceLabels[s].zh),
      width: 12,
    })),
    { title: '专利（项）', subs: patentTypes.map((t) => patentTypeLabels[t].zh), width: 10 },
    {
      title: '培训人数（按技能等级）',
      subs: [...skillGrades.map((g) => skillGradeLabels[g].zh), '未定级'],
      width: 9,
    },
    { title: '成员荣誉', width: 40 },
  ]);
  const fundCol = (sid: number, y: number, src: string) =>
    (funds.find((f) => f.studioId === sid && f.year === y && f.source === src)?.fen ?? 0) / 100;
  addRows(
    ws,
    studios.map((s, i) => [
      i + 1,
      s.name,
      zh(studioTypeLabels, s.type),
      s.host,
      s.leader ?? '',
      honourText(s.honours),
      zh(namingLevelLabels, s.level) || '培育中',
      s.founded ?? '',
      s.members,
      ...years.flatMap((y) => fundSources.map((src) => fundCol(s.id, y, src))),
      ...patentTypes.map((t) => patents.find((p) => p.studioId === s.id && p.type === t)?.n ?? 0),
      ...[...skillGrades, null].map((g) =>
        trained.filter((x) => x.studioId === s.id && x.grade === g).reduce((a, x) => a + x.n, 0),
      ),
      honours
        .filter((h) => h.studioId === s.id)
        .map((h) => `${h.name}：${honourText(h.honours)}`)
        .join('\n'),
    ]),
    cols,
    Array.from({ length: 9 }, (_, i) => 10 + i),
  );
  return wb;
}

/** “五小”成果汇总表: the year's 五小 results of the subtree with contributors, benefit and adoptions, and a total row. */
async function fiveSmall(db: Db, path: string, year: number, orgName: string) {
  const rows = await rowsOf<{
    title: string;
    studio: string;
    enterprise: string | null;
    people: string | null;
    implemented: string | null;
    status: string;
    grade: string | null;
    fen: number;
    adoptions: number;
  }>(
    db,
    sql`SELECT r.title, s.name AS studio,
               ${enterpriseNameOf(sql.raw('ho.path'))} AS enterprise,
               (SELECT string_agg(p.name, '、' ORDER BY c.seq) FROM result_contributors c JOIN people p ON p.id = c.person_id WHERE c.result_id = r.id) AS people,
               r.implemented_on::text AS implemented, r.status, r.grade,
               (SELECT coalesce(sum(b.amount_fen), 0)::float8 FROM benefits b WHERE b.result_id = r.id AND b.status = 'verified' AND b.archived_at IS NULL) AS fen,
               (SELECT count(*)::int FROM adoptions a WHERE a.result_id = r.id AND a.archived_at IS NULL) AS adoptions
        FROM results r JOIN studios s ON s.id = r.studio_id JOIN orgs ho ON ho.id = s.host_org_id
        WHERE ho.path LIKE ${`${path}%`} AND r.archived_at IS NULL AND r.kind = 'fiveSmall' AND r.year = ${year} AND r.status <> 'draft'
        ORDER BY r.id`,
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('五小成果汇总');
  const cols = header(ws, `${orgName}${year}年“五小”成果汇总表`, [
    { title: '序号', width: 6 },
    { title: '成果名称', width: 36 },
    { title: '工作室', width: 28 },
    { title: '所属企业', width: 22 },
    { title: '主要完成人', width: 20 },
    { title: '实施日期', width: 12 },
    { title: '状态', width: 10 },
    { title: '等级', width: 8 },
    { title: '经核定效益（元）', width: 16 },
    { title: '推广应用单位数', width: 12 },
  ]);
  addRows(
    ws,
    rows.map((r, i) => [
      i + 1,
      r.title,
      r.studio,
      r.enterprise ?? '',
      r.people ?? '',
      r.implemented ?? '',
      zh(resultStatusLabels, r.status),
      zh(resultGradeLabels, r.grade),
      r.fen / 100,
      r.adoptions,
    ]),
    cols,
    [9],
  );
  addRows(
    ws,
    [
      [
        '合计',
        `${rows.length} 项`,
        '',
        '',
        '',
        '',
        '',
        '',
        rows.reduce((a, r) => a + r.fen, 0) / 100,
        rows.reduce((a, r) => a + r.adoptions, 0),
      ],
    ],
    cols,
    [9],
  );
  ws.lastRow!.font = bold;
  return wb;
}

/** Builds an upward form for an org subtree and year as .xlsx bytes. */
export async function buildUpwardForm(
  db: Db,
  form: UpwardForm,
  org: { path: string; name: string },
  year: number,
): Promise<Buffer> {
  const wb =
    form === 'provincial'
      ? await provincial(db, org.path, year, org.name)
      : await fiveSmall(db, org.path, year, org.name);
  wb.creator = 'Jiangxin';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
