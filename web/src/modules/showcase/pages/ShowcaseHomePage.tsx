import { Link } from 'react-router';
import { namingLevelLabels } from '../../../../../common/enums';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { useDocumentMeta, useShowcaseHome } from '../api';
import { ResultCard, StudioCard } from '../components/Cards';
import { Nothing, PageState } from '../components/PageState';
import { useTexts } from '../texts';

/** Showcase home: counts, the published studios, recently recognised public results and current 公示. */
export default function ShowcaseHomePage() {
  const tx = useTexts();
  const { lang } = useI18n();
  const home = useShowcaseHome();
  useDocumentMeta(tx('siteName'), tx('siteDescription'));
  return (
    <PageState loading={home.isLoading} error={home.error}>
      {() => {
        const d = home.data!;
        return (
          <>
            <section className="sc-hero">
              <h1>{tx('heroTitle')}</h1>
              <p>{tx('heroSub')}</p>
              <div className="sc-counts">
                <div className="sc-count">
                  <strong>{d.counts.studios}</strong>
                  <span>{tx('countStudios')}</span>
                </div>
                <div className="sc-count">
                  <strong>{d.counts.results}</strong>
                  <span>{tx('countResults')}</span>
                </div>
                <div className="sc-count">
                  <strong>{d.counts.enterprises}</strong>
                  <span>{tx('countEnterprises')}</span>
                </div>
              </div>
            </section>
            {d.notices.length > 0 && (
              <section className="sc-section" aria-labelledby="sc-notices">
                <h2 id="sc-notices">
                  {tx('notices')} <Link to="/showcase/namings">{tx('navNamings')}</Link>
                </h2>
                <ul className="sc-list sc-panel">
                  {d.notices.map((n) => (
                    <li key={`${n.studioName}-${n.level}-${n.publicityStart}`}>
                      <strong>{n.studioName}</strong>（{n.enterpriseName}）
                      {tx('noticeLine', {
                        level: labelOf(namingLevelLabels, n.level, lang),
                        start: n.publicityStart,
                        end: n.publicityEnd,
                      })}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section className="sc-section" aria-labelledby="sc-results">
              <h2 id="sc-results">
                {tx('recentResults')} <Link to="/showcase/results">{tx('allResults')}</Link>
              </h2>
              {d.recentResults.length ? (
                <div className="sc-grid">
                  {d.recentResults.map((r) => (
                    <ResultCard key={r.id} r={r} />
                  ))}
                </div>
              ) : (
                <Nothing />
              )}
            </section>
            <section className="sc-section" aria-labelledby="sc-studios">
              <h2 id="sc-studios">{tx('studios')}</h2>
              {d.studios.length ? (
                <div className="sc-grid">
                  {d.studios.map((s) => (
                    <StudioCard key={s.id} s={s} />
                  ))}
                </div>
              ) : (
                <Nothing />
              )}
            </section>
          </>
        );
      }}
    </PageState>
  );
}
