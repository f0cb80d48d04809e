import type { StudioType } from '../../../common/enums.js';
import type { ImportKind, ImportMapping } from '../../../common/schemas/ledgers.js';
import type { ResultKind } from '../../../common/schemas/results.js';
import { type Actor, can, scopeOf } from '../../core/access.js';
import { type Lang, messageFor } from '../../core/errors.js';
import type { CellValue } from '../../core/excel.js';
import { checkContributors, checkPatent } from '../results/results.policy.js';
import { studioAllows } from '../studios/studios.access.js';
import { studioIsActive } from '../studios/studios.policy.js';
import { type ImportFieldSpec, importSpecs } from './import.kinds.js';
import type { Lookups, PersonRef } from './import.lookups.js';
import type { LedgerSheet } from './import.sheet.js';
import { headerInWan, parseAmountFen, parseChoice, parseLedgerDate, parseWhole } from './ledgers.parse.js';

/** A studio to create (createStudio's fields), with the host org it goes under. */
export interface StudioCreatePlan {
  kind: 'studios';
  name: string;
  type: StudioType;
  hostOrgId: number;
  hostOrgPath: string;
  foundedOn: string | null;
  field: string | null;
  contactPhone: string | null;
  leaderPersonId: number | null;
}
/** A membership to open (addMember's fields). */
export interface MemberCreatePlan {
  kind: 'members';
  studioId: number;
  hostOrgId: number;
  orgPath: string;
  personId: number;
  personName: string;
  role: 'core' | 'member' | 'trainee';
  division: string | null;
  joinedOn: string;
}
/** A draft result to enter (createResult's fields), in the ledger's year, with its claimed benefit. */
export interface ResultCreatePlan {
  kind: 'results';
  studioId: number;
  hostOrgId: number;
  orgPath: string;
  studioField: string | null;
  resultKind: ResultKind;
  title: string;
  problem: string;
  implementedOn: string | null;
  year: number;
  contributors: { personId: number; share: number; role: 'main' | 'participant' }[];
  benefitFen: number | null;
}
export type CreatePlan = StudioCreatePlan | MemberCreatePlan | ResultCreatePlan;

/** One ledger row made ready: a record to create, or already there. */
export interface PlannedRow {
  row: number;
  summary: string;
  /** Null when the record exists already (re-import): nothing to do. */
  create: CreatePlan | null;
}
export interface Issue {
  row: number;
  column: string;
  message: string;
}

/** The single-record services' date rule (createStudio, addMember): nothing dated after today. */
const notFuture = '日期不能晚于今天';

/** A problem found by a single-record service's rule: the field key and the message. */
type Rule = [key: string, message: string];

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

/** Equal shares summing to exactly 100 (the last one takes the rounding). */
function shares(n: number): number[] {
  const each = Math.floor(10_000 / n) / 100;
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? Math.round((100 - each * (n - 1)) * 100) / 100 : each,
  );
}

/** What planRows needs besides the sheet: the subtree's lookups and the rules of the single-record services. */
export interface PlanContext {
  actor: Actor;
  today: string;
  lang: Lang;
  look: Lookups;
  /** Which candidate memberships / results exist already: one statement each, set-based. */
  existingMembers: (pairs: { studioId: number; personId: number }[]) => Promise<Set<string>>;
  existingResults: (keys: { studioId: number; title: string; year: number }[]) => Promise<Set<string>>;
}

/**
 * Turns every row of the ledger into a planned create (or "already there"), with every problem by row and
 * column, in memory: the same rules as the single-record services (createStudio, addMember, createResult) —
 * scope, active records, dates not in the future, contributors and patent checks — so the dry run needs no
 * write and no statement per row. Natural keys make a re-import harmless: a studio by its name in the subtree,
 * a member by studio and person, a result by studio, title and year. A key repeated inside the file is
 * reported on its second row.
 */
