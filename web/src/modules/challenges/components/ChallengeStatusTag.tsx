import { Tag } from 'antd';
import { type ChallengeStatus, challengeStatusLabels } from '../../../../../common/workflows/challenge';
import { useI18n } from '../../../shared/i18n';

const colors: Record<ChallengeStatus, string> = {
  published: 'processing',
  selected: 'blue',
  inProgress: 'orange',
  acceptance: 'gold',
  closed: 'green',
  cancelled: 'default',
};

export function ChallengeStatusTag({ status }: { status: ChallengeStatus }) {
  const { l } = useI18n();
  return <Tag color={colors[status]}>{l(challengeStatusLabels[status])}</Tag>;
}
