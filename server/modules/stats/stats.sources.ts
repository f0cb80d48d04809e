import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { rowsOf } from './stats.sql.js';

/**
 * The data sources the statistics read, each owned by another module and named by the tables and columns it
 * needs. A source whose tables are not there yet (its module has not landed) is reported as missing and its
 * figures are left out — never shown as zero.
 */
export const statSources = {
  studios: {
    label: { zh: '工作室', en: 'Studios' },
    needs: { studios: ['host_org_id', 'status', 'type', 'current_level'], studio_members: ['left_on'] },
  },
  namings: {
    label: { zh: '命名记录', en: 'Namings' },
    needs: { studio_namings: ['named_on', 'level', 'archived_at'] },
  },
  results: {
    label: { zh: '成果与专利', en: 'Results and patents' },
    needs: { results: ['kind', 'year', 'status', 'patent_type', 'patent_status'] },
  },
  projects: {
    label: { zh: '攻关课题', en: 'Projects' },
    needs: { projects: ['status', 'year', 'approved_on'] },
  },
  benefits: {
    label: { zh: '经济效益', en: 'Benefit' },
    needs: {
      benefits: ['status', 'amount_fen', 'verified_on', 'org_id'],
      benefit_attributions: ['org_id', 'amount_fen'],
    },
  },
  activities: {
    label: { zh: '活动与培训', en: 'Activities and training' },
    needs: { activities: ['kind', 'held_on', 'hours'], activity_participants: ['attended_at', 'role'] },
  },
  mentorships: {
    label: { zh: '师带徒', en: 'Mentoring' },
    needs: { mentorships: ['starts_on', 'status', 'outcome_on'] },
  },
  funds: {
    label: { zh: '经费', en: 'Funds' },
    needs: { fund_allocations: ['year', 'source', 'amount_fen'] },
  },
  ideas: {
    label: { zh: '金点子', en: 'Ideas' },
    needs: { ideas: ['org_id', 'status', 'created_at', 'deadline_at', 'answered_at'] },
  },
} as const satisfies Record<
  string,
  { label: { zh: string; en: string }; needs: Record<string, readonly string[]> }
>;
export type StatSource = keyof typeof statSources;

/** Which sources have all their tables and columns in this database. */
export async function availableSources(db: Db): Promise<Set<StatSource>> {
  const tables = [...new Set(Object.values(statSources).flatMap((s) => Object.keys(s.needs)))];
  const cols = await rowsOf<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT table_name::text, column_name::text FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name IN (${sql.join(
          tables.map((t) => sql`${t}`),
          sql`, `,
        )})`,
  );
  const have = new Set(cols.map((c) => `${c.table_name}.${c.column_name}`));
  const out = new Set<StatSource>();
  for (const [name, s] of Object.entries(statSources) as [StatSource, (typeof statSources)[StatSource]][]) {
    const ok = Object.entries(s.needs).every(([t, cs]) =>
      (cs as readonly string[]).every((c) => have.has(`${t}.${c}`)),
    );
    if (ok) out.add(name);
  }
  return out;
}
