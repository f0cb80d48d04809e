import { type SQL, sql } from 'drizzle-orm';
import {
  memberRoleLabels,
  namingLevelLabels,
  skillGradeLabels,
  studioStatusLabels,
  studioTypeLabels,
} from '../../../common/enums.js';
import { activityKindLabels } from '../../../common/schemas/activities.js';
import { expenseCategoryLabels, fundSourceLabels } from '../../../common/schemas/funds.js';
import type { LedgerKind } from '../../../common/schemas/ledgers.js';
import { mentorshipStatusLabels } from '../../../common/schemas/mentorships.js';
import {
  patentStatusLabels,
  patentTypeLabels,
  resultGradeLabels,
  resultKindLabels,
} from '../../../common/schemas/results.js';
import { expenseStatusLabels } from '../../../common/workflows/fund-expenses.js';
import { resultStatusLabels } from '../../../common/workflows/result.js';
import { enterpriseNameOf } from '../../core/access.js';

/** How a column is written: text, a whole number, a number, a date (yyyy-mm-dd) or money in yuan from fen. */
export type ColumnType = 'text' | 'int' | 'number' | 'date' | 'money';
export interface LedgerColumn {
  header: string;
  key: string;
  type?: ColumnType;
  width?: number;
  /** Enum value → Chinese label. */
  labels?: Record<string, { zh: string; en: string }>;
}
export interface LedgerFilter {
  /** Org subtree: `/1/5/%` */
  under: string;
  start: string;
  end: string;
}
export interface LedgerSheet {
  name: string;
  columns: LedgerColumn[];
  /** The rows after `afterId` (keyset paging, ordered by `id`), at most `limit`. */
  query: (f: LedgerFilter, afterId: number, limit: number) => SQL;
  count: (f: LedgerFilter) => SQL;
}
export interface Ledger {
  title: string;
  sheets: LedgerSheet[];
}

const enterpriseOf = (pathCol: string) => enterpriseNameOf(sql.raw(pathCol));

const studioFrom = sql`studios s JOIN orgs ho ON ho.id = s.host_org_id`;
const years = (f: LedgerFilter) => ({ y1: Number(f.start.slice(0, 4)), y2: Number(f.end.slice(0, 4)) });

