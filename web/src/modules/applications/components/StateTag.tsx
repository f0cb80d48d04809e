import { Tag } from 'antd';
import { type ApplicationState, applicationStateLabels } from '../../../../../common/workflows/application';
import { useI18n } from '../../../shared/i18n';

const colors: Record<ApplicationState, string> = {
  draft: 'default',
  firstReview: 'processing',
  upperReview: 'processing',
  expertReview: 'purple',
  siteVisit: 'cyan',
  publicity: 'gold',
  named: 'success',
  returned: 'warning',
  rejected: 'error',
};

/** The workflow step of an application as a coloured tag. */
export function StateTag({ state }: { state: ApplicationState }) {
  const { l } = useI18n();
  return <Tag color={colors[state]}>{l(applicationStateLabels[state])}</Tag>;
}
