import { skillGrades } from '../common/enums.js';
import { activityKinds } from '../common/schemas/activities.js';
import { ideaCategories } from '../common/schemas/ideas.js';
import { patentStatuses, patentTypes, resultKinds } from '../common/schemas/results.js';
import { chineseName, rng } from '../server/db/seed/factories.js';

/**
 * The benchmark data sets as deterministic row generators: the same size and seed give the same rows, in the
 * same order, with explicit ids. Org tree: one root (the nation, kind `group`) → groups (provinces or industry
 * groups) → enterprises → branches → workshops. People belong to workshops; studios are hosted by workshops and
 * led by one of the workshop's people; results and activities belong to studios; ideas to the submitter's workshop.
 */
export interface DataSize {
  groups: number;
  enterprisesPerGroup: number;
  branchesPerEnterprise: number;
  workshopsPerBranch: number;
  studios: number;
  people: number;
  membersPerStudio: number;
  results: number;
  ideas: number;
  activities: number;
}

export const dataSets = {
  /** A province-wide or national union: ~51k org nodes. */
  national: {
    groups: 50,
    enterprisesPerGroup: 20,
    branchesPerEnterprise: 10,
    workshopsPerBranch: 4,
    studios: 100_000,
    people: 1_000_000,
    membersPerStudio: 3,
    results: 3_000_000,
    ideas: 5_000_000,
    activities: 5_000_000,
  },
  /** One group company (what PGlite serves). */
  group: {
    groups: 1,
    enterprisesPerGroup: 12,
    branchesPerEnterprise: 4,
    workshopsPerBranch: 6,
    studios: 1_000,
    people: 50_000,
    membersPerStudio: 4,
    results: 50_000,
    ideas: 20_000,
    activities: 20_000,
  },
} satisfies Record<string, DataSize>;
export type DataSetName = keyof typeof dataSets;

/** A set scaled by `factor` (0.01 = 1 %): the tree keeps its shape with fewer top-level groups. */
export function scaledSize(size: DataSize, factor: number): DataSize {
  const n = (x: number, min = 1) => Math.max(min, Math.round(x * factor));
  const shrinkGroups = size.groups > 1;
  return {
    ...size,
    groups: shrinkGroups ? n(size.groups) : size.groups,
    enterprisesPerGroup:
      shrinkGroups || factor >= 1 ? size.enterprisesPerGroup : n(size.enterprisesPerGroup, 2),
    studios: n(size.studios, 10),
    people: n(size.people, 50),
    results: n(size.results, 10),
    ideas: n(size.ideas, 10),
    activities: n(size.activities, 10),
  };
}

export type Cell = string | number | boolean | null;
export interface TableData {
  table: string;
  columns: string[];
  count: number;
  /** Row `i` (0-based) of the table; rows are produced in id order. */
  rows(): Generator<Cell[]>;
}

const fields = [
  '数控加工',
  '焊接技术',
  '电气自动化',
  '设备维修',
  '铸造工艺',
  '热处理',
  '质量检测',
  '液压技术',
];
const trades = ['车工', '钳工', '焊工', '铣工', '电工', '装配工', '起重工', '数控机床操作工', '质检员'];
const objects = ['刀具寿命', '焊缝质量', '装配效率', '能耗', '设备故障率', '废品率', '换型时间', '检测精度'];
const verbs = ['提升', '降低', '优化', '改进', '攻关', '缩短'];
const methods = ['工装夹具', '工艺参数', '自动化改造', '在线监测', '防错装置', '快速换模'];
const slogans = ['匠心筑梦，创新领航', '精益求精，追求卓越', '小改小革见真章', '传技带徒，薪火相传'];
const studioTypes = ['modelWorker', 'employee', 'craftsman', 'masterSkill'] as const;
const typeSuffix = {
  modelWorker: '劳模创新工作室',
  employee: '职工创新工作室',
  craftsman: '工匠创新工作室',
  masterSkill: '技能大师工作室',
};
const levels = ['enterprise', 'group', 'city', 'province', 'national'] as const;
const provinceNames = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新';