/** A sheet whose rows come from `from … WHERE where`, keyed by `idExpr`. */
function sheet(
  name: string,
  columns: LedgerColumn[],
  select: SQL,
  from: SQL,
  where: (f: LedgerFilter) => SQL,
  idExpr: string,
): LedgerSheet {
  const id = sql.raw(idExpr);
  return {
    name,
    columns,
    query: (f, afterId, limit) =>
      sql`SELECT ${id} AS id, ${select} FROM ${from} WHERE ${where(f)} AND ${id} > ${afterId} ORDER BY ${id} LIMIT ${limit}`,
    count: (f) => sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where(f)}`,
  };
}

const studioCols: LedgerColumn[] = [
  { header: '档案号', key: 'code', width: 18 },
  { header: '工作室名称', key: 'name', width: 32 },
  { header: '类型', key: 'type', labels: studioTypeLabels, width: 18 },
  { header: '依托单位', key: 'host', width: 20 },
  { header: '所属企业', key: 'enterprise', width: 24 },
  { header: '领衔人', key: 'leader', width: 10 },
  { header: '专业领域', key: 'field', width: 16 },
  { header: '成立日期', key: 'founded', type: 'date', width: 12 },
  { header: '状态', key: 'status', labels: studioStatusLabels, width: 10 },
  { header: '命名级别', key: 'level', labels: namingLevelLabels, width: 10 },
  { header: '在册成员数', key: 'members', type: 'int', width: 10 },
  { header: '场地面积（㎡）', key: 'area', type: 'number', width: 12 },
  { header: '联系人', key: 'contact', width: 10 },
  { header: '联系电话', key: 'phone', width: 14 },
];

export const ledgers: Record<LedgerKind, Ledger> = {
  studios: {
    title: '工作室台账',
    sheets: [
      sheet(
        '工作室',
        studioCols,
        sql`s.code, s.name, s.type, ho.name AS host, ${enterpriseOf('ho.path')} AS enterprise,
            (SELECT p.name FROM people p WHERE p.id = s.leader_person_id) AS leader, s.field, s.founded_on AS founded, s.status,
            s.current_level AS level, (SELECT count(*)::int FROM studio_members m WHERE m.studio_id = s.id AND m.left_on IS NULL) AS members,
            s.site_area AS area, s.contact_name AS contact, s.contact_phone AS phone`,
        studioFrom,
        (f) => sql`ho.path LIKE ${f.under} AND s.archived_at IS NULL`,
        's.id',
      ),
    ],
  },
  members: {
    title: '成员台账',
    sheets: [
      sheet(
        '成员',
        [
          { header: '工作室', key: 'studio', width: 30 },
          { header: '姓名', key: 'name', width: 10 },
          { header: '工号', key: 'employeeNo', width: 12 },
          { header: '所在单位', key: 'org', width: 16 },
          { header: '角色', key: 'role', labels: memberRoleLabels, width: 8 },
          { header: '分工', key: 'division', width: 20 },
          { header: '工种', key: 'trade', width: 10 },
          { header: '技能等级', key: 'grade', labels: skillGradeLabels, width: 10 },
          { header: '职称', key: 'title', width: 12 },
          { header: '加入日期', key: 'joined', type: 'date', width: 12 },
          { header: '离开日期', key: 'left', type: 'date', width: 12 },
        ],
        sql`s.name AS studio, p.name, p.employee_no AS "employeeNo", po.name AS org, m.role, m.division, p.trade, p.skill_grade AS grade,
            p.professional_title AS title, m.joined_on AS joined, m.left_on AS left`,
        sql`studio_members m JOIN studios s ON s.id = m.studio_id JOIN orgs ho ON ho.id = s.host_org_id JOIN people p ON p.id = m.person_id JOIN orgs po ON po.id = p.org_id`,
        // Current members, and those who left within the period (so a year's ledger shows who was there).
        (f) =>
          sql`ho.path LIKE ${f.under} AND s.archived_at IS NULL AND (m.left_on IS NULL OR m.left_on >= ${f.start}) AND m.joined_on <= ${f.end}`,
        'm.id',
      ),
    ],
  },
  results: {
    title: '成果台账',
    sheets: [
      sheet(
        '成果',
        [
          { header: '档案号', key: 'archiveNo', width: 18 },
          { header: '成果名称', key: 'title', width: 36 },
          { header: '类别', key: 'kind', labels: resultKindLabels, width: 12 },
          { header: '工作室', key: 'studio', width: 30 },
          { header: '年度', key: 'year', type: 'int', width: 8 },
          { header: '状态', key: 'status', labels: resultStatusLabels, width: 10 },
          { header: '等级', key: 'grade', labels: resultGradeLabels, width: 8 },
          { header: '实施日期', key: 'implemented', type: 'date', width: 12 },
          { header: '认定日期', key: 'recognised', type: 'date', width: 12 },
          { header: '主要完成人', key: 'contributors', width: 24 },
          { header: '经核定效益（元）', key: 'benefit', type: 'money', width: 16 },
        ],
        sql`r.archive_no AS "archiveNo", r.title, r.kind, s.name AS studio, r.year, r.status, r.grade, r.implemented_on AS implemented,
            r.recognised_on AS recognised,
            (SELECT string_agg(p.name, '、' ORDER BY c.seq) FROM result_contributors c JOIN people p ON p.id = c.person_id WHERE c.result_id = r.id) AS contributors,
            (SELECT coalesce(sum(b.amount_fen), 0)::float8 FROM benefits b WHERE b.result_id = r.id AND b.status = 'verified' AND b.archived_at IS NULL) AS benefit`,
        sql`results r JOIN ${studioFrom} ON s.id = r.studio_id`,
        (f) =>
          sql`ho.path LIKE ${f.under} AND r.archived_at IS NULL AND r.year BETWEEN ${years(f).y1} AND ${years(f).y2}`,
        'r.id',
      ),
    ],
  },
  patents: {
    title: '专利台账',
    sheets: [
      sheet(
        '专利',
        [
          { header: '专利名称', key: 'title', width: 36 },
          { header: '专利类型', key: 'type', labels: patentTypeLabels, width: 10 },
          { header: '申请号', key: 'no', width: 20 },
          { header: '申请日', key: 'filed', type: 'date', width: 12 },
          { header: '授权日', key: 'granted', type: 'date', width: 12 },
          { header: '法律状态', key: 'status', labels: patentStatusLabels, width: 10 },
          { header: '工作室', key: 'studio', width: 30 },
          { header: '发明人', key: 'inventors', width: 24 },
        ],
        sql`r.title, r.patent_type AS type, r.patent_application_no AS no, r.patent_filed_on AS filed, r.patent_granted_on AS granted,
            r.patent_status AS status, s.name AS studio,
            (SELECT string_agg(p.name, '、' ORDER BY c.seq) FROM result_contributors c JOIN people p ON p.id = c.person_id WHERE c.result_id = r.id) AS inventors`,
        sql`results r JOIN ${studioFrom} ON s.id = r.studio_id`,
        (f) =>
          sql`ho.path LIKE ${f.under} AND r.archived_at IS NULL AND r.patent_type IS NOT NULL AND r.year BETWEEN ${years(f).y1} AND ${years(f).y2}`,
        'r.id',
      ),
    ],
  },
  activities: {
    title: '活动台账',
    sheets: [
      sheet(
        '活动',
        [
          { header: '日期', key: 'heldOn', type: 'date', width: 12 },
          { header: '活动名称', key: 'title', width: 30 },
          { header: '类型', key: 'kind', labels: activityKindLabels, width: 10 },
          { header: '工作室', key: 'studio', width: 30 },
          { header: '地点', key: 'place', width: 16 },
          { header: '学时', key: 'hours', type: 'number', width: 8 },
          { header: '签到人数', key: 'attended', type: 'int', width: 10 },
          { header: '外部人员', key: 'outside', type: 'int', width: 10 },
        ],
        sql`a.held_on AS "heldOn", a.title, a.kind, s.name AS studio, a.place, a.hours,
            (SELECT count(*)::int FROM activity_participants ap WHERE ap.activity_id = a.id AND ap.attended_at IS NOT NULL) AS attended,
            a.outside_count AS outside`,
        sql`activities a JOIN ${studioFrom} ON s.id = a.studio_id`,
        (f) =>
          sql`ho.path LIKE ${f.under} AND a.archived_at IS NULL AND a.held_on BETWEEN ${f.start} AND ${f.end}`,
        'a.id',
      ),
    ],
  },
  training: {
    title: '培训台账',
    sheets: [
      sheet(
        '培训',
        [
          { header: '日期', key: 'heldOn', type: 'date', width: 12 },
          { header: '培训名称', key: 'title', width: 30 },
          { header: '工作室', key: 'studio', width: 30 },
          { header: '学员姓名', key: 'name', width: 10 },
          { header: '工号', key: 'employeeNo', width: 12 },
          { header: '学时', key: 'hours', type: 'number', width: 8 },
          { header: '证书', key: 'certificate', width: 16 },
        ],
        sql`a.held_on AS "heldOn", a.title, s.name AS studio, p.name, p.employee_no AS "employeeNo", coalesce(ap.hours, a.hours) AS hours, ap.certificate`,
        sql`activity_participants ap JOIN activities a ON a.id = ap.activity_id JOIN ${studioFrom} ON s.id = a.studio_id JOIN people p ON p.id = ap.person_id`,
        (f) =>
          sql`ho.path LIKE ${f.under} AND a.archived_at IS NULL AND a.kind = 'training' AND ap.attended_at IS NOT NULL AND a.held_on BETWEEN ${f.start} AND ${f.end}`,
        'ap.id',
      ),
    ],
  },
  mentoring: {
    title: '师带徒台账',
    sheets: [
      sheet(
        '师带徒',
        [
          { header: '工作室', key: 'studio', width: 30 },
          { header: '师傅', key: 'mentor', width: 10 },
          { header: '徒弟', key: 'apprentice', width: 10 },
          { header: '开始日期', key: 'starts', type: 'date', width: 12 },
          { header: '结束日期', key: 'ends', type: 'date', width: 12 },
          { header: '培养目标', key: 'goals', width: 30 },
          { header: '目标等级', key: 'target', labels: skillGradeLabels, width: 10 },
          { header: '状态', key: 'status', labels: mentorshipStatusLabels, width: 10 },
          { header: '出师日期', key: 'outcomeOn', type: 'date', width: 12 },
          { header: '出师等级', key: 'outcome', labels: skillGradeLabels, width: 10 },
        ],
        sql`s.name AS studio, pm.name AS mentor, pa.name AS apprentice, m.starts_on AS starts, m.ends_on AS ends, m.goals,
            m.target_grade AS target, m.status, m.outcome_on AS "outcomeOn", m.outcome_grade AS outcome`,
        sql`mentorships m JOIN ${studioFrom} ON s.id = m.studio_id JOIN people pm ON pm.id = m.mentor_person_id JOIN people pa ON pa.id = m.apprentice_person_id`,
        // Agreements that ran during the period.
        (f) =>
          sql`ho.path LIKE ${f.under} AND m.archived_at IS NULL AND m.starts_on <= ${f.end} AND m.ends_on >= ${f.start}`,
        'm.id',
      ),
    ],
  },
  funds: {
    title: '经费台账',
    sheets: [
      sheet(
        '经费拨款',
        [
          { header: '年度', key: 'year', type: 'int', width: 8 },
          { header: '工作室', key: 'studio', width: 30 },
          { header: '来源', key: 'source', labels: fundSourceLabels, width: 12 },
          { header: '金额（元）', key: 'amount', type: 'money', width: 14 },
          { header: '到账日期', key: 'received', type: 'date', width: 12 },
          { header: '备注', key: 'note', width: 20 },
        ],
        sql`f.year, s.name AS studio, f.source, f.amount_fen AS amount, f.received_on AS received, f.note`,
        sql`fund_allocations f JOIN ${studioFrom} ON s.id = f.studio_id`,
        (f) =>
          sql`ho.path LIKE ${f.under} AND f.archived_at IS NULL AND f.year BETWEEN ${years(f).y1} AND ${years(f).y2}`,
        'f.id',
      ),
      sheet(
        '经费支出',
        [
          { header: '年度', key: 'year', type: 'int', width: 8 },
          { header: '工作室', key: 'studio', width: 30 },
          { header: '类别', key: 'category', labels: expenseCategoryLabels, width: 10 },
          { header: '金额（元）', key: 'amount', type: 'money', width: 14 },
          { header: '支出日期', key: 'spent', type: 'date', width: 12 },
          { header: '收款方', key: 'payee', width: 16 },
          { header: '用途', key: 'description', width: 30 },
          { header: '状态', key: 'status', labels: expenseStatusLabels, width: 10 },
        ],
        sql`e.year, s.name AS studio, e.category, e.amount_fen AS amount, e.spent_on AS spent, e.payee, e.description, e.status`,
        sql`fund_expenses e JOIN ${studioFrom} ON s.id = e.studio_id`,
        (f) =>
          sql`ho.path LIKE ${f.under} AND e.archived_at IS NULL AND e.year BETWEEN ${years(f).y1} AND ${years(f).y2}`,
        'e.id',
      ),
    ],
  },
};
