import { z } from 'zod';

/** How a figure is counted: 个 / 项 / 人 / 次 / hours / money in fen / a rate per 1,000 employees. */
export const statUnits = ['count', 'items', 'people', 'times', 'hours', 'fen', 'perThousand'] as const;
export type StatUnit = (typeof statUnits)[number];

/** A headline number with the list behind it (`link` is a page URL with the same filters; null when there is none). */
export const statFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.enum(statUnits),
  link: z.string().nullable(),
});
export type StatFigure = z.infer<typeof statFigure>;

/** One row of a breakdown: a value per series, each with its drill-down link. */
export const statRow = z.object({
  key: z.string(),
  label: z.string(),
  values: z.array(z.number()),
  links: z.array(z.string().nullable()),
});
export type StatRow = z.infer<typeof statRow>;

/** A breakdown shown as a chart and, on demand, as the same data in a table. */
export const statTable = z.object({
  key: z.string(),
  title: z.string(),
  unit: z.enum(statUnits),
  chart: z.enum(['bar', 'pie', 'line']),
  /** The series; a series may carry its own unit when the table mixes them (comparisons). */
  series: z.array(z.object({ key: z.string(), label: z.string(), unit: z.enum(statUnits).optional() })),
  rows: z.array(statRow),
});
export type StatTable = z.infer<typeof statTable>;

/** A data source (another module's tables) that is not installed yet: its figures are absent, never zero. */
export const statMissing = z.object({ source: z.string(), label: z.string() });

export const statsOrg = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  path: z.string(),
});

export const atRiskStudio = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  hostOrgName: z.string(),
  lastSignalOn: z.string().nullable(),
});
export type AtRiskStudio = z.infer<typeof atRiskStudio>;

export const orgRef = z.object({ id: z.number().int(), name: z.string(), kind: z.string() });

/**
 * The overview's lists (named studios, at-risk studios, coverage gaps) carry at most this many items: a nation has
 * a hundred thousand studios and forty thousand workshops; the totals come with them, the whole lists are on the
 * list pages the dashboard links to.
 */
export const overviewListCap = 100;

export const statsOverview = z.object({
  org: statsOrg,
  year: z.number().int(),
  asOf: z.string(),
  figures: z.array(statFigure),
  tables: z.array(statTable),
  /** Named studios (for the report's list of names; at most `overviewListCap`, the count is a figure). */
  namedStudios: z.array(z.object({ id: z.number().int(), name: z.string(), level: z.string().nullable() })),
  cultivatingStudios: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Studios at risk, longest without a record first (at most `overviewListCap`). */
  atRisk: z.array(atRiskStudio).nullable(),
  atRiskTotal: z.number().int(),
  /** Enterprises and workshops without a studio in their subtree (coverage gaps; at most `overviewListCap` each). */
  gaps: z.object({
    enterprises: z.array(orgRef),
    workshops: z.array(orgRef),
    enterprisesTotal: z.number().int(),
    workshopsTotal: z.number().int(),
  }),
  missing: z.array(statMissing),
});
export type StatsOverview = z.infer<typeof statsOverview>;

const yearParam = z.coerce.number().int().min(1990).max(2100);

export const statsOverviewQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  year: yearParam.optional(),
});
export type StatsOverviewQuery = z.infer<typeof statsOverviewQuery>;

/** A period of whole years chosen by the user (at most 10). */
export const statsPeriodQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  from: yearParam,
  to: yearParam,
});
export type StatsPeriodQuery = z.infer<typeof statsPeriodQuery>;

export const statsComparison = z.object({
  org: statsOrg,
  from: z.number().int(),
  to: z.number().int(),
  /** One series per metric; rows are the years (trend) or the enterprises (compare). */
  table: statTable,
  /** Metrics whose source is missing: left out of the table. */
  missing: z.array(statMissing),
});
export type StatsComparison = z.infer<typeof statsComparison>;