export async function planRows({
  kind,
  sheet,
  mapping,
  plan: { actor, today, lang, look, existingMembers, existingResults },
}: {
  kind: ImportKind;
  sheet: LedgerSheet;
  mapping: ImportMapping;
  plan: PlanContext;
}) {
  const specs = importSpecs[kind];
  const issues: Issue[] = [];
  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  const colNames = new Map(
    specs.map((s) => [s.key, sheet.headers.find((h) => h.col === mapping[s.key])?.text ?? s.label]),
  );
  const col = (key: string) => colNames.get(key)!;
  const peopleScope = scopeOf(actor, 'people.read');
  // createStudio / addMember: a leader or member must be active (the lookups hold only active people of the
  // subtree) and visible to the actor (visiblePerson).
  const visible = (p: PersonRef) =>
    p.id === actor.personId || peopleScope.some((s) => p.orgPath.startsWith(s));
  const hidden = '人员不存在或不在您的管理范围内';
  const year = Number(today.slice(0, 4));
  /** Problems under the single-record services' rules, by row: reported only for rows that would be created. */
  const rulesOf = new Map<number, Rule[]>();
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
      const rules: Rule[] = [];
      if (!can(actor, 'studios.create', host.path)) rules.push(['host', messageFor('auth.forbidden', lang)]);
      const foundedOn = (v.foundedOn as string | null) ?? null;
      if (foundedOn && foundedOn > today) rules.push(['foundedOn', notFuture]);
      let leaderId: number | null = null;
      if (v.leader) {
        const leaderCol = v.leaderNo ? 'leaderNo' : 'leader';
        const p = look.person(String(v.leader), v.leaderNo ? String(v.leaderNo) : null);
        if (typeof p === 'string') {
          bad(leaderCol, p);
          continue;
        }
        if (!visible(p)) rules.push([leaderCol, hidden]);
        leaderId = p.id;
      }
      if (look.studioNames.has(name)) {
        planned.push({ row: r.row, summary: name, create: null });
        continue;
      }
      rulesOf.set(r.row, rules);
      planned.push({
        row: r.row,
        summary: `${name}（${host.name}）`,
        create: {
          kind: 'studios',
          name,
          type: v.type as StudioType,
          hostOrgId: host.id,
          hostOrgPath: host.path,
          foundedOn,
          field: (v.field as string | null) ?? null,
          contactPhone: (v.contactPhone as string | null) ?? null,
          leaderPersonId: leaderId,
        },
      });
    } else if (kind === 'members') {
      const studio = look.studio(String(v.studio));
      if (typeof studio === 'string') {
        bad('studio', studio);
        continue;
      }
      const personCol = v.employeeNo ? 'employeeNo' : 'name';
      const p = look.person(String(v.name), v.employeeNo ? String(v.employeeNo) : null);
      if (typeof p === 'string') {
        bad(personCol, p);
        continue;
      }
      if (dup(`${studio.id}/${p.id}`, 'name')) continue;
      // addMember: 'manage' on an active studio, a visible person, a join date not in the future.
      const rules: Rule[] = [];
      if (!studioAllows(actor, 'manage', studio.orgPath, look.memberRole(studio.id)))
        rules.push(['studio', messageFor('auth.forbidden', lang)]);
      else if (!studioIsActive(studio)) rules.push(['studio', messageFor('studios.inactive', lang)]);
      if (!visible(p)) rules.push([personCol, hidden]);
      const joinedOn = (v.joinedOn as string | null) ?? today;
      if (joinedOn > today) rules.push(['joinedOn', notFuture]);
      rulesOf.set(r.row, rules);
      planned.push({
        row: r.row,
        summary: `${studio.name}：${p.name}`,
        create: {
          kind: 'members',
          studioId: studio.id,
          hostOrgId: studio.hostOrgId,
          orgPath: studio.orgPath,
          personId: p.id,
          personName: p.name,
          role: (v.role as 'member' | null) ?? 'member',
          division: (v.division as string | null) ?? null,
          joinedOn,
        },
      });
    } else {
      const studio = look.studio(String(v.studio));
      if (typeof studio === 'string') {
        bad('studio', studio);
        continue;
      }
      const title = String(v.title);
      const resultYear =
        (v.year as number | null) ?? (v.implementedOn ? Number(String(v.implementedOn).slice(0, 4)) : year);
      if (resultYear < 1990 || resultYear > year) {
        bad('year', '年度无效');
        continue;
      }
      if (dup(`${studio.id}/${title}/${resultYear}`, 'title')) continue;
      const names = String(v.contributors)
        .split(/[、,，;；\s]+/)
        .filter(Boolean);
      const people = names.map((n) => look.person(n, null));
      const unknown = people.filter((p): p is string => typeof p === 'string');
      if (unknown.length) {
        bad('contributors', unknown.join('；'));
        continue;
      }
      const found = people as PersonRef[];
      const s = shares(found.length);
      const contributors = found.map((p, i) => ({
        personId: p.id,
        share: s[i]!,
        role: i === 0 ? ('main' as const) : ('participant' as const),
      }));
      // createResult: 'contribute' on the studio, and the shared contributor and patent rules.
      const rules: Rule[] = [];
      if (!studioAllows(actor, 'contribute', studio.orgPath, look.memberRole(studio.id)))
        rules.push(['studio', messageFor('auth.forbidden', lang)]);
      const contributorProblems = Object.values(
        checkContributors(contributors, new Set(found.map((p) => p.id))),
      );
      if (contributorProblems.length)
        rules.push(['contributors', [...new Set(contributorProblems)].join('；')]);
      const patentProblems = Object.values(checkPatent(v.kind as ResultKind, null));
      if (patentProblems.length) rules.push(['kind', patentProblems.join('；')]);
      rulesOf.set(r.row, rules);
      planned.push({
        row: r.row,
        summary: `${studio.name}：${title}（${resultYear}）`,
        create: {
          kind: 'results',
          studioId: studio.id,
          hostOrgId: studio.hostOrgId,
          orgPath: studio.orgPath,
          studioField: studio.field,
          resultKind: v.kind as ResultKind,
          title,
          problem: (v.problem as string | null) ?? title,
          implementedOn: (v.implementedOn as string | null) ?? null,
          year: resultYear,
          contributors,
          benefitFen: (v.benefit as number | null) ?? null,
        },
      });
    }
  }
  // Records there already (a re-import) change nothing: found for the whole ledger at once.
  if (kind === 'members') {
    const pending = planned.filter((p) => p.create?.kind === 'members');
    const there = await existingMembers(pending.map((p) => p.create as MemberCreatePlan));
    for (const p of pending) {
      const c = p.create as MemberCreatePlan;
      if (there.has(`${c.studioId}/${c.personId}`)) p.create = null;
    }
  } else if (kind === 'results') {
    const pending = planned.filter((p) => p.create?.kind === 'results');
    const there = await existingResults(pending.map((p) => p.create as ResultCreatePlan));
    for (const p of pending) {
      const c = p.create as ResultCreatePlan;
      if (there.has(`${c.studioId}/${c.year}/${c.title}`)) p.create = null;
    }
  }
  // The single-record services' rules bind only what would be created: a row already there stays unchanged.
  const kept = planned.filter((p) => {
    const rules = p.create ? (rulesOf.get(p.row) ?? []) : [];
    for (const [key, message] of rules) issues.push({ row: p.row, column: col(key), message });
    return rules.length === 0;
  });
  return { planned: kept, issues };
}
