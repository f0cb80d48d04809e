import {
  type AnnualReportQuery,
  type UpwardForm,
  upwardFormLabels,
} from '../../../common/schemas/reports.js';
import { can } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { getOverview, getStatsOrg } from '../stats/stats.service.js';
import { buildUpwardForm } from './forms.js';
import { renderDocx } from './report.docx.js';
import { buildAnnualReport } from './report.model.js';
import { renderPdf } from './report.pdf.js';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Generates the annual report of an org and year as .docx or .pdf, from the same overview the dashboard shows.
 * The org must lie in the actor's stats.read scope (404 otherwise) and the actor needs reports.generate there (403).
 */
export async function generateAnnualReport({
  ctx,
  query,
  progress,
}: {
  ctx: Ctx;
  query: AnnualReportQuery;
  progress?: (done: number, total: number) => Promise<void>;
}) {
  const overview = await getOverview({ ctx, query: { orgId: query.orgId, year: query.year } });
  if (!can(ctx.actor, 'reports.generate', overview.org.path)) throw forbidden();
  await progress?.(1, 3);
  const model = await buildAnnualReport(
    ctx.db,
    overview,
    overview.missing.map((m) => m.label),
  );
  await progress?.(2, 3);
  const buffer = query.format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  await progress?.(3, 3);
  return {
    buffer,
    name: `${model.title}.${query.format}`,
    mime: query.format === 'pdf' ? 'application/pdf' : DOCX,
    orgId: overview.org.id,
  };
}

/**
 * Builds an upward form (provincial studio form, 五小 summary) for an org and year as .xlsx. Same checks as the
 * annual report: 404 outside the stats.read scope, 403 without reports.generate there.
 */
export async function generateUpwardForm({
  ctx,
  form,
  orgId,
  year,
}: {
  ctx: Ctx;
  form: UpwardForm;
  orgId: number;
  year: number;
}) {
  const org = await getStatsOrg(ctx, orgId);
  if (!can(ctx.actor, 'reports.generate', org.path)) throw forbidden();
  const buffer = await buildUpwardForm(ctx.db, form, org, year);
  return { buffer, name: `${upwardFormLabels[form].zh}-${org.name}-${year}.xlsx`, orgId: org.id };
}
