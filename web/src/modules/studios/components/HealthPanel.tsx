import { Alert, Card, Descriptions, Flex } from 'antd';
import type { StudioHealth } from '../../../../../common/schemas/studios';
import { formatDate } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

const sourceLabels: Record<string, { zh: string; en: string }> = {
  activities: { zh: '活动台账', en: 'activities' },
  innovation: { zh: '成果与课题', en: 'results and projects' },
  results: { zh: '成果', en: 'results' },
  ideas: { zh: '合理化建议', en: 'ideas' },
};

import { HealthTag } from './StudioTags';

/** 健康状况: the last result, activity and benefit dates, the status they give, and the rule. */
export function HealthPanel({ health: h }: { health: StudioHealth }) {
  const tx = useTexts();
  const { lang } = useI18n();
  const date = (d: string | null) => (d ? formatDate(d) : tx('noData'));
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'status',
              label: tx('healthStatus'),
              children: <HealthTag status={h.status} />,
              span: 'filled',
            },
            { key: 'result', label: tx('lastResult'), children: date(h.lastResultOn) },
            { key: 'activity', label: tx('lastActivity'), children: date(h.lastActivityOn) },
            { key: 'benefit', label: tx('lastBenefit'), children: date(h.lastBenefitOn) },
            { key: 'signal', label: tx('lastSignal'), children: date(h.lastSignalOn) },
          ]}
        />
      </Card>
      <Alert
        type={h.status === 'atRisk' ? 'error' : h.status === 'warning' ? 'warning' : 'info'}
        showIcon
        title={tx('healthRule')}
        description={
          h.sources.length
            ? tx('healthSources', {
                sources: h.sources.map((s) => sourceLabels[s]?.[lang] ?? s).join(lang === 'zh' ? '、' : ', '),
              })
            : tx('healthNoSources')
        }
      />
    </Flex>
  );
}
