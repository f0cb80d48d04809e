import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { namingLevelLabels } from '../../../../../common/enums';
import { resultKindLabels } from '../../../../../common/schemas/results';
import type { Page } from '../../../../../common/schemas/shared';
import type { ShowcaseResultSettings, ShowcaseStudioSettings } from '../../../../../common/schemas/showcase';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { useTexts } from '../texts';

const plaqueUrl = (id: number) => `/api/showcase/plaques/${id}`;

/** 展示与牌匾: publish studios and results on the public showcase, edit stories, print QR plaques. */
export default function ShowcaseManagePage() {
  const tx = useTexts();
  const { lang } = useI18n();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [story, setStory] = useState<ShowcaseStudioSettings | null>(null);
  const [storyText, setStoryText] = useState('');
  const studios = useQuery({
    queryKey: ['showcase', 'settings', 'studios', q],
    queryFn: () =>
      api<Page<ShowcaseStudioSettings>>('/api/showcase/studios', { query: { q, pageSize: 200 } }),
  });
  const results = useQuery({
    queryKey: ['showcase', 'settings', 'results', q],
    queryFn: () =>
      api<Page<ShowcaseResultSettings>>('/api/showcase/results', { query: { q, pageSize: 200 } }),
  });
  const saveStudio = useMutation({
    mutationFn: (v: { s: ShowcaseStudioSettings; published: boolean; story?: string | null }) =>
      api<ShowcaseStudioSettings>(`/api/showcase/studios/${v.s.studioId}`, {
        method: 'PUT',
        body: { published: v.published, story: v.story, version: v.s.version },
      }),
    onSuccess: () => {
      message.success(tx('saved'));
      setStory(null);
      qc.invalidateQueries({ queryKey: ['showcase', 'settings'] });
    },
    onError: toast,
  });
  const saveResult = useMutation({
    mutationFn: (v: { r: ShowcaseResultSettings; published: boolean }) =>
      api<ShowcaseResultSettings>(`/api/showcase/results/${v.r.resultId}`, {
        method: 'PUT',
        body: { published: v.published, version: v.r.version },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['showcase', 'settings'] }),
    onError: toast,
  });
  const printable = (s: ShowcaseStudioSettings) => s.published && s.level !== null;

  return (
    <>
      <PageHeader
        title={tx('manageTitle')}
        sub={tx('manageIntro')}
        extra={
          <Button
            icon={<PrinterOutlined />}
            disabled={!selected.length}
            href={selected.length ? `/api/showcase/plaques?ids=${selected.join(',')}` : undefined}
            target="_blank"
          >
            {tx('plaqueSheet', { n: selected.length })}
          </Button>
        }
      />
      <Input.Search
        aria-label={tx('keyword')}
        placeholder={tx('keyword')}
        allowClear
        onSearch={setQ}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <Tabs
        // a hidden tab's switches must not stay focusable behind aria-hidden
        destroyOnHidden
        items={[
          {
            key: 'studios',
            label: tx('studiosTab'),
            children: (
              <Table<ShowcaseStudioSettings>
                rowKey="studioId"
                loading={studios.isLoading}
                dataSource={studios.data?.items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 760 }}
                rowSelection={{
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (s) => ({
                    disabled: !printable(s),
                    'aria-label': tx('selectStudio', { name: s.studioName }),
                  }),
                }}
                columns={[
                  { title: tx('name'), dataIndex: 'studioName' },
                  {
                    title: tx('level'),
                    dataIndex: 'level',
                    render: (v: ShowcaseStudioSettings['level']) => labelOf(namingLevelLabels, v, lang),
                  },
                  { title: tx('plaqueNo'), dataIndex: 'plaqueNo', render: (v: string | null) => v ?? '—' },
                  {
                    title: tx('published'),
                    dataIndex: 'published',
                    render: (v: boolean, s) => (
                      <Switch
                        checked={v}
                        aria-label={`${tx('published')} ${s.studioName}`}
                        loading={saveStudio.isPending && saveStudio.variables?.s.studioId === s.studioId}
                        onChange={(published) => saveStudio.mutate({ s, published })}
                      />
                    ),
                  },
                  {
                    title: tx('actions'),
                    key: 'actions',
                    render: (_: unknown, s) => (
                      <Space wrap size={4}>
                        <Button
                          size="small"
                          onClick={() => {
                            setStory(s);
                            setStoryText(s.story ?? '');
                          }}
                        >
                          {tx('editStory')}
                        </Button>
                        {printable(s) && (
                          <Button size="small" href={plaqueUrl(s.studioId)} target="_blank">
                            {tx('plaque')}
                          </Button>
                        )}
                        {s.published && (
                          <Button
                            size="small"
                            type="link"
                            href={`/showcase/studios/${s.studioId}`}
                            target="_blank"
                          >
                            {tx('viewPage')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'results',
            label: tx('resultsTab'),
            children: (
              <Table<ShowcaseResultSettings>
                rowKey="resultId"
                loading={results.isLoading}
                dataSource={results.data?.items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 760 }}
                columns={[
                  { title: tx('title'), dataIndex: 'title' },
                  {
                    title: tx('kind'),
                    dataIndex: 'kind',
                    render: (v: ShowcaseResultSettings['kind']) => labelOf(resultKindLabels, v, lang),
                  },
                  { title: tx('studio'), dataIndex: 'studioName' },
                  {
                    title: tx('published'),
                    dataIndex: 'published',
                    render: (v: boolean, r) =>
                      r.confidential ? (
                        <Tag color="red">{tx('confidential')}</Tag>
                      ) : (
                        <Switch
                          checked={v}
                          aria-label={`${tx('published')} ${r.title}`}
                          onChange={(published) => saveResult.mutate({ r, published })}
                        />
                      ),
                  },
                  {
                    title: tx('status'),
                    dataIndex: 'visible',
                    render: (v: boolean) =>
                      v ? <Tag color="green">{tx('visible')}</Tag> : <Tag>{tx('notVisible')}</Tag>,
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={story !== null}
        title={`${tx('editStory')} · ${story?.studioName ?? ''}`}
        onCancel={() => setStory(null)}
        confirmLoading={saveStudio.isPending}
        onOk={() =>
          story && saveStudio.mutate({ s: story, published: story.published, story: storyText || null })
        }
      >
        <Input.TextArea
          aria-label={tx('story')}
          rows={8}
          maxLength={5000}
          showCount
          value={storyText}
          placeholder={tx('storyPlaceholder')}
          onChange={(e) => setStoryText(e.target.value)}
        />
      </Modal>
    </>
  );
}
