import {
  educationLabels,
  genderLabels,
  type HonourKind,
  type HonourLevel,
  honourKindLabels,
  honourLevelLabels,
  skillGradeLabels,
} from '../../../common/enums.js';
import type { ImportReport } from '../../../common/schemas/audit.js';
import { type Honour, honour, type PersonCreate } from '../../../common/schemas/people.js';
import { can } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { cellEnum, cellInt, cellText, readSheet } from '../../core/excel.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import * as repo from './people.repository.js';

const importColumns = {
  employeeNo: { headers: ['工号', '员工编号', '职工编号', '人员编号', 'employee no'], required: true },
  name: { headers: ['姓名', '名字', 'name'], required: true },
  orgCode: { headers: ['组织编码', '单位编码', '部门编码', '所在单位编码', 'org code'], required: true },
  gender: { headers: ['性别', 'gender'] },
  birthYear: { headers: ['出生年份', '出生年', '出生年月', '出生日期', 'birth year'] },
  education: { headers: ['学历', '文化程度', 'education'] },
  skillGrade: { headers: ['技能等级', '职业技能等级', '等级', 'skill grade'] },
  professionalTitle: { headers: ['职称', '专业技术职称', 'title'] },
  trade: { headers: ['工种', '岗位工种', 'trade'] },
  phone: { headers: ['手机', '手机号', '电话', '联系电话', 'phone'] },
  honours: { headers: ['荣誉', '荣誉称号', '获得荣誉', 'honours'] },
};

