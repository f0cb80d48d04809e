import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  type NamingLevel,
  namingLevelLabels,
  namingLevels,
  type studioTypeLabels,
} from '../../../../../common/enums';
import type { ApplicationDetail, ApplicationMaterials } from '../../../../../common/schemas/applications';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { applicationKeys, useApplication, useConditionCheck } from '../api';
import { ConditionTable } from '../components/ConditionTable';
import { useTexts } from '../texts';

interface MyStudio {
  id: number;
  name: string;
  type: keyof typeof studioTypeLabels;
  hostOrgName: string;
  currentLevel: NamingLevel | null;
}

/**
 * The leader's application wizard: pick the studio and level → see each entry condition passed, failed or
 * left for manual confirmation → write the materials → confirm and submit. `?id=` continues a draft or a
 * returned application.
 */
export default function ApplyWizardPage() {
  const { l } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const existingId = Number(useSearchParams()[0].get('id') ?? 0);
  const existing = useApplication(existingId);
  const [step, setStep] = useState(0);
  const [studioId, setStudioId] = useState<number>();
  const [level, setLevel] = useState<NamingLevel>();
  const [app, setApp] = useState<ApplicationDetail | null>(null);
  const [form] = Form.useForm<ApplicationMaterials>();
  const [busy, setBusy] = useState(false);
  const studios = useQuery({
    queryKey: ['applications', 'my-studios'],
    queryFn: () => api<MyStudio[]>('/api/applications/my-studios'),
  });
  const check = useConditionCheck(studioId, level);

  useEffect(() => {
    const a = existing.data;
    if (!a || app) return;
    setApp(a);
    setStudioId(a.studioId);
    setLevel(a.level);
    form.setFieldsValue(a.materials);
    setStep(1);
  }, [existing.data, app, form]);
  useEffect(() => {
    const list = studios.data;
    if (!studioId && list?.length === 1) setStudioId(list[0]!.id);
  }, [studios.data, studioId]);

  if (studios.isLoading || (existingId > 0 && existing.isLoading)) return <Skeleton active />;
  if (!studios.data?.length) return <Result status="info" title={tx('noStudios')} />;
  const studio = studios.data.find((s) => s.id === studioId);

  const saveMaterials = async () => {
    const materials = await form.validateFields();
    setBusy(true);
    try {
      const saved = app
        ? await api<ApplicationDetail>(`/api/applications/${app.id}`, {
            method: 'PATCH',
            body: { materials, version: app.version },
          })
        : await api<ApplicationDetail>('/api/applications', {
            method: 'POST',
            body: { studioId, level, materials },
          });
      setApp(saved);
      qc.setQueryData(applicationKeys.one(saved.id), saved);
      message.success(tx('draftSaved'));
      setStep(3);
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    modal.confirm({
      title: tx('submitApplication'),
      content: tx('confirmSubmit'),
      onOk: async () => {
        try {
          const done = await api<ApplicationDetail>(`/api/applications/${app!.id}/transitions`, {
            method: 'POST',
            body: { action: 'submit', version: app!.version },
          });
          qc.setQueryData(applicationKeys.one(done.id), done);
          void qc.invalidateQueries({ queryKey: applicationKeys.all });
          message.success(tx('submittedOk'));
          navigate(`/applications/${done.id}`);
        } catch (err) {
          toast(err);
        }
      },
    });

  const results = check.data?.results ?? [];
  return (
    <>
      <PageHeader
        title={tx('wizardTitle')}
        sub={studio ? `${studio.name} · ${level ? l(namingLevelLabels[level]) : ''}` : undefined}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={step}
          items={[
            { title: tx('stepPick') },
            { title: tx('stepCheck') },
            { title: tx('stepMaterials') },
            { title: tx('stepConfirm') },
          ]}
        />
      </Card>
      <Card size="small">
        {step === 0 && (
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item label={tx('pickStudio')} required>
              <Select
                value={studioId}
                onChange={setStudioId}
                options={studios.data.map((s) => ({
                  value: s.id,
                  label: `${s.name}（${s.hostOrgName}${s.currentLevel ? ` · ${l(namingLevelLabels[s.currentLevel])}` : ''}）`,
                }))}
              />
            </Form.Item>
            <Form.Item label={tx('level')} required>
              <Radio.Group
                value={level}
                onChange={(e) => setLevel(e.target.value)}
                optionType="button"
                options={namingLevels.map((v) => ({ value: v, label: l(namingLevelLabels[v]) }))}
              />
            </Form.Item>
            <Button type="primary" disabled={!studioId || !level} onClick={() => setStep(1)}>
              {tx('next')}
            </Button>
          </Form>
        )}
        {step === 1 && (
          <Flex vertical gap={16}>
            {check.isLoading ? (
              <Skeleton active />
            ) : check.error ? (
              <Alert type="error" showIcon title={(check.error as Error).message} />
            ) : (
              <>
                <Alert
                  type={check.data?.ok ? 'success' : 'error'}
                  showIcon
                  title={check.data?.ok ? tx('checkOk') : tx('checkFailed')}
                />
                <ConditionTable results={results} />
              </>
            )}
            <Space>
              {!app && <Button onClick={() => setStep(0)}>{tx('prev')}</Button>}
              <Button type="primary" disabled={!check.data?.ok} onClick={() => setStep(2)}>
                {tx('next')}
              </Button>
            </Space>
          </Flex>
        )}
        <Form<ApplicationMaterials>
          form={form}
          layout="vertical"
          style={{ display: step === 2 ? undefined : 'none', maxWidth: 900 }}
          initialValues={{ summary: '', achievements: '', plans: '', conditionNotes: {} }}
        >
          <Form.Item name="summary" label={tx('summary')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="achievements" label={tx('achievements')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="plans" label={tx('plans')}>
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
          {results.some((r) => r.status === 'manual') && (
            <Form.Item label={tx('conditions')}>
              <ConditionTable
                results={results.filter((r) => r.status === 'manual')}
                renderNote={(r) => (
                  <Form.Item name={['conditionNotes', r.key]} noStyle>
                    <Input.TextArea rows={2} maxLength={500} />
                  </Form.Item>
                )}
              />
            </Form.Item>
          )}
          <Space>
            <Button onClick={() => setStep(1)}>{tx('prev')}</Button>
            <Button type="primary" loading={busy} onClick={saveMaterials}>
              {tx('saveAndNext')}
            </Button>
          </Space>
        </Form>
        {step === 3 && app && (
          <Flex vertical gap={16}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 's', label: tx('studio'), children: app.studioName },
                { key: 'l', label: tx('level'), children: l(namingLevelLabels[app.level]) },
                { key: 'o', label: tx('hostOrg'), children: app.hostOrgName },
                { key: 'r', label: tx('rulebookVersion'), children: `V${app.rulebookVersionNo}` },
                ...(['summary', 'achievements', 'plans'] as const).map((k) => ({
                  key: k,
                  label: tx(k),
                  span: 2,
                  children: (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {app.materials[k] || '—'}
                    </Typography.Paragraph>
                  ),
                })),
              ]}
            />
            {results.length ? (
              <ConditionTable results={results} notes={app.materials.conditionNotes} />
            ) : (
              <Empty />
            )}
            <Space>
              <Button onClick={() => setStep(2)}>{tx('prev')}</Button>
              <Button onClick={() => navigate(`/applications/${app.id}`)}>{tx('saveDraft')}</Button>
              <Button type="primary" onClick={submit}>
                {tx('submitApplication')}
              </Button>
            </Space>
          </Flex>
        )}
      </Card>
    </>
  );
}
