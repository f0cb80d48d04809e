import { DownOutlined, SettingOutlined, UpOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Grid,
  Popover,
  Space,
  Table,
  type TableProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Page } from '../../../../common/schemas/shared';
import type { Query } from '../api/client';
import { useI18n } from '../i18n';

export type Filters = Record<string, unknown>;

export interface ListPageProps<T, F extends Filters> {
  /** Query-cache key prefix (['people']); the filters and page are appended. */
  queryKey: readonly unknown[];
  /** Loads one page; `query` holds the filters plus page and pageSize. */
  fetchPage: (query: Query) => Promise<Page<T>>;
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  /** The filter bar's Form.Items (names are the filter keys). 查询/重置 are added. */
  filters?: ReactNode;
  /** Form values → API query (dates to strings …). Default: the values as they are. */
  toQuery?: (values: F) => Query;
  /** URL query → form values, the inverse of toQuery. Default: the strings as they are. */
  fromQuery?: (query: Record<string, string>) => Partial<F>;
  /** Buttons on the right of the toolbar (新建, 导入, 导出 …). */
  extra?: ReactNode;
  /** Remembered hidden columns are stored under this name; column settings appear when set. */
  settingsKey?: string;
  /** Keys of the columns shown on phones (all when absent). */
  phoneColumns?: string[];
  onRowClick?: (row: T) => void;
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey' | 'pagination' | 'loading'>;
}

const RESERVED = new Set(['page', 'pageSize']);

function readHidden(key?: string): string[] {
  if (!key) return [];
  try {
    return JSON.parse(localStorage.getItem(`jx.cols.${key}`) ?? '[]') as string[];
  } catch {
    return [];
  }
}

/**
 * The list page pattern: a filter bar (查询/重置) above a paginated table with the total, optional column
 * settings and a slot for actions such as 导出 on the right. Filters and page live in the URL, so the
 * back button returns to the same list.
 */
export function ListPage<T, F extends Filters = Filters>(props: ListPageProps<T, F>) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<F>();
  const [hidden, setHidden] = useState<string[]>(() => readHidden(props.settingsKey));
  const phone = Grid.useBreakpoint().md === false;
  const [filtersOpen, setFiltersOpen] = useState(false);

  const urlQuery = useMemo(() => {
    const q: Record<string, string> = {};
    params.forEach((v, k) => {
      q[k] = v;
    });
    return q;
  }, [params]);
  const page = Number(urlQuery.page ?? 1) || 1;
  const pageSize = Number(urlQuery.pageSize ?? 20) || 20;
  const filterQuery = useMemo(() => {
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(urlQuery)) if (!RESERVED.has(k)) q[k] = v;
    return q;
  }, [urlQuery]);
  const initialValues = useMemo(
    () => (props.fromQuery ? props.fromQuery(filterQuery) : (filterQuery as Partial<F>)),
    [props.fromQuery, filterQuery],
  );

  const query: Query = { ...filterQuery, page, pageSize };
  const result = useQuery({
    queryKey: [...props.queryKey, query],
    queryFn: () => props.fetchPage(query),
    placeholderData: keepPreviousData,
  });

  const push = (next: Query) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next))
      if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const onSearch = (values: F) => {
    const q = props.toQuery ? props.toQuery(values) : (values as Query);
    push({ ...q, page: 1, pageSize: pageSize === 20 ? undefined : pageSize });
  };
  const onReset = () => {
    form.resetFields();
    setParams(new URLSearchParams());
  };

  const columnKey = (c: ColumnsType<T>[number], i: number) =>
    String(c.key ?? ('dataIndex' in c ? c.dataIndex : i));
  const shownColumns = props.columns.filter((c, i) => {
    const key = columnKey(c, i);
    return !hidden.includes(key) && (!phone || !props.phoneColumns || props.phoneColumns.includes(key));
  });
  const toggleColumn = (key: string, show: boolean) => {
    const next = show ? hidden.filter((k) => k !== key) : [...hidden, key];
    setHidden(next);
    if (props.settingsKey) localStorage.setItem(`jx.cols.${props.settingsKey}`, JSON.stringify(next));
  };

  const settings = props.settingsKey && (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('common.columns')}
      content={
        <Flex vertical gap={4}>
          {props.columns.map((c, i) => {
            const key = columnKey(c, i);
            return (
              <Checkbox
                key={key}
                checked={!hidden.includes(key)}
                onChange={(e) => toggleColumn(key, e.target.checked)}
              >
                {typeof c.title === 'function' ? key : (c.title as ReactNode)}
              </Checkbox>
            );
          })}
        </Flex>
      }
    >
      <Button icon={<SettingOutlined />} aria-label={t('common.columns')} />
    </Popover>
  );

  return (
    <Flex vertical gap={16}>
      {props.filters && (
        <Card size="small">
          <Form<F>
            form={form}
            layout="inline"
            initialValues={initialValues as F}
            onFinish={onSearch}
            key={JSON.stringify(filterQuery)}
            style={{ rowGap: 12 }}
            className={`jx-filters${filtersOpen ? '' : ' jx-collapsed'}`}
          >
            {props.filters}
            <Form.Item className="jx-filter-actions" style={{ marginInlineEnd: 0 }}>
              <Space>
                <Button type="primary" htmlType="submit">
                  {t('common.query')}
                </Button>
                <Button onClick={onReset}>{t('common.reset')}</Button>
                {phone && (
                  <Button
                    type="link"
                    onClick={() => setFiltersOpen(!filtersOpen)}
                    icon={filtersOpen ? <UpOutlined /> : <DownOutlined />}
                  >
                    {t(filtersOpen ? 'common.lessFilters' : 'common.moreFilters')}
                  </Button>
                )}
              </Space>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card size="small">
        {(props.extra || settings) && (
          <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
            {props.extra}
            {settings}
          </Flex>
        )}
        {result.error && (
          <Alert type="error" showIcon title={(result.error as Error).message} style={{ marginBottom: 12 }} />
        )}
        <Table<T>
          size="middle"
          scroll={{ x: 'max-content' }}
          {...props.table}
          rowKey={props.rowKey}
          columns={shownColumns}
          dataSource={result.data?.items ?? []}
          loading={result.isFetching}
          onRow={
            props.onRowClick
              ? (row) => ({ onClick: () => props.onRowClick?.(row), style: { cursor: 'pointer' } })
              : undefined
          }
          pagination={{
            current: page,
            pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.totalItems', { n }),
            onChange: (p, s) =>
              push({ ...filterQuery, page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
          }}
        />
      </Card>
    </Flex>
  );
}
