import type { ContributorInput, PatentInput, ResultKind } from '../../../common/schemas/results.js';
import {
  type ResultStatus,
  type ResultWorkflowRole,
  resultActions,
  resultActionsFor,
  resultEditableStatuses,
} from '../../../common/workflows/result.js';
import { type Actor, can } from '../../core/access.js';
import { sharesSumTo100, sharesTotal } from '../benefits/benefit.calc.js';
import { enterprisePrefixOf } from '../innovation/innovation.scope.js';
import { studioAllows } from '../studios/studios.access.js';

/**
 * The workflow roles an actor holds on one result: `studio` (its studio's leader, members, or admins over
 * it), `reviewer` (results.review over the studio), `expert` (assigned to score it), `recogniser`
 * (results.recognise over the studio).
 */
export function resultRolesOf(
  actor: Actor,
  r: { orgPath: string; memberRole: string | null; isReviewer: boolean },
): ResultWorkflowRole[] {
  const roles: ResultWorkflowRole[] = [];
  if (studioAllows(actor, 'contribute', r.orgPath, r.memberRole)) roles.push('studio');
  if (can(actor, 'results.review', r.orgPath)) roles.push('reviewer');
  if (r.isReviewer && can(actor, 'results.score', r.orgPath)) roles.push('expert');
  if (can(actor, 'results.recognise', r.orgPath)) roles.push('recogniser');
  return roles;
}

/** Whether the actor could record an adoption of a result of the studio at `orgPath` (admin of another enterprise). */
export function canAdopt(actor: Actor, orgPath: string): boolean {
  const own = enterprisePrefixOf(orgPath);
  return actor.grants.some((g) => !g.orgPath.startsWith(own) && can(actor, 'adoptions.record', g.orgPath));
}

/** What the caller may do with a result now. A market-only viewer may at most adopt it. */
export function resultAbilities(
  status: ResultStatus,
  roles: readonly ResultWorkflowRole[],
  o: { archived: boolean; marketVisible: boolean; adopter: boolean },
): Record<string, boolean> {
  const allowed = o.archived ? [] : resultActionsFor(status, roles);
  const out: Record<string, boolean> = {};
  for (const a of resultActions) out[a] = allowed.includes(a);
  const studio = roles.includes('studio');
  out.update = !o.archived && studio && resultEditableStatuses.includes(status);
  out.archive =
    !o.archived && ((studio && resultEditableStatuses.includes(status)) || roles.includes('reviewer'));
  out.restore = o.archived && (studio || roles.includes('reviewer'));
  out.addBenefit = !o.archived && studio;
  out.adopt = !o.archived && o.marketVisible && o.adopter;
  return out;
}

/** Contributors: existing people, each once, shares summing to exactly 100%. Returns Chinese field messages. */
export function checkContributors(
  list: readonly ContributorInput[],
  known: ReadonlySet<number>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Set<number>();
  list.forEach((c, i) => {
    if (!known.has(c.personId)) fields[`contributors.${i}.personId`] = '人员不存在或已离职';
    else if (seen.has(c.personId)) fields[`contributors.${i}.personId`] = '完成人重复';
    seen.add(c.personId);
  });
  if (list.length && !sharesSumTo100(list.map((c) => c.share)))
    fields.contributors = `完成人贡献份额合计须为 100%，当前为 ${sharesTotal(list.map((c) => c.share))}%`;
  return fields;
}

/** Patent block: required for 专利 results; a granted patent needs its grant date, not before filing. */
export function checkPatent(
  kind: ResultKind,
  patent: PatentInput | null | undefined,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (kind === 'patent' && !patent) fields.patent = '专利类成果须填写专利信息';
  if (!patent) return fields;
  if (patent.status === 'granted' && !patent.grantedOn)
    fields['patent.grantedOn'] = '已授权的专利须填写授权日期';
  if (patent.grantedOn && patent.grantedOn < patent.filedOn)
    fields['patent.grantedOn'] = '授权日期不能早于申请日期';
  if (patent.status === 'filing' && patent.grantedOn)
    fields['patent.status'] = '已填写授权日期，状态不能为“申请中”';
  return fields;
}

/** Normalised application number: upper case, no spaces, no ZL/CN prefix (one patent, one spelling). */
export function normalisePatentNo(no: string): string {
  return no
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^(ZL|CN)/, '');
}
