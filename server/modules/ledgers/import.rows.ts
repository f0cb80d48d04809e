import { sql } from 'drizzle-orm';
import type { ImportKind, ImportMapping } from '../../../common/schemas/ledgers.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import type { CellValue } from '../../core/excel.js';
import { createResult } from '../results/results.service.js';
import { rowsOf } from '../stats/stats.sql.js';
import { localToday } from '../studios/studios.health.js';
import { addMember } from '../studios/studios.members.service.js';
import { createStudio } from '../studios/studios.service.js';
import { type ImportFieldSpec, importSpecs } from './import.kinds.js';
import type { LedgerSheet } from './import.sheet.js';
import { headerInWan, parseAmountFen, parseChoice, parseLedgerDate, parseWhole } from './ledgers.parse.js';

/** One ledger row made ready: a create to run (in the import's transaction), or already there. */
export interface PlannedRow {
  row: number;
  summary: string;
  /** Null when the record exists already (re-import): nothing to do. */
  create: ((ctx: Ctx) => Promise<void>) | null;
}
export interface Issue {
  row: number;
  column: string;
  message: string;
}

type Values = Record<string, string | number | null>;

/** Reads the mapped cells of a row into typed values, reporting each unreadable or missing one. */
function readRow(
  specs: ImportFieldSpec[],
  sheet: LedgerSheet,
  mapping: ImportMapping,
  r: LedgerSheet['rows'][number],
  issues: Issue[],
) {
  const v: Values = {};
  const columnName = (s: ImportFieldSpec) =>
    sheet.headers.find((h) => h.col === mapping[s.key])?.text ?? s.label;
  let ok = true;
  for (const s of specs) {
    const col = mapping[s.key] ?? null;
    const raw: CellValue = col === null ? null : (r.cells.get(col) ?? null);
    const bad = (message: string) => {
      issues.push({ row: r.row, column: columnName(s), message });
      ok = false;
    };
    let val: string | number | null | undefined;
    switch (s.type ?? 'text') {
      case 'date':
        val = parseLedgerDate(raw);
        if (val === undefined) bad('日期无法识别（可写作 2023-05-01、2023.05、2023年5月）');
        break;
      case 'int':
        val = parseWhole(raw);
        if (val === undefined) bad('应为整数');
        break;
      case 'amount':
        val = parseAmountFen(raw, headerInWan(columnName(s)));
        if (val === undefined) bad('金额无法识别（元或万元）');
        break;
      case 'choice':
        val = parseChoice(raw, s.choices ?? {});
        if (val === undefined)
          bad(
            `“${String(raw)}”不是有效的${s.label}，可选：${Object.values(s.choices ?? {})
              .map((w) => w[0])
              .join('、')}`,
          );
        break;
      default:
        val =
          raw === null
            ? null
            : String(raw instanceof Date ? raw.toISOString().slice(0, 10) : raw).trim() || null;
    }
    if (val === undefined) continue;
    if (val === null && s.required) bad(`${s.label}不能为空`);
    v[s.key] = val;
  }
  return { v, ok };
}

