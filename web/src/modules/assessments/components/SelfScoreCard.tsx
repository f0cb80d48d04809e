import { App, Button, Card, Form, Input, Statistic, Typography } from 'antd';
import { useState } from 'react';
import type { AssessmentDetail } from '../../../../../common/schemas/assessments';
import type { Indicator, ScoreSheet } from '../../../../../common/schemas/rulebooks';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useSeedForm } from '../../../shared/hooks/useSeedForm';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';
import { cleanPoints, PointsTable, type PointsValues, pointsTotal } from './PointsTable';

interface Values extends PointsValues {
  notes: Record<string, string>;
  comment?: string;
}

/** The leader's self score on the campaign's sheet: points and an explanation per indicator. */
export function SelfScoreCard({
  a,
  sheet,
  onSaved,
}: {
  a: AssessmentDetail;
  sheet: ScoreSheet;
  onSaved: (d: AssessmentDetail) => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const editable = a.abilities.editSelf === true;
  const values = Form.useWatch([], form);
  useSeedForm(form, {
    items: a.self.items,
    bonus: a.self.bonus,
    notes: a.self.notes,
    comment: a.self.comment ?? '',
  });
  const total = editable ? pointsTotal(values, sheet.bonusCap) : (a.self.total ?? 0);
  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    try {
      const next = await api<AssessmentDetail>(`/api/assessments/${a.id}/self-score`, {
        method: 'PUT',
        body: {
          items: cleanPoints(v.items),
          bonus: cleanPoints(v.bonus),
          notes: Object.fromEntries(Object.entries(v.notes ?? {}).filter(([, x]) => x)),
          comment: v.comment || null,
          version: a.version,
        },
      });
      onSaved(next);
      message.success(t('common.saved'));
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  const notesColumn = [
    {
      title: tx('note'),
      key: 'n',
      width: 220,
      render: (_: unknown, ind: Indicator) => (
        <Form.Item name={['notes', ind.key]} style={{ margin: 0 }}>
          <Input.TextArea
            autoSize
            maxLength={2000}
            disabled={!editable}
            aria-label={`${tx('note')} · ${ind.name}`}
          />
        </Form.Item>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={tx('selfScore')}
      extra={
        <Statistic
          value={total}
          suffix={`/ ${sheet.indicators.reduce((s, i) => s + i.maxPoints, 0) + sheet.bonusCap}`}
          valueStyle={{ fontSize: 18 }}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ items: {}, bonus: {}, notes: {}, comment: '' }}
      >
        <PointsTable list={sheet.indicators} field="items" editable={editable} after={notesColumn} />
        {sheet.bonus.length > 0 && (
          <>
            <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 4px' }}>
              {tx('bonusCap', { n: sheet.bonusCap })}
            </Typography.Text>
            <PointsTable list={sheet.bonus} field="bonus" editable={editable} />
          </>
        )}
        <Form.Item name="comment" label={tx('comment')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={2000} disabled={!editable} />
        </Form.Item>
        {editable && (
          <Button type="primary" loading={busy} onClick={save}>
            {tx('saveSelf')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
