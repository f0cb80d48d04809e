import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { OrgKind } from '../../../common/enums.js';
import type { Role } from '../../../common/roles.js';
import type { Db } from '../../core/db.js';
import { roleGrants, users } from '../../modules/accounts/accounts.table.js';
import { orgs } from '../../modules/orgs/orgs.table.js';
import { people } from '../../modules/people/people.table.js';

/** Seed-time helpers that write straight to the tables: used by the demo data, tests and benchmarks. */
export async function seedOrg(
  db: Db,
  v: {
    code: string;
    name: string;
    kind: OrgKind;
    parent?: { id: number; path: string; depth: number } | null;
    employeeCount?: number;
  },
) {
  const [row] = await db
    .insert(orgs)
    .values({
      code: v.code,
      name: v.name,
      kind: v.kind,
      employeeCount: v.employeeCount ?? 0,
      parentId: v.parent?.id ?? null,
      path: '/',
      depth: v.parent ? v.parent.depth + 1 : 0,
    })
    .returning();
  const path = `${v.parent?.path ?? '/'}${row!.id}/`;
  const [done] = await db.update(orgs).set({ path }).where(eq(orgs.id, row!.id)).returning();
  return done!;
}

export async function seedPerson(db: Db, v: typeof people.$inferInsert) {
  const [row] = await db.insert(people).values(v).returning();
  return row!;
}

const hashCache = new Map<string, string>();
/** Creates a login; hashes are cached per password so seeding many users stays fast. */
export async function seedUser(
  db: Db,
  v: {
    username: string;
    password: string;
    personId?: number | null;
    displayName: string;
    grants: { role: Role; orgId: number }[];
  },
) {
  let h = hashCache.get(v.password);
  if (!h) {
    h = await hash(v.password);
    hashCache.set(v.password, h);
  }
  const [u] = await db
    .insert(users)
    .values({
      username: v.username,
      passwordHash: h,
      personId: v.personId ?? null,
      displayName: v.displayName,
    })
    .returning();
  for (const g of v.grants)
    await db.insert(roleGrants).values({ userId: u!.id, role: g.role, orgId: g.orgId });
  return u!;
}

/** A small deterministic pseudo-random generator (mulberry32), so seeds give the same data every time. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建华建国志强海燕晓东春梅金凤立新国庆卫东振华德明文杰宏伟俊峰永刚海涛晓明志明雪梅丽娟建军';
const givenParts = given.match(/../g)!.concat(given.split(''));

/** A realistic Chinese full name. */
export function chineseName(r: ReturnType<typeof rng>): string {
  return r.pick(surnames.split('')) + r.pick(givenParts);
}