/** Parses "劳动模范(省部级,2019); 技术能手(企业级,2021)" into honours, or returns an error text. */
export function parseHonours(text: string | null): Honour[] | string {
  if (!text) return [];
  const out: Honour[] = [];
  for (const part of text
    .split(/[;；、\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = part.match(/^(.+?)\s*[（(]\s*(.+?)\s*[,，]\s*(\d{4})\s*[)）]$/);
    if (!m) return `荣誉“${part}”格式应为：名称(级别,年份)`;
    const kind = cellEnum(m[1]!, honourKindLabels) as HonourKind | null | undefined;
    const level = cellEnum(m[2]!, honourLevelLabels) as HonourLevel | null | undefined;
    if (!kind) return `荣誉名称“${m[1]}”无法识别`;
    if (!level) return `荣誉级别“${m[2]}”无法识别`;
    const year = Number(m[3]);
    if (!honour.shape.year.safeParse(year).success) return `荣誉年份“${m[3]}”无效`;
    out.push({ kind, level, year });
  }
  return out;
}

/** Honours compared by value: jsonb does not keep key order, so JSON text cannot be compared. */
function sameHonours(a: Honour[], b: Honour[]): boolean {
  const key = (h: Honour) => `${h.kind}|${h.level}|${h.year}|${h.note ?? ''}`;
  return a.length === b.length && a.every((h, i) => key(h) === key(b[i]!));
}

/**
 * Imports people from an .xlsx: each row is validated (工号, name, org code within the actor's write
 * scope, enumerations, honours); any error means nothing is written. Existing 工号 update that person.
 */
export async function importPeople({
  ctx,
  file,
  dryRun,
}: {
  ctx: Ctx;
  file: Buffer;
  dryRun: boolean;
}): Promise<ImportReport> {
  const { rows } = await readSheet(file, importColumns);
  const errors: ImportReport['errors'] = [];
  const err = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const orgCache = new Map<string, Awaited<ReturnType<typeof findOrgByCode>>>();
  const seen = new Map<string, number>();
  const valid: {
    row: number;
    orgPath: string;
    values: PersonCreate;
    existing: Awaited<ReturnType<typeof repo.findPersonByEmployeeNo>>;
  }[] = [];
  for (const { row, values: v } of rows) {
    const before = errors.length;
    const employeeNo = cellText(v.employeeNo);
    const name = cellText(v.name);
    const orgCode = cellText(v.orgCode);
    if (!employeeNo) err(row, '工号', '工号不能为空');
    else if (employeeNo.length > 40) err(row, '工号', '工号不能超过 40 个字符');
    else if (seen.has(employeeNo))
      err(row, '工号', `工号“${employeeNo}”在文件中重复（第 ${seen.get(employeeNo)} 行）`);
    else seen.set(employeeNo, row);
    if (!name) err(row, '姓名', '姓名不能为空');
    else if (name.length > 50) err(row, '姓名', '姓名不能超过 50 个字');
    let org = null;
    if (!orgCode) err(row, '组织编码', '组织编码不能为空');
    else {
      if (!orgCache.has(orgCode)) orgCache.set(orgCode, await findOrgByCode({ db: ctx.db, code: orgCode }));
      org = orgCache.get(orgCode)!;
      if (!org || org.archivedAt || !can(ctx.actor, 'people.write', org.path)) {
        err(row, '组织编码', `组织编码“${orgCode}”不存在或不在您的管理范围内`);
        org = null;
      }
    }
    const enumField = <T extends string>(
      col: string,
      value: typeof v.gender,
      labels: Record<T, { zh: string; en: string }>,
    ) => {
      const r = cellEnum(value, labels);
      if (r === undefined)
        err(
          row,
          col,
          `“${cellText(value)}”无效，可选：${Object.values<{ zh: string }>(labels)
            .map((l) => l.zh)
            .join('、')}`,
        );
      return r ?? null;
    };
    const gender = enumField('性别', v.gender, genderLabels);
    const education = enumField('学历', v.education, educationLabels);
    const skillGrade = enumField('技能等级', v.skillGrade, skillGradeLabels);
    let birthYear: number | null = null;
    if (v.birthYear instanceof Date) birthYear = v.birthYear.getUTCFullYear();
    else {
      const t = cellText(v.birthYear);
      const m = t?.match(/^(\d{4})/);
      const n = m ? Number(m[1]) : cellInt(v.birthYear);
      if (t && (n === undefined || n === null || n < 1930 || n > 2015))
        err(row, '出生年份', `出生年份“${t}”无效`);
      else birthYear = n ?? null;
    }
    const honours = parseHonours(cellText(v.honours));
    if (typeof honours === 'string') err(row, '荣誉', honours);
    if (errors.length > before || !employeeNo || !name || !org) continue;
    const existing = await repo.findPersonByEmployeeNo({ db: ctx.db, employeeNo });
    if (existing && !can(ctx.actor, 'people.write', existing.orgPath)) {
      err(row, '工号', `工号“${employeeNo}”已被您管理范围外的人员使用`);
      continue;
    }
    valid.push({
      row,
      orgPath: org.path,
      existing,
      values: {
        orgId: org.id,
        employeeNo,
        name,
        gender,
        birthYear,
        education,
        skillGrade,
        professionalTitle: cellText(v.professionalTitle),
        trade: cellText(v.trade),
        phone: cellText(v.phone),
        email: null,
        honours: honours as Honour[],
      },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    dryRun,
    total: rows.length,
    valid: valid.length,
    created: 0,
    updated: 0,
    errors,
  };
  if (errors.length && !dryRun) throw new AppError('imports.has_errors', 400, { report });
  if (dryRun || errors.length) return report;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    for (const { values, existing, orgPath } of valid) {
      if (existing) {
        const p = existing.person;
        const same =
          p.name === values.name &&
          p.orgId === values.orgId &&
          p.gender === values.gender &&
          p.birthYear === values.birthYear &&
          p.education === values.education &&
          p.skillGrade === values.skillGrade &&
          p.professionalTitle === values.professionalTitle &&
          p.trade === values.trade &&
          p.phone === values.phone &&
          sameHonours(p.honours, values.honours);
        if (same) continue;
        const { email: _e, ...set } = values;
        const row = await repo.updatePersonRow({ db: tx, id: p.id, version: p.version, set, now });
        if (!row) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'people.import',
          entityType: 'person',
          entityId: p.id,
          orgId: row.orgId,
          orgPath,
          before: p,
          after: row,
        });
        report.updated++;
      } else {
        const row = await repo.insertPerson({ db: tx, values });
        await recordAudit(tx, ctx, {
          action: 'people.import',
          entityType: 'person',
          entityId: row.id,
          orgId: row.orgId,
          orgPath,
          after: row,
        });
        report.created++;
      }
    }
  });
  return report;
}
