import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Skeleton,
  Space,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { studioTypeLabels, studioTypes } from '../../../../../common/enums';
import type { Studio, StudioCreate } from '../../../../../common/schemas/studios';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { studioKeys, useStudio } from '../api';
import { PersonSelect } from '../components/PersonSelect';
import { useTexts } from '../texts';

type Values = StudioCreate & { version?: number };

/** Date fields hold 'YYYY-MM-DD' strings in the form; the picker sees dayjs. */
const dateItem = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

const editable = (s: Studio): Values => ({
  name: s.name,
  type: s.type,
  hostOrgId: s.hostOrgId,
  foundedOn: s.foundedOn,
  field: s.field,
  slogan: s.slogan,
  intro: s.intro,
  contactName: s.contactName,
  contactPhone: s.contactPhone,
  contactEmail: s.contactEmail,
  siteArea: s.siteArea,
  equipment: s.equipment,
  version: s.version,
});

/** 新建/编辑工作室: one form for both; the leader edits the profile, union admins also the identity fields. */
export default function StudioFormPage() {
  const { id } = useParams();
  const studioId = Number(id ?? 0);
  const editing = studioId > 0;
  const { t, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const layout = useFormLayout(5);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<{ label: string; value: string }[] | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { data: studio, isLoading, error } = useStudio(studioId);

  // Fill the form once: a later refresh (after a 409) must not wipe what the user typed.
  useEffect(() => {
    if (studio && !loaded) {
      form.setFieldsValue(editable(studio));
      setLoaded(true);
    }
  }, [studio, form, loaded]);

  if (editing && isLoading) return <Skeleton active />;
  if (editing && (error || !studio))
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={(error as Error)?.message}
      />
    );
  const coreLocked = editing && !studio?.abilities.updateCore;

  const save = async (values: Values) => {
    setSaving(true);
    try {
      if (editing) {
        const body = { ...values, version: form.getFieldValue('version') as number };
        const saved = await api<Studio>(`/api/studios/${studioId}`, { method: 'PATCH', body });
        qc.setQueryData(studioKeys.one(studioId), saved);
        void qc.invalidateQueries({ queryKey: studioKeys.all });
        message.success(t('common.saved'));
        navigate(`/studios/${studioId}`);
      } else {
        const created = await api<Studio>('/api/studios', { method: 'POST', body: values });
        void qc.invalidateQueries({ queryKey: studioKeys.all });
        message.success(tx('created', { code: created.code }));
        navigate(`/studios/${created.id}`, { replace: true });
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'conflict.stale') {
        // Keep the user's edits; take the new version so a second save is a deliberate overwrite.
        const current = err.details?.current as Studio | undefined;
        const changed: { label: string; value: string }[] = [];
        if (current) {
          form.setFieldValue('version', current.version);
          qc.setQueryData(studioKeys.one(studioId), current);
          const mine = values as Record<string, unknown>;
          for (const key of [
            'name',
            'field',
            'slogan',
            'intro',
            'contactName',
            'contactPhone',
            'contactEmail',
            'siteArea',
          ] as const) {
            const theirs = current[key];
            if ((theirs ?? '') !== (mine[key] ?? ''))
              changed.push({ label: tx(key), value: String(theirs ?? '—') });
          }
        }
        setStale(changed);
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('common.back')}
            />
            {editing ? `${tx('editStudio')}：${studio?.name}` : tx('newStudio')}
          </Flex>
        }
      />
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={tx('staleReloaded')}
          description={stale.map((c) => `${c.label}：${c.value}`).join('；') || undefined}
          style={{ marginBottom: 16 }}
          closable
          onClose={() => setStale(null)}
        />
      )}
      <Card>
        <Form<Values>
          form={form}
          {...layout}
          onFinish={save}
          initialValues={{ type: 'modelWorker', equipment: [] }}
          style={{ maxWidth: 900 }}
          scrollToFirstError
        >
          <Form.Item name="version" hidden>
            <Input />
          </Form.Item>
          {coreLocked && <Alert type="info" showIcon title={tx('coreHint')} style={{ marginBottom: 16 }} />}
          <Form.Item name="name" label={tx('name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input disabled={coreLocked} maxLength={100} />
          </Form.Item>
          <Form.Item name="type" label={tx('type')} rules={[{ required: true }]}>
            <Select disabled={coreLocked} options={optionsOf(studioTypes, studioTypeLabels, lang)} />
          </Form.Item>
          <Form.Item name="hostOrgId" label={tx('hostOrg')} rules={[{ required: true }]}>
            <OrgTreeSelect disabled={coreLocked} />
          </Form.Item>
          {!editing && (
            <Form.Item name="leaderPersonId" label={tx('leader')} extra={tx('leaderHint')}>
              <PersonSelect />
            </Form.Item>
          )}
          <Form.Item name="foundedOn" label={tx('foundedOn')} {...dateItem}>
            <DatePicker disabled={coreLocked} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="field" label={tx('field')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="slogan" label={tx('slogan')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="intro" label={tx('intro')} rules={[{ max: 5000 }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="contactName" label={tx('contactName')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label={tx('contactPhone')} rules={[{ pattern: /^[0-9+\-() ]*$/ }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactEmail" label={tx('contactEmail')} rules={[{ type: 'email' }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="siteArea" label={tx('siteArea')}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={tx('equipment')}>
            <Form.List name="equipment">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ required: true, message: tx('equipmentName') }]}
                        noStyle
                      >
                        <Input placeholder={tx('equipmentName')} style={{ width: 180 }} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'model']} noStyle>
                        <Input placeholder={tx('model')} style={{ width: 140 }} maxLength={100} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'quantity']}
                        rules={[{ required: true }]}
                        noStyle
                        initialValue={1}
                      >
                        <InputNumber
                          placeholder={tx('quantity')}
                          min={1}
                          precision={0}
                          style={{ width: 90 }}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'value']} noStyle>
                        <InputNumber placeholder={tx('value')} min={0} precision={2} style={{ width: 140 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('common.cancel')} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ quantity: 1 })}
                    style={{ width: 180 }}
                  >
                    {tx('addEquipment')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item wrapperCol={layout.layout === 'horizontal' ? { offset: 5 } : undefined}>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('common.save')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
