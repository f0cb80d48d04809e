import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { SearchResult } from '../../../../../common/schemas/search';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useI18n } from '../../../shared/i18n';

/** Search results grouped by type, each hit opening its detail page. */
export default function SearchPage() {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const type = params.get('type') ?? undefined;
  const { data, error, isFetching } = useQuery({
    queryKey: ['search', q, type, lang],
    queryFn: () => api<SearchResult>('/api/search', { query: { q, type, limit: type ? 50 : 8 } }),
    enabled: q.length > 0,
  });
  return (
    <>
      <PageHeader
        title={zh ? '搜索' : 'Search'}
        sub={
          data
            ? `“${q}”${data.words.length > 1 ? ` · ${zh ? '分词' : 'words'}：${data.words.join(' / ')}` : ''}`
            : undefined
        }
      />
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {!q && (
        <Empty description={zh ? '请在页面顶部输入要搜索的内容' : 'Type in the search box at the top'} />
      )}
      {data && data.groups.length === 0 && <Empty description={zh ? '没有找到相关内容' : 'Nothing found'} />}
      <Flex vertical gap={16}>
        {data?.groups.map((g) => (
          <Card
            key={g.type}
            size="small"
            loading={isFetching && !data}
            title={
              <>
                {g.label} <Tag>{`${g.total}${g.capped ? '+' : ''}`}</Tag>
              </>
            }
            extra={
              g.total > g.items.length && !type ? (
                <Link to={`/search?q=${encodeURIComponent(q)}&type=${g.type}`}>
                  {zh
                    ? `查看全部 ${g.total}${g.capped ? '+' : ''} 条`
                    : `All ${g.total}${g.capped ? '+' : ''}`}
                </Link>
              ) : null
            }
          >
            <List
              size="small"
              dataSource={g.items}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={i.link}>{i.title}</Link>}
                    description={
                      i.subtitle && <Typography.Text type="secondary">{i.subtitle}</Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Flex>
    </>
  );
}
