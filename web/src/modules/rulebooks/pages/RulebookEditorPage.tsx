import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  honourLevelLabels,
  honourLevels,
  namingLevelLabels,
  namingLevels,
} from '../../../../../common/enums';
import {
  type Condition,
  conditionKindLabels,
  conditionKinds,
  type Rulebook,
  type RulebookCreate,
  rulebookProblems,
} from '../../../../../common/schemas/rulebooks';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors, namePathOf } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { useRulebookTexts } from '../texts';

/** A condition row in the form: leaderHonour's "any level" is the select value ANY rather than null. */
type FormCondition = Record<string, unknown> & { kind: Condition['kind']; minLevel?: string | null };
interface Values extends Omit<RulebookCreate, 'conditions' | 'purpose' | 'level' | 'baseId'> {
  conditions: FormCondition[];
}
const ANY = 'any';

/** Revises a rulebook: the form starts from the current version and publishes a new one; nothing old changes. */
export default function RulebookEditorPage() {
  const id = Number(useParams().id);
  const { l, lang, t } = useI18n();
  const rx = useRulebookTexts();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const {
    data: base,
    isLoading,
    error,
  } = useQuery({ queryKey: ['rulebooks', id], queryFn: () => api<Rulebook>(`/api/rulebooks/${id}`) });
  useEffect(() => {
    if (!base) return;
    form.setFieldsValue({
      name: base.name,
      note: '',
      conditions: base.conditions.map((c) =>
        c.kind === 'leaderHonour' ? { ...c, minLevel: c.minLevel ?? ANY } : c,
      ),
      sheet: base.sheet,
    });
  }, [base, form]);
  if (isLoading) return <Skeleton active />;
  if (error || !base)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;

  const save = async (v: Values) => {
    const body: RulebookCreate = {
      purpose: base.purpose,
      level: base.level,
      name: v.name,
      note: v.note || null,
      conditions: (v.conditions ?? []).map((c) =>
        c.kind === 'leaderHonour' ? { ...c, minLevel: c.minLevel === ANY ? null : c.minLevel } : c,
      ) as unknown as Condition[],
      sheet: { ...v.sheet, bonus: v.sheet.bonus ?? [], bonusCap: v.sheet.bonusCap ?? 0 },
      baseId: base.id,
    };
    const problems = rulebookProblems(body);
    if (Object.keys(problems).length) {
      const leaf = Object.entries(problems).filter(([k]) => /\.\d+\./.test(k));
      form.setFields(leaf.map(([k, m]) => ({ name: namePathOf(k) as never, errors: [m] })));
      for (const [k, m] of Object.entries(problems)) if (!/\.\d+\./.test(k)) message.error(m);
      return;
    }
    setBusy(true);
    try {
      const created = await api<Rulebook>('/api/rulebooks', { method: 'POST', body });
      void qc.invalidateQueries({ queryKey: ['rulebooks'] });
      message.success(rx('published'));
      navigate(`/rulebooks/${created.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict.stale') message.error(rx('stale'));
      else if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };

  const indicatorList = (name: 'indicators' | 'bonus', title: string) => (
    <Card
      size="small"
      title={title}
      extra={
        name === 'bonus' && (
          <Form.Item
            name={['sheet', 'bonusCap']}
            label={rx('bonusCap')}
            layout="horizontal"
            style={{ margin: 0 }}
          >
            <InputNumber min={0} step={0.5} style={{ width: 100 }} />
          </Form.Item>
        )
      }
    >
      <Form.List name={['sheet', name]}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'key']} rules={[{ required: true }]} style={{ width: 120 }}>
                  <Input placeholder={rx('key')} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ width: 140 }}>
                  <Input placeholder={rx('indicator')} />
                </Form.Item>
                <Form.Item name={[f.name, 'maxPoints']} rules={[{ required: true }]}>
                  <InputNumber
                    placeholder={rx('maxPoints')}
                    min={0.5}
                    step={0.5}
                    addonAfter={lang === 'zh' ? '分' : 'pts'}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'guidance']} style={{ width: 420, maxWidth: '80vw' }}>
                  <Input.TextArea autoSize placeholder={rx('guidance')} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ key: '', name: '', maxPoints: 10, guidance: '' })}
            >
              {rx('add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={`${rx('editorTitle')} · ${base.name}`}
        sub={`V${base.versionNo} → V${base.versionNo + 1}`}
        extra={
          <>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {rx('publish')}
            </Button>
          </>
        }
      />
      <Alert type="info" showIcon title={rx('editorHint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        <Flex vertical gap={16}>
          <Card size="small">
            <Form.Item name="name" label={rx('name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="note" label={rx('note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Card>
          <Card size="small" title={rx('conditions')}>
            <Form.List name="conditions">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap>
                      <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]} style={{ width: 140 }}>
                        <Select options={optionsOf(conditionKinds, conditionKindLabels, lang)} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'key']} rules={[{ required: true }]} style={{ width: 110 }}>
                        <Input placeholder={rx('key')} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'label']}
                        rules={[{ required: true }]}
                        style={{ width: 320, maxWidth: '80vw' }}
                      >
                        <Input placeholder={rx('label')} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() => (
                          <ConditionParams
                            name={f.name}
                            kind={form.getFieldValue(['conditions', f.name, 'kind'])}
                          />
                        )}
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: 'manual', key: '', label: '' })}
                  >
                    {rx('add')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Card>
          {indicatorList('indicators', rx('indicators'))}
          {indicatorList('bonus', rx('bonus'))}
          <Card size="small" title={rx('grades')}>
            <Form.List name={['sheet', 'grades']}>
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  {fields.map((f) => (
                    <Space key={f.key} align="start">
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                        <Input placeholder={rx('grade')} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'minScore']} rules={[{ required: true }]}>
                        <InputNumber
                          placeholder={rx('minScore')}
                          min={0}
                          addonBefore="≥"
                          style={{ width: 140 }}
                        />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', minScore: 0 })}
                  >
                    {rx('add')}
                  </Button>
                </Flex>
              )}
            </Form.List>
            <Typography.Text type="secondary">
              {l({
                zh: '从高到低匹配；须有一个从 0 分起的最低等级。',
                en: 'Matched from the top; one band must start at 0.',
              })}
            </Typography.Text>
          </Card>
        </Flex>
      </Form>
    </>
  );
}

/** The requirement inputs of a condition row, by kind. */
function ConditionParams({ name, kind }: { name: number; kind: Condition['kind'] }) {
  const { lang } = useI18n();
  const rx = useRulebookTexts();
  const n = (field: string, ph: string, unit: string, min = 0) => (
    <Form.Item name={[name, field]} rules={[{ required: true }]}>
      <InputNumber placeholder={ph} min={min} addonAfter={unit} style={{ width: 130 }} />
    </Form.Item>
  );
  const u = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  if (kind === 'leaderHonour')
    return (
      <Form.Item name={[name, 'minLevel']} style={{ width: 150 }}>
        <Select
          options={[
            { value: ANY, label: rx('anyHonour') },
            ...optionsOf(honourLevels, honourLevelLabels, lang),
          ]}
        />
      </Form.Item>
    );
  if (kind === 'minMembers') return n('min', rx('minMembers', { n: '' }), u('人', 'people'));
  if (kind === 'minYearsRunning') return n('years', rx('years', { n: '' }), u('年', 'yrs'));
  if (kind === 'minSiteArea') return n('sqm', rx('sqm', { n: '' }), 'm²');
  if (kind === 'minResultsPerYear')
    return (
      <Space>
        {n('perYear', rx('perYear', { n: '', y: '' }), u('项/年', '/yr'))}
        {n('years', rx('years', { n: '' }), u('近几年', 'yrs'), 1)}
      </Space>
    );
  if (kind === 'priorNaming')
    return (
      <Form.Item name={[name, 'level']} rules={[{ required: true }]} style={{ width: 130 }}>
        <Select options={optionsOf(namingLevels, namingLevelLabels, lang)} />
      </Form.Item>
    );
  return null;
}
