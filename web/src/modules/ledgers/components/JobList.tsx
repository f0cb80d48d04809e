import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, List, Tag, Typography } from 'antd';
import { type Job, jobKindLabels, jobStatusLabels } from '../../../../../common/schemas/jobs';
import { download } from '../../../shared/api/client';
import { LabelledProgress } from '../../../shared/components/LabelledProgress';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useMyJobs } from '../jobs';

const colors = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

/** One job: its progress (rows done of total) while running, then a download link or the reason it failed. */
export function JobItem({ job }: { job: Job }) {
  const { l, lang } = useI18n();
  const percent = job.total ? Math.floor((job.done * 100) / job.total) : job.status === 'done' ? 100 : 0;
  return (
    <List.Item
      actions={
        job.fileUrl
          ? [
              <Button
                key="dl"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => download(job.fileUrl!, job.fileName ?? 'download')}
              >
                {lang === 'en' ? 'Download' : '下载'}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <>
            <Tag color={colors[job.status]}>{l(jobStatusLabels[job.status])}</Tag>
            {job.fileName ?? l(jobKindLabels[job.kind as keyof typeof jobKindLabels], job.kind)}
          </>
        }
        description={
          <>
            <Typography.Text type="secondary">{formatDateTime(job.createdAt)}</Typography.Text>
            {(job.status === 'running' || job.status === 'queued') && (
              <LabelledProgress
                label={job.fileName ?? l(jobKindLabels[job.kind as keyof typeof jobKindLabels], job.kind)}
                percent={percent}
                size="small"
                format={() =>
                  job.total ? `${job.done} / ${job.total}` : lang === 'en' ? 'counting…' : '统计中…'
                }
              />
            )}
            {job.status === 'failed' && <Typography.Text type="danger"> {job.error}</Typography.Text>}
            {job.status === 'done' && typeof job.result?.created === 'number' && (
              <Typography.Text>
                {' '}
                {lang === 'en'
                  ? `created ${job.result.created}, already there ${String(job.result.unchanged)}`
                  : `新增 ${job.result.created} 条，已存在 ${String(job.result.unchanged)} 条`}
              </Typography.Text>
            )}
          </>
        }
      />
    </List.Item>
  );
}

/** The user's recent jobs of a kind: progress shown live, still there after a page reload. */
export function JobList({ kind, title }: { kind?: string; title?: string }) {
  const { lang } = useI18n();
  const { data = [] } = useMyJobs(kind);
  return (
    <Card size="small" title={title ?? (lang === 'en' ? 'My recent jobs' : '我的最近任务')}>
      <List
        size="small"
        dataSource={data}
        rowKey="id"
        // antd greys an empty list's text like a disabled control (1.8:1): the secondary text colour reads
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{lang === 'en' ? 'None yet' : '暂无'}</Typography.Text>
          ),
        }}
        renderItem={(j) => <JobItem job={j} />}
      />
    </Card>
  );
}
