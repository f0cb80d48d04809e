import { CameraOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { type IdeaCategory, ideaCategories, ideaCategoryLabels } from '../../../../../common/schemas/ideas';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { useSimilarIdeas } from '../api';
import { useTexts } from '../texts';
import { SimilarIdeas } from './SimilarIdeas';

export interface IdeaFormValues {
  title: string;
  content: string;
  category: IdeaCategory;
  orgCode?: string;
}

/** Waits `ms` after the last change before passing a value on (for the similar-ideas lookup). */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/**
 * The one-minute idea form, phone first: title, category chips, content, optional photo; for the public page
 * also the unit. Similar earlier ideas appear while typing. `onSubmit` returns after saving (errors land
 * next to the fields).
 */
export function IdeaForm({
  publicOrgs,
  initialOrgCode,
  onSubmit,
  allowPhoto,
  photoAccept = 'image/*',
  photoHint,
}: {
  /** The public page's unit choices; absent for logged-in employees (their own unit is used). */
  publicOrgs?: { code: string; name: string; parentName: string | null }[];
  initialOrgCode?: string;
  onSubmit: (values: IdeaFormValues, photo: File | null) => Promise<void>;
  allowPhoto: boolean;
  /** The photo picker's file types and the hint under it (the public page takes JPEG/PNG/WebP only). */
  photoAccept?: string;
  photoHint?: string;
}) {
  const { l } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm<IdeaFormValues>();
  const [busy, setBusy] = useState(false);
  const [photo, setPhoto] = useState<UploadFile[]>([]);
  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const orgCode = Form.useWatch('orgCode', form);
  const text = useDebounced(`${title} ${content}`.trim(), 600);
  const similar = useSimilarIdeas(text, {
    publicOrgCode: publicOrgs ? (orgCode ?? null) : undefined,
    enabled: true,
  });

  const finish = async (values: IdeaFormValues) => {
    setBusy(true);
    try {
      await onSubmit(values, (photo[0]?.originFileObj as File | undefined) ?? null);
      form.resetFields();
      setPhoto([]);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<IdeaFormValues>
      form={form}
      layout="vertical"
      onFinish={finish}
      initialValues={{ category: 'efficiency', orgCode: initialOrgCode }}
      requiredMark
    >
      {publicOrgs && (
        <Form.Item name="orgCode" label={tx('org')} rules={[{ required: true, message: tx('orgPh') }]}>
          <Select
            showSearch
            size="large"
            placeholder={tx('orgPh')}
            optionFilterProp="label"
            options={publicOrgs.map((o) => ({
              value: o.code,
              label: o.parentName ? `${o.parentName} / ${o.name}` : o.name,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={tx('title')}
        rules={[{ required: true, min: 2, max: 100, message: tx('titlePh') }]}
      >
        <Input size="large" placeholder={tx('titlePh')} maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label={tx('category')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={ideaCategories.map((c) => ({ value: c, label: l(ideaCategoryLabels[c]) }))}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
        />
      </Form.Item>
      <Form.Item
        name="content"
        label={tx('content')}
        rules={[{ required: true, min: 5, max: 5000, message: tx('contentPh') }]}
      >
        <Input.TextArea rows={5} placeholder={tx('contentPh')} maxLength={5000} showCount />
      </Form.Item>
      {similar.data && similar.data.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <SimilarIdeas items={similar.data} hint={tx('similarHint')} />
        </div>
      )}
      {allowPhoto && (
        <Form.Item label={tx('photo')} extra={photoHint}>
          <Upload
            listType="picture-card"
            accept={photoAccept}
            maxCount={1}
            fileList={photo}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhoto(fileList)}
          >
            {photo.length === 0 && (
              <div>
                <CameraOutlined style={{ fontSize: 22 }} />
                <div style={{ marginTop: 4 }}>{tx('addPhoto')}</div>
              </div>
            )}
          </Upload>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {tx('submit')}
      </Button>
    </Form>
  );
}
