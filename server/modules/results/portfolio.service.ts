import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Portfolio } from '../../../common/schemas/portfolio.js';
import type { PatentStatus, PatentType, ResultGrade, ResultKind } from '../../../common/schemas/results.js';
import type { ResultStatus } from '../../../common/workflows/result.js';
import type { Ctx } from '../../core/context.js';
import { attributedFen } from '../benefits/benefit.calc.js';
import { actorViewOf, seesInScope } from '../innovation/innovation.scope.js';
import { orgs } from '../orgs/orgs.table.js';
import { getPersonRow } from '../people/people.service.js';
import { studios } from '../studios/studios.table.js';
import { verifiedBenefitOf } from './results.repository.js';
import { resultContributors, results } from './results.table.js';

/**
 * A person's innovation portfolio: the results they contributed to with their share, patents, awards,
 * and the finance-verified benefit attributed to them by share. Scoped like people (people.not_found
 * outside the caller's reach); confidential results the caller may not see are left out.
 */
export async function getPortfolio({ ctx, personId }: { ctx: Ctx; personId: number }): Promise<Portfolio> {
  const person = await getPersonRow({ ctx, id: personId });
  const view = await actorViewOf(ctx);
  const rows = await ctx.db
    .select({
      result: results,
      share: resultContributors.share,
      role: resultContributors.role,
      studioName: studios.name,
      orgPath: orgs.path,
      verified: verifiedBenefitOf(results.id),
    })
    .from(resultContributors)
    .innerJoin(results, eq(results.id, resultContributors.resultId))
    .innerJoin(studios, eq(studios.id, results.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(and(eq(resultContributors.personId, personId), isNull(results.archivedAt)))
    .orderBy(asc(results.year), asc(results.id));
  const own = ctx.actor.personId === personId;
  const items = rows
    .filter(
      (r) =>
        own ||
        seesInScope(view, {
          studioId: r.result.studioId,
          orgPath: r.orgPath,
          confidential: r.result.confidential,
        }),
    )
    .map((r) => {
      const x = r.result;
      return {
        id: x.id,
        archiveNo: x.archiveNo,
        kind: x.kind as ResultKind,
        title: x.title,
        status: x.status as ResultStatus,
        studioName: r.studioName,
        share: r.share,
        role: r.role as 'main' | 'participant',
        grade: x.grade as ResultGrade | null,
        award: x.award,
        recognisedOn: x.recognisedOn,
        patent:
          x.patentType && x.patentApplicationNo && x.patentFiledOn
            ? {
                type: x.patentType as PatentType,
                applicationNo: x.patentApplicationNo,
                filedOn: x.patentFiledOn,
                grantedOn: x.patentGrantedOn,
                status: x.patentStatus as PatentStatus,
              }
            : null,
        resultVerifiedBenefitFen: r.verified,
        verifiedBenefitFen: attributedFen(r.verified, r.share),
      };
    });
  const patents = items.filter((i) => i.patent);
  return {
    personId,
    name: person.name,
    results: items,
    totals: {
      results: items.length,
      recognised: items.filter((i) => i.status === 'recognised').length,
      patents: patents.length,
      inventionPatents: patents.filter((i) => i.patent!.type === 'invention').length,
      utilityModelPatents: patents.filter((i) => i.patent!.type === 'utilityModel').length,
      designPatents: patents.filter((i) => i.patent!.type === 'design').length,
      awards: items.filter((i) => i.award || i.grade).length,
      verifiedBenefitFen: items.reduce((a, i) => a + i.verifiedBenefitFen, 0),
    },
  };
}