/** Lookups of the org subtree the import goes into: orgs, studios and people by code, name or 工号. */
async function lookups(db: Db, path: string) {
  const under = `${path}%`;
  const orgs = await rowsOf<{ id: number; code: string; name: string }>(
    db,
    sql`SELECT id, code, name FROM orgs WHERE path LIKE ${under} AND archived_at IS NULL`,
  );
  const studios = await rowsOf<{ id: number; code: string; name: string }>(
    db,
    sql`SELECT s.id, s.code, s.name FROM studios s JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE ${under} AND s.archived_at IS NULL`,
  );
  const people = await rowsOf<{ id: number; employeeNo: string; name: string }>(
    db,
    sql`SELECT p.id, p.employee_no AS "employeeNo", p.name FROM people p JOIN orgs o ON o.id = p.org_id WHERE o.path LIKE ${under} AND p.archived_at IS NULL`,
  );
  // Indexed once: a ledger of 100k rows against a subtree of 50k orgs and a million people must not scan the
  // lists once per row.
  const index = <T extends { name: string }>(list: T[], codeOf: (x: T) => string) => {
    const byCode = new Map<string, T>();
    const byName = new Map<string, T[]>();
    for (const x of list) {
      if (!byCode.has(codeOf(x))) byCode.set(codeOf(x), x);
      const same = byName.get(x.name);
      if (same) same.push(x);
      else byName.set(x.name, [x]);
    }
    return { byCode, byName };
  };
  const one = <T extends { name: string }>(
    ix: ReturnType<typeof index<T>>,
    key: string,
    what: string,
  ): T | string => {
    const byCode = ix.byCode.get(key);
    if (byCode) return byCode;
    const byName = ix.byName.get(key) ?? [];
    if (byName.length === 1) return byName[0]!;
    return byName.length > 1
      ? `有多个同名${what}“${key}”，请改填编码/工号`
      : `未找到${what}“${key}”（须在所选组织范围内）`;
  };
  const orgIx = index(orgs, (o) => o.code);
  const studioIx = index(studios, (s) => s.code);
  const personIx = index(people, (p) => p.employeeNo);
  return {
    org: (k: string) => one(orgIx, k, '单位'),
    studio: (k: string) => one(studioIx, k, '工作室'),
    person: (name: string, no: string | null) => {
      if (no) {
        const p = personIx.byCode.get(no);
        if (!p) return `未找到工号为“${no}”的人员`;
        if (p.name !== name) return `工号“${no}”对应的人员是“${p.name}”，与姓名不符`;
        return p;
      }
      return one(personIx, name, '人员');
    },
    existingResult: async (studioId: number, title: string, year: number) =>
      (
        await rowsOf(
          db,
          sql`SELECT 1 FROM results WHERE studio_id = ${studioId} AND title = ${title} AND year = ${year} AND archived_at IS NULL`,
        )
      ).length > 0,
    existingMember: async (studioId: number, personId: number) =>
      (
        await rowsOf(
          db,
          sql`SELECT 1 FROM studio_members WHERE studio_id = ${studioId} AND person_id = ${personId} AND left_on IS NULL`,
        )
      ).length > 0,
    studioNames: new Set(studios.map((s) => s.name)),
  };
}

/** Equal shares summing to exactly 100 (the last one takes the rounding). */
function shares(n: number): number[] {
  const each = Math.floor(10_000 / n) / 100;
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? Math.round((100 - each * (n - 1)) * 100) / 100 : each,
  );
}

/**
 * Turns every row of the ledger into a planned create (or "already there"), with every problem by row and
 * column. Natural keys make a re-import harmless: a studio by its name in the subtree, a member by studio and
 * person, a result by studio, title and year. A key repeated inside the file is reported on its second row.
 */
