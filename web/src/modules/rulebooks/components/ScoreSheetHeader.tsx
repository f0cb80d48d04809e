import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Flex, type FormInstance, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';

/** The words each module uses on its score sheet (an application's 暂存, an assessment's 保存草稿…). */
export interface ScoreSheetWords {
  submitted: string;
  deadline: string;
  saveDraft: string;
  submitScore: string;
  confirmSubmitScore: string;
}

/**
 * The head of a reviewer's score sheet, for applications and assessments alike: back, the title, 已提交 once
 * submitted, the deadline, and — while the reviewer may still score — save as draft, or check the form and
 * submit after a confirmation.
 */
export function ScoreSheetHeader({
  title,
  submitted,
  deadline,
  editable,
  busy,
  form,
  onSave,
  words,
}: {
  title: ReactNode;
  submitted: boolean;
  deadline: string | null;
  editable: boolean;
  busy: boolean;
  form: FormInstance;
  onSave: (submit: boolean) => void;
  words: ScoreSheetWords;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  return (
    <PageHeader
      title={
        <Flex align="center" gap={8} wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('common.back')}
          />
          {title}
          {submitted && <Tag color="green">{words.submitted}</Tag>}
        </Flex>
      }
      sub={deadline ? `${words.deadline} ${formatDate(deadline)}` : undefined}
      extra={
        editable && (
          <>
            <Button loading={busy} onClick={() => onSave(false)}>
              {words.saveDraft}
            </Button>
            <Button
              type="primary"
              loading={busy}
              onClick={async () => {
                await form.validateFields();
                modal.confirm({
                  title: words.submitScore,
                  content: words.confirmSubmitScore,
                  onOk: () => onSave(true),
                });
              }}
            >
              {words.submitScore}
            </Button>
          </>
        )
      }
    />
  );
}
