import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Image, List, Popconfirm, Typography, Upload } from 'antd';
import { allowedFileTypes, type FileInfo } from '../../../../../common/schemas/files';
import { api } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFundTexts } from '../texts';

const accept = [...Object.keys(allowedFileTypes), ...Object.values(allowedFileTypes)].join(',');

/** The receipts (票据) of an expense: upload while it is a draft or was rejected; images preview inline. */
export function Receipts({
  expenseId,
  canUpload,
  onChanged,
}: {
  expenseId: number;
  canUpload: boolean;
  onChanged: () => void;
}) {
  const tx = useFundTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const key = ['files', 'fund_expense', expenseId];
  const { data = [] } = useQuery({
    queryKey: key,
    queryFn: () =>
      api<FileInfo[]>('/api/files', {
        query: { ownerType: 'fund_expense', ownerId: expenseId, purpose: 'receipt' },
      }),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    onChanged();
  };
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api('/api/files', {
        method: 'POST',
        form,
        query: { ownerType: 'fund_expense', ownerId: expenseId, purpose: 'receipt' },
      });
      message.success(file.name);
      refresh();
    } catch (err) {
      toast(err);
    }
  };
  const remove = async (f: FileInfo) => {
    try {
      await api(`/api/files/${f.id}`, { method: 'DELETE' });
      refresh();
    } catch (err) {
      toast(err);
    }
  };
  return (
    <Flex vertical gap={12}>
      {canUpload && (
        <Flex gap={8} align="center" wrap>
          <Upload
            accept={accept}
            multiple
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{tx('uploadReceipt')}</Button>
          </Upload>
          <Typography.Text type="secondary">{tx('receiptHint')}</Typography.Text>
        </Flex>
      )}
      {data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('receiptHint')} />
      ) : (
        <List
          size="small"
          dataSource={data}
          renderItem={(f) => (
            <List.Item
              actions={
                f.abilities.delete
                  ? [
                      <Popconfirm key="d" title={f.originalName} onConfirm={() => remove(f)}>
                        <Button type="text" danger size="small" icon={<DeleteOutlined />} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Flex gap={12} align="center">
                {f.mime.startsWith('image/') ? (
                  <Image src={f.url} width={48} height={48} style={{ objectFit: 'cover' }} />
                ) : (
                  <FileOutlined style={{ fontSize: 28 }} />
                )}
                <Flex vertical>
                  <a href={`${f.url}?download=1`}>{f.originalName}</a>
                  <Typography.Text type="secondary">{formatDateTime(f.createdAt)}</Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
