import { Link } from 'react-router';
import { namingLevelLabels } from '../../../../../common/enums';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { useDocumentMeta, usePublicNamings, usePublicNotices } from '../api';
import { Nothing, PageState } from '../components/PageState';
import { useTexts } from '../texts';

/** 公示 notices in their window, and the naming list of published studios. */
export default function ShowcaseNamingsPage() {
  const tx = useTexts();
  const { lang } = useI18n();
  const namings = usePublicNamings();
  const notices = usePublicNotices();
  useDocumentMeta(`${tx('navNamings')} · ${tx('siteName')}`, tx('siteDescription'));
  return (
    <>
      <section className="sc-hero">
        <h1>{tx('navNamings')}</h1>
      </section>
      <section className="sc-section" aria-labelledby="sc-notices">
        <h2 id="sc-notices">{tx('notices')}</h2>
        <PageState loading={notices.isLoading} error={notices.error}>
          {() =>
            notices.data?.length ? (
              <ul className="sc-list sc-panel">
                {notices.data.map((n) => (
                  <li key={`${n.studioName}-${n.level}-${n.publicityStart}`}>
                    <strong>
                      {n.studioId ? (
                        <Link to={`/showcase/studios/${n.studioId}`}>{n.studioName}</Link>
                      ) : (
                        n.studioName
                      )}
                    </strong>
                    {n.enterpriseName ? `（${n.enterpriseName}）` : ''}
                    {tx('noticeLine', {
                      level: labelOf(namingLevelLabels, n.level, lang),
                      start: n.publicityStart,
                      end: n.publicityEnd,
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="sc-panel">{tx('noNotices')}</p>
            )
          }
        </PageState>
      </section>
      <section className="sc-section" aria-labelledby="sc-namings">
        <h2 id="sc-namings">{tx('namingList')}</h2>
        <PageState loading={namings.isLoading} error={namings.error}>
          {() =>
            namings.data?.length ? (
              <div className="sc-table-wrap">
                <table className="sc-table">
                  <thead>
                    <tr>
                      <th scope="col">{tx('name')}</th>
                      <th scope="col">{tx('level')}</th>
                      <th scope="col">{tx('enterprise')}</th>
                      <th scope="col">{tx('namedOn')}</th>
                      <th scope="col">{tx('plaqueNo')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {namings.data.map((n) => (
                      <tr key={`${n.studioId}-${n.level}-${n.namedOn}`}>
                        <td>
                          <Link to={`/showcase/studios/${n.studioId}`}>{n.studioName}</Link>
                        </td>
                        <td>{labelOf(namingLevelLabels, n.level, lang)}</td>
                        <td>{n.enterpriseName}</td>
                        <td>{n.namedOn}</td>
                        <td>{n.plaqueNo ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <Nothing />
            )
          }
        </PageState>
      </section>
    </>
  );
}
