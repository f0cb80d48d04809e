import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import {
  type AllianceDetail,
  type PartnerKind,
  partnerKindLabels,
  partnerKinds,
} from '../../../../../common/schemas/alliances';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useAllianceTexts } from '../texts';

interface Values {
  name: string;
  orgId?: number;
  foundedOn: Dayjs;
  intro?: string;
  leadTermMonths: number;
  studioIds: (number | undefined)[];
  partners: { name?: string; kind?: PartnerKind }[];
}

/** 组建联盟: name, the org it is registered under, member studios (the first leads first) and partners. */
export default function AllianceFormPage() {
  const { t, lang } = useI18n();
  const tx = useAllianceTexts();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const layout = useFormLayout(5);
  const [form] = Form.useForm<Values>();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      const saved = await api<AllianceDetail>('/api/alliances', {
        method: 'POST',
        body: {
          name: v.name,
          orgId: v.orgId,
          foundedOn: v.foundedOn.format('YYYY-MM-DD'),
          intro: v.intro || null,
          leadTermMonths: v.leadTermMonths,
          studioIds: v.studioIds.filter(Boolean),
          partners: (v.partners ?? [])
            .filter((p) => p.name)
            .map((p) => ({ name: p.name, kind: p.kind ?? 'other' })),
        },
      });
      message.success(t('common.saved'));
      navigate(`/alliances/${saved.id}`, { replace: true });
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    }
  };
  return (
    <>
      <PageHeader title={tx('newAlliance')} />
      <Card>
        <Form<Values>
          form={form}
          {...layout}
          initialValues={{
            foundedOn: dayjs(),
            leadTermMonths: 12,
            studioIds: [undefined, undefined],
            partners: [],
          }}
          style={{ maxWidth: 760 }}
        >
          <Form.Item name="name" label={tx('name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="orgId" label={tx('org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="foundedOn" label={tx('foundedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="leadTermMonths" label={tx('leadTerm')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item label={tx('studios')} required>
            <Form.List name="studioIds">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f, i) => (
                    <Flex key={f.key} gap={8} align="center">
                      <Form.Item name={f.name} noStyle>
                        <StudioSelect
                          style={{ width: 320 }}
                          placeholder={i === 0 ? tx('leadStudio') : undefined}
                        />
                      </Form.Item>
                      {fields.length > 2 && (
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                      )}
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }}>
                    {tx('addMember')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item label={tx('partners')}>
            <Form.List name="partners">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} wrap>
                      <Form.Item name={[f.name, 'name']} noStyle>
                        <Input placeholder={tx('partnerName')} style={{ width: 220 }} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} noStyle>
                        <Select
                          placeholder={tx('partnerKind')}
                          options={optionsOf(partnerKinds, partnerKindLabels, lang)}
                          style={{ width: 130 }}
                        />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: 'university' })}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {tx('addPartner')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="intro" label={tx('intro')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item wrapperCol={layout.layout === 'horizontal' ? { offset: 5 } : undefined}>
            <Flex gap={8}>
              <Button type="primary" onClick={submit}>
                {t('common.save')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
