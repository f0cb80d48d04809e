import { useParams } from 'react-router';
import {
  activityKindLabels,
  honourKindLabels,
  honourLevelLabels,
  memberRoleLabels,
  namingLevelLabels,
  studioTypeLabels,
} from '../../../../../common/enums';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { photoUrl, useDocumentMeta, usePublicStudio } from '../api';
import { ResultCard } from '../components/Cards';
import { Nothing, PageState } from '../components/PageState';
import { useTexts } from '../texts';

/** A published studio's public page: leader and story, team, photos, namings and plaques, results, activities. */
export default function ShowcaseStudioPage() {
  const tx = useTexts();
  const { lang } = useI18n();
  const id = Number(useParams().id);
  const q = usePublicStudio(id);
  const s = q.data;
  useDocumentMeta(
    s ? `${s.name} · ${tx('siteName')}` : tx('siteName'),
    s ? (s.story ?? s.intro ?? s.slogan ?? tx('siteDescription')).slice(0, 150) : undefined,
  );
  return (
    <PageState loading={q.isLoading} error={q.error}>
      {() => {
        const d = q.data!;
        return (
          <article>
            <section className="sc-hero">
              <h1>{d.name}</h1>
              <div className="sc-tags">
                {d.level && <span className="sc-tag gold">{labelOf(namingLevelLabels, d.level, lang)}</span>}
                <span className="sc-tag">{labelOf(studioTypeLabels, d.type, lang)}</span>
                {d.field && <span className="sc-tag">{d.field}</span>}
              </div>
              {d.slogan && <p>“{d.slogan}”</p>}
              <p className="sc-meta">
                {d.hostOrgName}
                {d.enterpriseName && d.enterpriseName !== d.hostOrgName ? ` · ${d.enterpriseName}` : ''}
                {d.foundedOn ? ` · ${tx('foundedOn', { date: d.foundedOn })}` : ''}
              </p>
            </section>
            {d.leader && (
              <section className="sc-section" aria-labelledby="sc-leader">
                <h2 id="sc-leader">
                  {tx('leader')}：{d.leader.name}
                </h2>
                {d.leader.honours.length > 0 && (
                  <div className="sc-tags">
                    {d.leader.honours.map((h) => (
                      <span key={`${h.kind}-${h.year}`} className="sc-tag gold">
                        {h.year} {labelOf(honourLevelLabels, h.level, lang)}
                        {labelOf(honourKindLabels, h.kind, lang)}
                      </span>
                    ))}
                  </div>
                )}
              </section>
            )}
            {(d.story || d.intro) && (
              <section className="sc-section sc-panel" aria-labelledby="sc-story">
                <h2 id="sc-story" style={{ fontSize: 18, marginTop: 0 }}>
                  {tx('story')}
                </h2>
                {d.story && <p>{d.story}</p>}
                {d.intro && <p>{d.intro}</p>}
              </section>
            )}
            {d.photoIds.length > 0 && (
              <section className="sc-section" aria-labelledby="sc-photos">
                <h2 id="sc-photos">{tx('photos')}</h2>
                <div className="sc-photos">
                  {d.photoIds.map((p, i) => (
                    <img
                      key={p}
                      src={photoUrl(p)}
                      alt={tx('photoOf', { name: d.name, n: i + 1 })}
                      loading="lazy"
                    />
                  ))}
                </div>
              </section>
            )}
            <section className="sc-section" aria-labelledby="sc-namings">
              <h2 id="sc-namings">{tx('namings')}</h2>
              {d.namings.length ? (
                <div className="sc-table-wrap">
                  <table className="sc-table">
                    <thead>
                      <tr>
                        <th scope="col">{tx('level')}</th>
                        <th scope="col">{tx('namingBody')}</th>
                        <th scope="col">{tx('namedOn')}</th>
                        <th scope="col">{tx('plaqueNo')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.namings.map((n) => (
                        <tr key={`${n.level}-${n.namedOn}`}>
                          <td>{labelOf(namingLevelLabels, n.level, lang)}</td>
                          <td>{n.namingBody}</td>
                          <td>{n.namedOn}</td>
                          <td>{n.plaqueNo ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <Nothing />
              )}
            </section>
            <section className="sc-section" aria-labelledby="sc-team">
              <h2 id="sc-team">{tx('team')}</h2>
              <div className="sc-tags">
                {d.team.map((m, i) => (
                  // names may repeat: the position keeps the key unique
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list
                  <span key={i} className="sc-tag">
                    {m.name} · {labelOf(memberRoleLabels, m.role, lang)}
                  </span>
                ))}
              </div>
            </section>
            <section className="sc-section" aria-labelledby="sc-results">
              <h2 id="sc-results">{tx('results')}</h2>
              {d.results.length ? (
                <div className="sc-grid">
                  {d.results.map((r) => (
                    <ResultCard key={r.id} r={r} />
                  ))}
                </div>
              ) : (
                <Nothing />
              )}
            </section>
            {d.activities.length > 0 && (
              <section className="sc-section" aria-labelledby="sc-activities">
                <h2 id="sc-activities">{tx('activities')}</h2>
                <ul className="sc-list sc-panel">
                  {d.activities.map((a) => (
                    <li key={a.id}>
                      <span className="sc-tag">{labelOf(activityKindLabels, a.kind, lang)}</span> {a.title}{' '}
                      <span className="sc-meta">{a.heldOn}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </article>
        );
      }}
    </PageState>
  );
}
