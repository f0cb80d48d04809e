import { Input, Pagination, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { resultKindLabels, resultKinds } from '../../../../../common/enums';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { useDocumentMeta, usePublicFilters, usePublicResults } from '../api';
import { ResultCard } from '../components/Cards';
import { Nothing, PageState } from '../components/PageState';
import { useTexts } from '../texts';

/** The results gallery with filters by kind, field, enterprise and keyword; the filters live in the URL. */
export default function ShowcaseResultsPage() {
  const tx = useTexts();
  const { lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = {
    kind: (params.get('kind') ?? undefined) as (typeof resultKinds)[number] | undefined,
    field: params.get('field') ?? undefined,
    enterpriseId: params.get('enterpriseId') ? Number(params.get('enterpriseId')) : undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: 24,
  };
  const list = usePublicResults(query);
  const filters = usePublicFilters();
  useDocumentMeta(`${tx('navResults')} · ${tx('siteName')}`, tx('siteDescription'));
  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  return (
    <>
      <section className="sc-hero">
        <h1>{tx('navResults')}</h1>
      </section>
      <div role="search" className="sc-filters" aria-label={tx('search')}>
        <Input.Search
          aria-label={tx('keyword')}
          placeholder={tx('keyword')}
          defaultValue={query.q}
          allowClear
          onSearch={(v) => set('q', v)}
          enterButton={tx('search')}
        />
        <Select
          aria-label={tx('kind')}
          placeholder={tx('kind')}
          allowClear
          value={query.kind}
          onChange={(v) => set('kind', v)}
          options={optionsOf(resultKinds, resultKindLabels, lang)}
        />
        <Select
          aria-label={tx('field')}
          placeholder={tx('field')}
          allowClear
          value={query.field}
          onChange={(v) => set('field', v)}
          options={(filters.data?.fields ?? []).map((f) => ({ value: f, label: f }))}
        />
        <Select
          aria-label={tx('enterprise')}
          placeholder={tx('enterprise')}
          allowClear
          value={query.enterpriseId}
          onChange={(v) => set('enterpriseId', v)}
          options={(filters.data?.enterprises ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
      </div>
      <PageState loading={list.isLoading} error={list.error}>
        {() =>
          list.data?.items.length ? (
            <>
              <div className="sc-grid">
                {list.data.items.map((r) => (
                  <ResultCard key={r.id} r={r} />
                ))}
              </div>
              <Pagination
                style={{ marginTop: 16, textAlign: 'center' }}
                current={query.page}
                pageSize={query.pageSize}
                total={list.data.total}
                showSizeChanger={false}
                onChange={(p) => set('page', p)}
              />
            </>
          ) : (
            <Nothing />
          )
        }
      </PageState>
    </>
  );
}