export async function planRows({
  ctx,
  kind,
  path,
  sheet,
  mapping,
}: {
  ctx: Ctx;
  kind: ImportKind;
  path: string;
  sheet: LedgerSheet;
  mapping: ImportMapping;
}) {
  const specs = importSpecs[kind];
  const issues: Issue[] = [];
  const planned: PlannedRow[] = [];
  const look = await lookups(ctx.db, path);
  const seen = new Map<string, number>();
  const col = (key: string) =>
    sheet.headers.find((h) => h.col === mapping[key])?.text ?? specs.find((s) => s.key === key)!.label;
  const today = localToday(ctx.clock);
  for (const r of sheet.rows) {
    const { v, ok } = readRow(specs, sheet, mapping, r, issues);
    const bad = (key: string, message: string) => issues.push({ row: r.row, column: col(key), message });
    if (!ok) {
      // The row cannot be imported, but its references are still checked so every problem shows at once.
      const ref = (key: string, found: unknown) => typeof found === 'string' && bad(key, found);
      if (kind === 'studios' && v.host) ref('host', look.org(String(v.host)));
      if (kind !== 'studios' && v.studio) ref('studio', look.studio(String(v.studio)));
      if (kind === 'members' && v.name)
        ref(
          v.employeeNo ? 'employeeNo' : 'name',
          look.person(String(v.name), v.employeeNo ? String(v.employeeNo) : null),
        );
      continue;
    }
    const dup = (key: string, field: string) => {
      const first = seen.get(key);
      if (first) bad(field, `与第 ${first} 行重复`);
      else seen.set(key, r.row);
      return !!first;
    };
    if (kind === 'studios') {
      const name = String(v.name);
      if (dup(name, 'name')) continue;
      const host = look.org(String(v.host));
      if (typeof host === 'string') {
        bad('host', host);
        continue;
      }
      let leaderId: number | null = null;
      if (v.leader) {
        const p = look.person(String(v.leader), v.leaderNo ? String(v.leaderNo) : null);
        if (typeof p === 'string') {
          bad(v.leaderNo ? 'leaderNo' : 'leader', p);
          continue;
        }
        leaderId = p.id;
      }
      if (look.studioNames.has(name)) {
        planned.push({ row: r.row, summary: name, create: null });
        continue;
      }
      const input = {
        name,
        type: v.type as 'modelWorker',
        hostOrgId: host.id,
        foundedOn: (v.foundedOn as string | null) ?? null,
        field: (v.field as string | null) ?? null,
        contactPhone: (v.contactPhone as string | null) ?? null,
        leaderPersonId: leaderId,
      };
      planned.push({
        row: r.row,
        summary: `${name}（${host.name}）`,
        create: async (c) => void (await createStudio({ ctx: c, input })),
      });
    } else if (kind === 'members') {
      const studio = look.studio(String(v.studio));
      if (typeof studio === 'string') {
        bad('studio', studio);
        continue;
      }
      const p = look.person(String(v.name), v.employeeNo ? String(v.employeeNo) : null);
      if (typeof p === 'string') {
        bad(v.employeeNo ? 'employeeNo' : 'name', p);
        continue;
      }
      if (dup(`${studio.id}/${p.id}`, 'name')) continue;
      if (await look.existingMember(studio.id, p.id)) {
        planned.push({ row: r.row, summary: `${studio.name}：${p.name}`, create: null });
        continue;
      }
      const input = {
        personId: p.id,
        role: (v.role as 'member' | null) ?? 'member',
        division: (v.division as string | null) ?? null,
        joinedOn: (v.joinedOn as string | null) ?? today,
      };
      planned.push({
        row: r.row,
        summary: `${studio.name}：${p.name}`,
        create: async (c) => void (await addMember({ ctx: c, studioId: studio.id, input })),
      });
    } else {
      const studio = look.studio(String(v.studio));
      if (typeof studio === 'string') {
        bad('studio', studio);
        continue;
      }
      const title = String(v.title);
      const year =
        (v.year as number | null) ??
        (v.implementedOn ? Number(String(v.implementedOn).slice(0, 4)) : Number(today.slice(0, 4)));
      if (year < 1990 || year > Number(today.slice(0, 4))) {
        bad('year', '年度无效');
        continue;
      }
      if (dup(`${studio.id}/${title}/${year}`, 'title')) continue;
      const names = String(v.contributors)
        .split(/[、,，;；\s]+/)
        .filter(Boolean);
      const people = names.map((n) => look.person(n, null));
      const unknown = people.filter((p): p is string => typeof p === 'string');
      if (unknown.length) {
        bad('contributors', unknown.join('；'));
        continue;
      }
      if (await look.existingResult(studio.id, title, year)) {
        planned.push({ row: r.row, summary: `${studio.name}：${title}`, create: null });
        continue;
      }
      const ids = (people as { id: number }[]).map((p) => p.id);
      const s = shares(ids.length);
      const benefitFen = v.benefit as number | null;
      planned.push({
        row: r.row,
        summary: `${studio.name}：${title}（${year}）`,
        create: async (c) => {
          const created = await createResult({
            ctx: c,
            input: {
              studioId: studio.id,
              kind: v.kind as 'fiveSmall',
              title,
              problem: (v.problem as string | null) ?? title,
              implementedOn: (v.implementedOn as string | null) ?? null,
              media: [],
              confidential: false,
              contributors: ids.map((personId, i) => ({
                personId,
                share: s[i]!,
                role: i === 0 ? 'main' : 'participant',
              })),
            },
          });
          // A ledger's result belongs to the ledger's year, not to the day it is typed in.
          await c.db.execute(sql`UPDATE results SET year = ${year} WHERE id = ${created.id}`);
          // The ledger's benefit is a claim, not a verified figure: it waits for the finance sign-off as a draft.
          if (benefitFen)
            await c.db.execute(
              sql`INSERT INTO benefits (result_id, org_id, period_from, period_to, before_value_fen, after_value_fen, period_count, period_unit, amount_fen, basis, status, created_by)
                  SELECT ${created.id}, s.host_org_id, ${`${year}-01-01`}, ${`${year}-12-31`}, 0, ${benefitFen}, 1, 'year', ${benefitFen}, '由台账导入，待财务核定', 'draft', ${c.actor.userId}
                  FROM studios s WHERE s.id = ${studio.id}`,
            );
        },
      });
    }
  }
  return { planned, issues };
}
