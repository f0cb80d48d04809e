import { Tag } from 'antd';
import { type IdeaStatus, ideaStatusLabels } from '../../../../../common/workflows/idea';
import { useI18n } from '../../../shared/i18n';

const colors: Record<IdeaStatus, string> = {
  submitted: 'default',
  assigned: 'processing',
  evaluating: 'blue',
  adopted: 'green',
  implemented: 'cyan',
  rejected: 'default',
  rewarded: 'gold',
  merged: 'purple',
};

/** An idea's status as a coloured tag (plus 已超期 in red when the answer is late). */
export function IdeaStatusTag({ status, overdue }: { status: IdeaStatus; overdue?: boolean }) {
  const { l, lang } = useI18n();
  return (
    <>
      <Tag color={colors[status]}>{l(ideaStatusLabels[status])}</Tag>
      {overdue && <Tag color="red">{lang === 'en' ? 'Overdue' : '已超期'}</Tag>}
    </>
  );
}
