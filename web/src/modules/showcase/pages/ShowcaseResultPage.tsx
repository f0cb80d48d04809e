import { Link, useParams } from 'react-router';
import { resultGradeLabels, resultKindLabels } from '../../../../../common/enums';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { photoUrl, useDocumentMeta, usePublicResult } from '../api';
import { PageState } from '../components/PageState';
import { useTexts } from '../texts';

/** One public result: what problem it solved, what is new, who made it, in which studio. */
export default function ShowcaseResultPage() {
  const tx = useTexts();
  const { lang } = useI18n();
  const id = Number(useParams().id);
  const q = usePublicResult(id);
  const r = q.data;
  useDocumentMeta(r ? `${r.title} · ${tx('siteName')}` : tx('siteName'), r?.problem.slice(0, 150));
  return (
    <PageState loading={q.isLoading} error={q.error}>
      {() => {
        const d = q.data!;
        const grade = d.grade
          ? labelOf(resultGradeLabels, d.grade as keyof typeof resultGradeLabels, lang)
          : null;
        return (
          <article>
            <section className="sc-hero">
              <h1>{d.title}</h1>
              <div className="sc-tags">
                <span className="sc-tag">{labelOf(resultKindLabels, d.kind, lang)}</span>
                {d.field && <span className="sc-tag">{d.field}</span>}
                {grade && <span className="sc-tag gold">{grade}</span>}
              </div>
              <p className="sc-meta">
                {tx('studio')}：<Link to={`/showcase/studios/${d.studioId}`}>{d.studioName}</Link>
                {d.enterpriseName ? ` · ${d.enterpriseName}` : ''}
              </p>
            </section>
            <section className="sc-panel">
              <dl className="sc-meta" style={{ margin: 0 }}>
                {d.recognisedOn && (
                  <>
                    <dt>{tx('recognisedOn')}</dt>
                    <dd>{d.recognisedOn}</dd>
                  </>
                )}
                {d.implementedOn && (
                  <>
                    <dt>{tx('implementedOn')}</dt>
                    <dd>{d.implementedOn}</dd>
                  </>
                )}
                {d.award && (
                  <>
                    <dt>{tx('award')}</dt>
                    <dd>{d.award}</dd>
                  </>
                )}
                {d.contributors.length > 0 && (
                  <>
                    <dt>{tx('contributors')}</dt>
                    <dd>{d.contributors.join('、')}</dd>
                  </>
                )}
              </dl>
            </section>
            <section className="sc-section sc-panel" aria-labelledby="sc-problem">
              <h2 id="sc-problem" style={{ fontSize: 18, marginTop: 0 }}>
                {tx('problem')}
              </h2>
              <p>{d.problem}</p>
              {d.innovationPoints && (
                <>
                  <h2 style={{ fontSize: 18 }}>{tx('innovationPoints')}</h2>
                  <p>{d.innovationPoints}</p>
                </>
              )}
            </section>
            {d.photoIds.length > 0 && (
              <section className="sc-section sc-photos" aria-label={tx('photos')}>
                {d.photoIds.map((p, i) => (
                  <img
                    key={p}
                    src={photoUrl(p)}
                    alt={tx('photoOf', { name: d.title, n: i + 1 })}
                    loading="lazy"
                  />
                ))}
              </section>
            )}
          </article>
        );
      }}
    </PageState>
  );
}
