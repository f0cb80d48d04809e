import { Tag } from 'antd';
import { type MentorshipStatus, mentorshipStatusLabels } from '../../../../../common/schemas/mentorships';
import { useI18n } from '../../../shared/i18n';

const colors: Record<MentorshipStatus, string> = {
  active: 'processing',
  completed: 'success',
  terminated: 'default',
};

export function MentorshipStatusTag({ status }: { status: MentorshipStatus }) {
  const { l } = useI18n();
  return <Tag color={colors[status]}>{l(mentorshipStatusLabels[status])}</Tag>;
}
