import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Image, Popconfirm, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  allowedFileTypes,
  type FileInfo,
  type FilePurpose,
  filePurposeLabels,
  filePurposes,
} from '../../../../../common/schemas/files';
import { api } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { fileKeys, useFiles } from '../api';
import { useTexts } from '../texts';

const accept = [...Object.keys(allowedFileTypes), ...Object.values(allowedFileTypes)].join(',');

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 附件 of any owner (studio, application, result…): photos as a previewable gallery, other files as a table
 * with download; upload for those allowed. The server checks the type from the content and the access.
 */
export function Attachments({
  ownerType,
  ownerId,
  canUpload,
  defaultPurpose = 'photo',
}: {
  ownerType: string;
  ownerId: number;
  canUpload: boolean;
  /** The purpose preselected for uploads (evidence for an assessment). */
  defaultPurpose?: FilePurpose;
}) {
  const { t, l, lang } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [purpose, setPurpose] = useState<FilePurpose>(defaultPurpose);
  const [uploading, setUploading] = useState(0);
  const { data = [], isFetching } = useFiles(ownerType, ownerId);
  const photos = data.filter((f) => f.purpose === 'photo' && f.mime.startsWith('image/'));
  const others = data.filter((f) => !photos.includes(f));
  const reload = () => qc.invalidateQueries({ queryKey: fileKeys.owner(ownerType, ownerId) });

  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    setUploading((n) => n + 1);
    try {
      await api<FileInfo>('/api/files', { method: 'POST', form, query: { ownerType, ownerId, purpose } });
      message.success(`${tx('uploaded')}：${file.name}`);
      void reload();
    } catch (err) {
      toast(err);
    } finally {
      setUploading((n) => n - 1);
    }
  };
  const remove = async (f: FileInfo) => {
    try {
      await api(`/api/files/${f.id}`, { method: 'DELETE' });
      void reload();
    } catch (err) {
      toast(err);
    }
  };

  return (
    <Flex vertical gap={16}>
      {canUpload && (
        <Card size="small">
          <Flex gap={8} align="center" wrap>
            <Select<FilePurpose>
              value={purpose}
              onChange={setPurpose}
              options={optionsOf(filePurposes, filePurposeLabels, lang)}
              style={{ width: 130 }}
              aria-label={tx('purpose')}
            />
            <Upload
              multiple
              accept={accept}
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={uploading > 0}>
                {tx('upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{tx('uploadHint', { mb: 20 })}</Typography.Text>
          </Flex>
        </Card>
      )}
      <Card size="small" title={tx('photos')} loading={isFetching && data.length === 0}>
        {photos.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noFiles')} />
        ) : (
          <Image.PreviewGroup>
            <Flex gap={12} wrap>
              {photos.map((p) => (
                <Flex key={p.id} vertical gap={4} style={{ width: 160 }}>
                  <Image
                    src={p.url}
                    alt={p.originalName}
                    width={160}
                    height={120}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                  />
                  <Flex justify="space-between" align="center">
                    <Typography.Text ellipsis style={{ maxWidth: 120 }} title={p.originalName}>
                      {p.originalName}
                    </Typography.Text>
                    {p.abilities.delete && (
                      <Popconfirm
                        title={tx('confirmDeleteFile', { name: p.originalName })}
                        onConfirm={() => remove(p)}
                      >
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={tx('delete')}
                        />
                      </Popconfirm>
                    )}
                  </Flex>
                </Flex>
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
      </Card>
      <Card size="small" title={tx('documents')}>
        <Table<FileInfo>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={others}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noFiles')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: tx('fileName'),
              dataIndex: 'originalName',
              render: (n: string, f) => <a href={`${f.url}?download=1`}>{n}</a>,
            },
            {
              title: tx('purpose'),
              dataIndex: 'purpose',
              render: (p: FilePurpose) => l(filePurposeLabels[p]),
            },
            { title: tx('size'), dataIndex: 'size', align: 'right', render: formatSize },
            { title: tx('uploadedBy'), dataIndex: 'uploadedByName', render: (v) => v ?? '—' },
            { title: tx('uploadedAt'), dataIndex: 'createdAt', render: formatDateTime },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, f) => (
                <Flex gap={4}>
                  <Button type="link" size="small" icon={<DownloadOutlined />} href={`${f.url}?download=1`}>
                    {tx('download')}
                  </Button>
                  {f.abilities.delete && (
                    <Popconfirm
                      title={tx('confirmDeleteFile', { name: f.originalName })}
                      onConfirm={() => remove(f)}
                    >
                      <Button type="link" size="small" danger>
                        {tx('delete')}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
