import { Link } from 'react-router';
import { namingLevelLabels, resultKindLabels, studioTypeLabels } from '../../../../../common/enums';
import type { PublicResultCard, PublicStudioCard } from '../../../../../common/schemas/showcase';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { photoUrl } from '../api';
import { useTexts } from '../texts';

/** A studio tile: photo (or its initial), name, level and type, leader, enterprise. */
export function StudioCard({ s }: { s: PublicStudioCard }) {
  const { lang } = useI18n();
  const tx = useTexts();
  return (
    <Link to={`/showcase/studios/${s.id}`} className="sc-card">
      {s.photoId ? (
        <img src={photoUrl(s.photoId)} alt="" loading="lazy" />
      ) : (
        <div className="sc-ph" aria-hidden="true">
          {s.name.slice(0, 2)}
        </div>
      )}
      <div className="sc-card-body">
        <h3>{s.name}</h3>
        <div className="sc-tags">
          {s.level && <span className="sc-tag gold">{labelOf(namingLevelLabels, s.level, lang)}</span>}
          <span className="sc-tag">{labelOf(studioTypeLabels, s.type, lang)}</span>
        </div>
        <div className="sc-meta">
          {s.leaderName && (
            <div>
              {tx('leader')}：{s.leaderName}
            </div>
          )}
          {s.enterpriseName && <div>{s.enterpriseName}</div>}
          <div>{tx('resultCount', { n: s.resultCount })}</div>
        </div>
      </div>
    </Link>
  );
}

/** A result tile: photo, title, kind, studio and when it was recognised. */
export function ResultCard({ r }: { r: PublicResultCard }) {
  const { lang } = useI18n();
  return (
    <Link to={`/showcase/results/${r.id}`} className="sc-card">
      {r.photoId ? (
        <img src={photoUrl(r.photoId)} alt="" loading="lazy" />
      ) : (
        <div className="sc-ph" aria-hidden="true">
          {labelOf(resultKindLabels, r.kind, lang)}
        </div>
      )}
      <div className="sc-card-body">
        <h3>{r.title}</h3>
        <div className="sc-tags">
          <span className="sc-tag">{labelOf(resultKindLabels, r.kind, lang)}</span>
          {r.field && <span className="sc-tag">{r.field}</span>}
        </div>
        <div className="sc-meta">
          <div>{r.studioName}</div>
          {r.enterpriseName && <div>{r.enterpriseName}</div>}
          {r.recognisedOn && <div>{r.recognisedOn}</div>}
        </div>
      </div>
    </Link>
  );
}