/** Weighted pick: `weights` are relative. */
function weighted<T>(r: ReturnType<typeof rng>, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = r.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const day = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const base2019 = Date.UTC(2019, 0, 1);
const base2024 = Date.UTC(2024, 0, 1);

/** The org ids of one level, and how a data set's rows map onto the tree. */
export interface Layout {
  size: DataSize;
  orgCount: number;
  /** First org id of each level: 1 root, then groups, enterprises, branches, workshops. */
  firstGroup: number;
  firstEnterprise: number;
  firstBranch: number;
  firstWorkshop: number;
  workshops: number;
  peoplePerWorkshop: number;
}

export function layoutOf(size: DataSize): Layout {
  const groups = size.groups;
  const ents = groups * size.enterprisesPerGroup;
  const branches = ents * size.branchesPerEnterprise;
  const workshops = branches * size.workshopsPerBranch;
  return {
    size,
    orgCount: 1 + groups + ents + branches + workshops,
    firstGroup: 2,
    firstEnterprise: 2 + groups,
    firstBranch: 2 + groups + ents,
    firstWorkshop: 2 + groups + ents + branches,
    workshops,
    peoplePerWorkshop: Math.max(3, Math.floor(size.people / workshops)),
  };
}

/** The workshop (org id) of person `p` (1-based). */
export function workshopOfPerson(l: Layout, p: number): number {
  return l.firstWorkshop + (Math.floor((p - 1) / l.peoplePerWorkshop) % l.workshops);
}
/** The host workshop of studio `s` (1-based): studios spread evenly over the workshops. */
export function hostOfStudio(l: Layout, s: number): number {
  return l.firstWorkshop + ((s - 1) % l.workshops);
}
/** The leader of studio `s`: a person of its host workshop. */
export function leaderOfStudio(l: Layout, s: number): number {
  const w = (s - 1) % l.workshops;
  const k = Math.floor((s - 1) / l.workshops) * l.size.membersPerStudio;
  const p = w * l.peoplePerWorkshop + (k % l.peoplePerWorkshop) + 1;
  return Math.min(p, l.size.people);
}

function orgRows(l: Layout): TableData {
  const s = l.size;
  return {
    table: 'orgs',
    columns: ['id', 'parent_id', 'kind', 'code', 'name', 'employee_count', 'path', 'depth'],
    count: l.orgCount,
    *rows() {
      yield [1, null, 'group', 'N', '全国示例工会联合会', s.people, '/1/', 0];
      const paths = new Map<number, string>([[1, '/1/']]);
      const level = (
        first: number,
        n: number,
        parentFirst: number,
        per: number,
        kind: string,
        depth: number,
        name: (i: number) => string,
      ) => {
        const out: Cell[][] = [];
        for (let i = 0; i < n; i++) {
          const id = first + i;
          const parent = depth === 1 ? 1 : parentFirst + Math.floor(i / per);
          const path = `${paths.get(parent)}${id}/`;
          paths.set(id, path);
          out.push([id, parent, kind, `O${id}`, name(i), 0, path, depth]);
        }
        return out;
      };
      const ents = s.groups * s.enterprisesPerGroup;
      const branches = ents * s.branchesPerEnterprise;
      yield* level(l.firstGroup, s.groups, 1, 1, 'group', 1, (i) => {
        const p = provinceNames[i % provinceNames.length]!;
        return `${p}${i >= provinceNames.length ? `${Math.floor(i / provinceNames.length) + 1}` : ''}示例集团`;
      });
      yield* level(
        l.firstEnterprise,
        ents,
        l.firstGroup,
        s.enterprisesPerGroup,
        'enterprise',
        2,
        (i) => `示例第${i + 1}机械有限公司`,
      );
      yield* level(
        l.firstBranch,
        branches,
        l.firstEnterprise,
        s.branchesPerEnterprise,
        'branch',
        3,
        (i) => `第${(i % s.branchesPerEnterprise) + 1}分厂`,
      );
      yield* level(
        l.firstWorkshop,
        l.workshops,
        l.firstBranch,
        s.workshopsPerBranch,
        'workshop',
        4,
        (i) => `${trades[i % trades.length]}车间${(i % s.workshopsPerBranch) + 1}`,
      );
    },
  };
}

function peopleRows(l: Layout, seed: number): TableData {
  return {
    table: 'people',
    columns: ['id', 'org_id', 'employee_no', 'name', 'gender', 'birth_year', 'trade', 'skill_grade'],
    count: l.size.people,
    *rows() {
      const r = rng(seed * 31 + 1);
      for (let p = 1; p <= l.size.people; p++)
        yield [
          p,
          workshopOfPerson(l, p),
          `E${String(p).padStart(8, '0')}`,
          chineseName(r),
          r.next() < 0.7 ? 'male' : 'female',
          r.int(1965, 2002),
          r.pick(trades),
          r.pick(skillGrades),
        ];
    },
  };
}

function studioRows(l: Layout, seed: number): TableData {
  return {
    table: 'studios',
    columns: [
      'id',
      'code',
      'name',
      'type',
      'host_org_id',
      'leader_person_id',
      'field',
      'founded_on',
      'status',
      'current_level',
      'slogan',
      'created_at',
    ],
    count: l.size.studios,
    *rows() {
      const r = rng(seed * 31 + 2);
      for (let s = 1; s <= l.size.studios; s++) {
        const type = r.pick(studioTypes);
        const status = weighted(r, ['named', 'cultivating', 'rectifying', 'revoked'], [55, 38, 5, 2]);
        const founded = base2019 - r.int(0, 3000) * day;
        yield [
          s,
          `GZS-${new Date(founded).getUTCFullYear()}-${String(s).padStart(6, '0')}`,
          `${chineseName(r)}${r.pick(fields)}${typeSuffix[type]}`,
          type,
          hostOfStudio(l, s),
          leaderOfStudio(l, s),
          r.pick(fields),
          isoDate(founded),
          status,
          status === 'cultivating' ? null : weighted(r, levels, [40, 30, 15, 10, 5]),
          r.pick(slogans),
          new Date(founded + r.int(0, 400) * day).toISOString(),
        ];
      }
    },
  };
}

function memberRows(l: Layout): TableData {
  const m = l.size.membersPerStudio;
  return {
    table: 'studio_members',
    columns: ['id', 'studio_id', 'person_id', 'role', 'joined_on'],
    count: l.size.studios * m,
    *rows() {
      let id = 0;
      for (let s = 1; s <= l.size.studios; s++) {
        const leader = leaderOfStudio(l, s);
        const w = workshopOfPerson(l, leader) - l.firstWorkshop;
        const first = w * l.peoplePerWorkshop + 1;
        for (let k = 0; k < m; k++) {
          // Distinct people of the same workshop, the leader first.
          const p = first + ((leader - first + k) % l.peoplePerWorkshop);
          yield [++id, s, Math.min(p, l.size.people), k === 0 ? 'leader' : 'member', '2020-03-01'];
        }
      }
    },
  };
}

/** A title from the vocabulary and its words (stored as the `simple` tsvector the app builds). */
function titleOf(r: ReturnType<typeof rng>): { title: string; words: string[] } {
  const words = [r.pick(fields), r.pick(objects), r.pick(verbs), r.pick(methods)];
  return { title: `${words[0]}${words[1]}${words[2]}（${words[3]}）`, words };
}

function resultRows(l: Layout, seed: number): TableData {
  return {
    table: 'results',
    columns: [
      'id',
      'archive_no',
      'kind',
      'studio_id',
      'title',
      'field',
      'problem',
      'status',
      'year',
      'patent_type',
      'patent_application_no',
      'patent_filed_on',
      'patent_status',
      'search_text',
      'created_at',
    ],
    count: l.size.results,
    *rows() {
      const r = rng(seed * 31 + 3);
      for (let i = 1; i <= l.size.results; i++) {
        const { title, words } = titleOf(r);
        const year = r.int(2019, 2026);
        const patent = r.next() < 0.12;
        const kind = patent ? 'patent' : r.pick(resultKinds);
        const filed = Date.UTC(year, 0, 1) + r.int(0, 364) * day;
        yield [
          i,
          `CG-${year}-${String(i).padStart(7, '0')}`,
          kind,
          r.int(1, l.size.studios),
          title,
          words[0]!,
          `${words[1]}不足，影响生产`,
          weighted(
            r,
            ['recognised', 'draft', 'submitted', 'firstReview', 'scoring', 'returned'],
            [55, 15, 10, 8, 7, 5],
          ),
          year,
          patent ? r.pick(patentTypes) : null,
          patent ? `CN${year}${String(i).padStart(9, '0')}` : null,
          patent ? isoDate(filed) : null,
          patent ? r.pick(patentStatuses) : null,
          words.join(' '),
          new Date(filed).toISOString(),
        ];
      }
    },
  };
}

function ideaRows(l: Layout, seed: number): TableData {
  return {
    table: 'ideas',
    columns: [
      'id',
      'code',
      'submitter_person_id',
      'org_id',
      'category',
      'title',
      'content',
      'search_text',
      'status',
      'deadline_at',
      'answered_at',
      'created_at',
    ],
    count: l.size.ideas,
    *rows() {
      const r = rng(seed * 31 + 4);
      for (let i = 1; i <= l.size.ideas; i++) {
        const { title, words } = titleOf(r);
        const person = r.int(1, l.size.people);
        const created = base2024 + r.int(0, 1000 * 1440) * 60_000;
        const status = weighted(
          r,
          ['submitted', 'assigned', 'evaluating', 'adopted', 'implemented', 'rejected', 'rewarded'],
          [10, 10, 10, 25, 15, 20, 10],
        );
        const answered =
          status === 'submitted' || status === 'assigned' ? null : created + r.int(1, 25) * day;
        yield [
          i,
          `JD-${String(i).padStart(8, '0')}`,
          person,
          workshopOfPerson(l, person),
          r.pick(ideaCategories),
          title,
          `建议通过${words[3]}${words[2]}${words[1]}`,
          words.join(' '),
          status,
          new Date(created + 15 * day).toISOString(),
          answered === null ? null : new Date(answered).toISOString(),
          new Date(created).toISOString(),
        ];
      }
    },
  };
}

function activityRows(l: Layout, seed: number): TableData {
  return {
    table: 'activities',
    columns: ['id', 'studio_id', 'kind', 'title', 'held_on', 'hours', 'checkin_token', 'created_at'],
    count: l.size.activities,
    *rows() {
      const r = rng(seed * 31 + 5);
      for (let i = 1; i <= l.size.activities; i++) {
        const kind = weighted(r, activityKinds, [35, 15, 10, 15, 10, 5, 10]);
        const held = base2024 + r.int(0, 1000) * day;
        yield [
          i,
          r.int(1, l.size.studios),
          kind,
          `${r.pick(fields)}${kind === 'training' ? '技能培训' : '交流活动'}第${(i % 97) + 1}期`,
          isoDate(held),
          r.int(1, 16) / 2,
          `b${i.toString(36)}x${seed}`,
          new Date(held).toISOString(),
        ];
      }
    },
  };
}

/** Every generated table in load order (parents first). */
export function tablesOf(size: DataSize, seed: number): TableData[] {
  const l = layoutOf(size);
  return [
    orgRows(l),
    peopleRows(l, seed),
    studioRows(l, seed),
    memberRows(l),
    resultRows(l, seed),
    ideaRows(l, seed),
    activityRows(l, seed),
  ];
}

/** One COPY text-format line: tab-separated, `\N` for null, backslash escapes. */
export function copyLine(row: Cell[]): string {
  let out = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i) out += '\t';
    if (v === null || v === undefined) out += '\\N';
    else if (typeof v === 'string') out += /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, escapeChar) : v;
    else out += String(v);
  }
  return `${out}\n`;
}
function escapeChar(c: string): string {
  return c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r';
}
