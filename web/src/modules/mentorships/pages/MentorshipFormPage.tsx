import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { type SkillGrade, skillGradeLabels, skillGrades } from '../../../../../common/enums';
import type { MentorshipDetail } from '../../../../../common/schemas/mentorships';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { LifePersonSelect } from '../../activities/components/LifePersonSelect';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { mentorshipKeys, useMentorship } from '../api';
import { useMentorTexts } from '../texts';

interface Values {
  studioId?: number;
  mentorPersonId?: number;
  apprenticePersonId?: number;
  period: [Dayjs, Dayjs];
  goals: string;
  targetGrade?: SkillGrade | null;
}

/** 签订/编辑师带徒协议: mentor (a member of the studio), apprentice, period, goals and target grade. */
export default function MentorshipFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : 0;
  const { data, isLoading } = useMentorship(editId);
  if (editId && isLoading) return <Skeleton active />;
  return <MentorshipForm existing={data} />;
}

function MentorshipForm({ existing }: { existing?: MentorshipDetail }) {
  const { t, lang } = useI18n();
  const tx = useMentorTexts();
  const lx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const layout = useFormLayout(4);
  const [form] = Form.useForm<Values>();
  const studioId = Form.useWatch('studioId', form) ?? existing?.studioId;
  const initial: Partial<Values> = existing
    ? {
        studioId: existing.studioId,
        mentorPersonId: existing.mentor.id,
        apprenticePersonId: existing.apprentice.id,
        period: [dayjs(existing.startsOn), dayjs(existing.endsOn)],
        goals: existing.goals,
        targetGrade: existing.targetGrade,
      }
    : { period: [dayjs(), dayjs().add(1, 'year')] };
  const known = existing
    ? { [existing.mentor.id]: existing.mentor.name, [existing.apprentice.id]: existing.apprentice.name }
    : {};

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const dates = { startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD') };
    const body = existing
      ? { ...dates, goals: v.goals, targetGrade: v.targetGrade ?? null, version: existing.version }
      : {
          studioId: v.studioId,
          mentorPersonId: v.mentorPersonId,
          apprenticePersonId: v.apprenticePersonId,
          ...dates,
          goals: v.goals,
          targetGrade: v.targetGrade ?? null,
        };
    try {
      const saved = await api<MentorshipDetail>(
        existing ? `/api/mentorships/${existing.id}` : '/api/mentorships',
        {
          method: existing ? 'PATCH' : 'POST',
          body,
        },
      );
      qc.setQueryData(mentorshipKeys.one(saved.id), saved);
      void qc.invalidateQueries({ queryKey: mentorshipKeys.all });
      message.success(lx('saved'));
      navigate(`/mentorships/${saved.id}`, { replace: true });
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    }
  };

  return (
    <>
      <PageHeader title={existing ? tx('editMentorship') : tx('newMentorship')} />
      <Card>
        <Form<Values> form={form} {...layout} initialValues={initial} style={{ maxWidth: 760 }}>
          <Form.Item
            name="studioId"
            label={lx('studio')}
            rules={[{ required: true, message: lx('studioSearch') }]}
          >
            <StudioSelect disabled={!!existing} initialLabel={existing?.studioName} />
          </Form.Item>
          <Form.Item
            name="mentorPersonId"
            label={tx('mentor')}
            rules={[{ required: true, message: lx('personSearch') }]}
          >
            <LifePersonSelect studioId={studioId} known={known} disabled={!!existing} />
          </Form.Item>
          <Form.Item
            name="apprenticePersonId"
            label={tx('apprentice')}
            rules={[{ required: true, message: lx('personSearch') }]}
          >
            <LifePersonSelect studioId={studioId} known={known} disabled={!!existing} />
          </Form.Item>
          <Form.Item name="period" label={tx('period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="goals" label={tx('goals')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} showCount maxLength={2000} />
          </Form.Item>
          <Form.Item name="targetGrade" label={tx('targetGrade')}>
            <Select
              allowClear
              options={optionsOf(skillGrades, skillGradeLabels, lang)}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item wrapperCol={layout.layout === 'horizontal' ? { offset: 4 } : undefined}>
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
