import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Skeleton,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type SkillGrade, skillGradeLabels, skillGrades } from '../../../../../common/enums';
import type { MentorshipDetail } from '../../../../../common/schemas/mentorships';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { useLifeTexts } from '../../activities/texts';
import { Attachments } from '../../studios/components/Attachments';
import { mentorshipKeys, useMentorship } from '../api';
import { MentorshipStatusTag } from '../components/MentorshipStatusTag';
import { useMentorTexts } from '../texts';

type Dialog = 'note' | 'complete' | 'terminate' | null;

/** An agreement: parties, goals, progress notes (timeline), and the 出师 / 终止 actions. */
export default function MentorshipDetailPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const tx = useMentorTexts();
  const lx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{
    date: Dayjs;
    content?: string;
    outcomeGrade?: SkillGrade;
    certificate?: string;
    outcomeNote?: string;
  }>();
  const { data: m, isLoading, error } = useMentorship(Number(id));
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !m)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;
  const ab = m.abilities ?? {};
  const grade = (g: string | null) => labelOf(skillGradeLabels, g as SkillGrade | null, lang) || '—';
  const saved = (x: MentorshipDetail) => {
    qc.setQueryData(mentorshipKeys.one(x.id), x);
    void qc.invalidateQueries({ queryKey: mentorshipKeys.all });
    void qc.invalidateQueries({ queryKey: ['people'] });
  };
  const open = (d: Dialog) => {
    form.resetFields();
    form.setFieldsValue({ date: dayjs(), outcomeGrade: m.targetGrade ?? undefined });
    setDialog(d);
  };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const date = v.date.format('YYYY-MM-DD');
    const req =
      dialog === 'note'
        ? { url: 'notes', body: { notedOn: date, content: v.content } }
        : dialog === 'complete'
          ? {
              url: 'complete',
              body: {
                outcomeOn: date,
                outcomeGrade: v.outcomeGrade ?? null,
                certificate: v.certificate || null,
                outcomeNote: v.outcomeNote || null,
                version: m.version,
              },
            }
          : { url: 'terminate', body: { outcomeOn: date, outcomeNote: v.outcomeNote, version: m.version } };
    try {
      saved(
        await api<MentorshipDetail>(`/api/mentorships/${m.id}/${req.url}`, {
          method: 'POST',
          body: req.body,
        }),
      );
      message.success(t('common.done'));
      setDialog(null);
    } catch (err) {
      const map: Record<string, string> = { notedOn: 'date', outcomeOn: 'date' };
      if (err instanceof ApiError) {
        const fields = Object.entries(err.fields).map(([k, msg]) => ({ name: map[k] ?? k, errors: [msg] }));
        if (fields.length) form.setFields(fields as never);
        else toast(err);
      } else if (!applyServerErrors(form, err)) toast(err);
    }
  };
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', {
        name: `${m.mentor.name} → ${m.apprentice.name}`,
      }),
      onOk: async () => {
        try {
          saved(
            await api<MentorshipDetail>(`/api/mentorships/${m.id}/${archived ? 'archive' : 'restore'}`, {
              method: 'POST',
              body: { version: m.version },
            }),
          );
        } catch (err) {
          toast(err);
        }
      },
    });

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('common.back')}
            />
            {m.mentor.name} → {m.apprentice.name}
            <MentorshipStatusTag status={m.status} />
            {m.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Flex>
        }
        extra={
          <>
            {ab.addNote && <Button onClick={() => open('note')}>{tx('addNote')}</Button>}
            {ab.update && (
              <Button onClick={() => navigate(`/mentorships/${m.id}/edit`)}>{t('common.edit')}</Button>
            )}
            {ab.complete && (
              <Button type="primary" onClick={() => open('complete')}>
                {tx('complete')}
              </Button>
            )}
            {ab.terminate && (
              <Button danger onClick={() => open('terminate')}>
                {tx('terminate')}
              </Button>
            )}
            {ab.archive && <Button onClick={() => setArchived(true)}>{t('common.archive')}</Button>}
            {ab.restore && <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              {
                key: 'studio',
                label: lx('studio'),
                children: <a onClick={() => navigate(`/studios/${m.studioId}`)}>{m.studioName}</a>,
              },
              {
                key: 'mentor',
                label: tx('mentor'),
                children: <a onClick={() => navigate(`/people/${m.mentor.id}`)}>{m.mentor.name}</a>,
              },
              {
                key: 'apprentice',
                label: tx('apprentice'),
                children: <a onClick={() => navigate(`/people/${m.apprentice.id}`)}>{m.apprentice.name}</a>,
              },
              {
                key: 'period',
                label: tx('period'),
                children: `${formatDate(m.startsOn)} ~ ${formatDate(m.endsOn)}`,
              },
              { key: 'target', label: tx('targetGrade'), children: grade(m.targetGrade) },
              { key: 'current', label: tx('currentGrade'), children: grade(m.apprentice.skillGrade) },
              { key: 'goals', label: tx('goals'), span: 'filled', children: m.goals },
              ...(m.status !== 'active'
                ? [
                    { key: 'outcomeOn', label: tx('outcomeOn'), children: formatDate(m.outcomeOn) },
                    {
                      key: 'outcomeGrade',
                      label: tx('outcomeGrade'),
                      children: m.outcomeGrade ? <Tag color="green">{grade(m.outcomeGrade)}</Tag> : '—',
                    },
                    { key: 'certificate', label: tx('certificate'), children: m.certificate ?? '—' },
                    {
                      key: 'note',
                      label: tx('outcomeNote'),
                      span: 'filled' as const,
                      children: m.outcomeNote ?? '—',
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Tabs
          items={[
            {
              key: 'notes',
              label: `${tx('notes')} ${m.notes.length}`,
              children: (
                <Card size="small">
                  {m.notes.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={lx('noRecords')} />
                  ) : (
                    <Timeline
                      items={m.notes.map((n) => ({
                        key: n.id,
                        content: (
                          <>
                            <Typography.Text strong>{formatDate(n.notedOn)}</Typography.Text>
                            <Typography.Text type="secondary"> · {n.authorName}</Typography.Text>
                            <div>{n.content}</div>
                          </>
                        ),
                      }))}
                    />
                  )}
                </Card>
              ),
            },
            {
              key: 'files',
              label: lx('photos'),
              children: <Attachments ownerType="mentorship" ownerId={m.id} canUpload={!!ab.addNote} />,
            },
          ]}
        />
      </Flex>
      <Modal
        open={dialog !== null}
        title={dialog === 'note' ? tx('addNote') : dialog === 'complete' ? tx('complete') : tx('terminate')}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okButtonProps={{ danger: dialog === 'terminate' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="date"
            label={dialog === 'note' ? tx('notedOn') : tx('outcomeOn')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
          {dialog === 'note' && (
            <Form.Item name="content" label={tx('content')} rules={[{ required: true, max: 2000 }]}>
              <Input.TextArea rows={4} showCount maxLength={2000} />
            </Form.Item>
          )}
          {dialog === 'complete' && (
            <>
              <Form.Item name="outcomeGrade" label={tx('outcomeGrade')} extra={tx('outcomeGradeHint')}>
                <Select allowClear options={optionsOf(skillGrades, skillGradeLabels, lang)} />
              </Form.Item>
              <Form.Item name="certificate" label={tx('certificate')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {dialog !== 'note' && (
            <Form.Item
              name="outcomeNote"
              label={dialog === 'terminate' ? tx('reason') : tx('outcomeNote')}
              rules={[{ required: dialog === 'terminate', max: 2000 }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
