import { App, Card, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { IdeaDetail } from '../../../../../common/schemas/ideas';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { postOrQueue } from '../../../shared/offline/outbox';
import { IdeaForm } from '../components/IdeaForm';
import { useTexts } from '../texts';

/** A logged-in employee submits an idea (their own unit), with an optional photo; then sees it. */
export default function IdeaSubmitPage() {
  const tx = useTexts();
  const { t } = useI18n();
  const navigate = useNavigate();
  const toast = useErrorToast();
  const { message } = App.useApp();
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={tx('submitTitle')} sub={tx('submitSub')} />
      <Card>
        <IdeaForm
          allowPhoto
          onSubmit={async (values, photo) => {
            // offline (or the line drops): kept in the outbox and sent once with the same idempotency key
            const sent = await postOrQueue<IdeaDetail>(
              '/api/ideas',
              { title: values.title, content: values.content, category: values.category },
              values.title,
            );
            if (sent.queued) {
              message.info(t('outbox.queued'));
              navigate('/ideas');
              return;
            }
            const idea = sent.data;
            if (photo) {
              const form = new FormData();
              form.append('file', photo, photo.name);
              await api('/api/files', {
                method: 'POST',
                form,
                query: { ownerType: 'idea', ownerId: idea.id, purpose: 'photo' },
              }).catch(toast);
            }
            message.success(tx('submitted', { code: idea.code }));
            navigate(`/ideas/${idea.id}`);
          }}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        <Link to="/public/ideas">{tx('anonymousLink')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
